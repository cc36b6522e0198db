#!/usr/bin/env node
'use strict';
// The CLI runs the same services as the app; its bundle is built on `npm install` (prepare).
const path = require('node:path');
const fs = require('node:fs');

const bundle = path.join(__dirname, '..', 'out', 'node', 'cli.cjs');
if (!fs.existsSync(bundle)) {
  process.stderr.write(
    'wenshu: the CLI is not built yet; run `npm run build` (or `npm install`) in the Wenshu folder\n',
  );
  process.exit(2);
}
require(bundle)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
