// Writes docs/template-pack.schema.json from the zod schema in shared/gongwen/type-spec.ts, so the
// published JSON Schema cannot drift from what Wenshu checks. `--stdout` prints it instead (the
// test compares). Same approach as scripts/policy-schema.mjs: esbuild bundles the TypeScript with
// zod (one zod instance for z.toJSONSchema) and the bundle is imported from memory.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import fs from 'node:fs';
import * as prettier from 'prettier';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = path.join(root, 'docs', 'template-pack.schema.json');

const bundle = await build({
  stdin: {
    contents: `export { TemplatePack } from './shared/gongwen/type-spec.ts'; export { z } from 'zod';`,
    resolveDir: root,
    loader: 'ts',
    sourcefile: 'template-pack-schema-entry.ts',
  },
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'neutral',
  logLevel: 'warning',
});
const code = Buffer.from(bundle.outputFiles[0].text).toString('base64');
const { TemplatePack, z } = await import(`data:text/javascript;base64,${code}`);

// Input shape: fields with defaults are optional, as a region writes the file.
const { $schema, description, ...generated } = z.toJSONSchema(TemplatePack, { io: 'input', target: 'draft-2020-12' });
const schema = {
  $schema,
  $id: 'urn:wenshu:template-pack:1',
  title: 'Wenshu template pack',
  description,
  ...generated,
};
const text = await prettier.format(JSON.stringify(schema), {
  ...(await prettier.resolveConfig(target)),
  filepath: target,
});

if (process.argv.includes('--stdout')) process.stdout.write(text);
else {
  fs.writeFileSync(target, text);
  console.log(`wrote ${path.relative(root, target)}`);
}
