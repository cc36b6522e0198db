// Writes docs/policy.schema.json from shared/policy/schema.ts (`--stdout` prints it).
import { writeJsonSchema } from './lib/json-schema.mjs';

await writeJsonSchema({
  source: 'shared/policy/schema.ts',
  name: 'Policy',
  file: 'policy.schema.json',
  id: 'urn:wenshu:policy:1',
  title: 'Wenshu machine policy',
});
