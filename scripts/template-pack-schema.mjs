// Writes docs/template-pack.schema.json from shared/gongwen/type-spec.ts (`--stdout` prints it).
import { writeJsonSchema } from './lib/json-schema.mjs';

await writeJsonSchema({
  source: 'shared/gongwen/type-spec.ts',
  name: 'TemplatePack',
  file: 'template-pack.schema.json',
  id: 'urn:wenshu:template-pack:1',
  title: 'Wenshu template pack',
});
