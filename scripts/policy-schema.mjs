// Writes docs/policy.schema.json from the zod schema in shared/policy/schema.ts, so the published
// JSON Schema cannot drift from what Wenshu checks. `--stdout` prints it instead (the test compares).
// The schema is TypeScript: esbuild bundles it together with zod (one zod instance for
// z.toJSONSchema) and the bundle is imported from memory.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import fs from 'node:fs';
import * as prettier from 'prettier';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = path.join(root, 'docs', 'policy.schema.json');

const bundle = await build({
  stdin: {
    contents: `export { Policy } from './shared/policy/schema.ts'; export { z } from 'zod';`,
    resolveDir: root,
    loader: 'ts',
    sourcefile: 'policy-schema-entry.ts',
  },
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'neutral',
  logLevel: 'warning',
});
const code = Buffer.from(bundle.outputFiles[0].text).toString('base64');
const { Policy, z } = await import(`data:text/javascript;base64,${code}`);

// Input shape: fields with defaults are optional, as IT writes the file.
const { $schema, description, ...generated } = z.toJSONSchema(Policy, { io: 'input', target: 'draft-2020-12' });
const schema = { $schema, $id: 'urn:wenshu:policy:1', title: 'Wenshu machine policy', description, ...generated };
const text = await prettier.format(JSON.stringify(schema), {
  ...(await prettier.resolveConfig(target)),
  filepath: target,
});

if (process.argv.includes('--stdout')) process.stdout.write(text);
else {
  fs.writeFileSync(target, text);
  console.log(`wrote ${path.relative(root, target)}`);
}
