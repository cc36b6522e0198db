// Writes a docs/*.schema.json from a zod schema in shared/, so a published JSON Schema cannot drift
// from what Wenshu checks; `--stdout` prints it instead (the tests compare). The schema is
// TypeScript: esbuild bundles it together with zod (one zod instance for z.toJSONSchema) and the
// bundle is imported from memory.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import fs from 'node:fs';
import * as prettier from 'prettier';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** `source`: a module under the root; `name`: its zod export; input shape (defaults optional). */
export async function writeJsonSchema({ source, name, file, id, title }) {
  const target = path.join(root, 'docs', file);
  const bundle = await build({
    stdin: {
      contents: `export { ${name} } from './${source}'; export { z } from 'zod';`,
      resolveDir: root,
      loader: 'ts',
      sourcefile: `${name}-schema-entry.ts`,
    },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    logLevel: 'warning',
  });
  const code = Buffer.from(bundle.outputFiles[0].text).toString('base64');
  const { [name]: zodSchema, z } = await import(`data:text/javascript;base64,${code}`);
  const { $schema, description, ...generated } = z.toJSONSchema(zodSchema, { io: 'input', target: 'draft-2020-12' });
  const schema = { $schema, $id: id, title, description, ...generated };
  const text = await prettier.format(JSON.stringify(schema), {
    ...(await prettier.resolveConfig(target)),
    filepath: target,
  });
  if (process.argv.includes('--stdout')) process.stdout.write(text);
  else {
    fs.writeFileSync(target, text);
    console.log(`wrote ${path.relative(root, target)}`);
  }
}
