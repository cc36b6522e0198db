import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import type { ErrorObject } from 'ajv/dist/2020';
import { checkPolicy, formatPath } from '../../electron/policy/load';
import { ROOT } from '../support/temp';
import { example } from './support';

const SCHEMA_FILE = path.join(ROOT, 'docs', 'policy.schema.json');
const schema = JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

/** The JSON path of an ajv error, written as the app writes zod's (`endpoints[0].baseUrl`). */
function ajvPath(e: ErrorObject): string {
  const parts: PropertyKey[] = e.instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  // A failed property name is reported twice (the name's own check, then propertyNames): keep the name.
  const key = e.params.additionalProperty ?? e.params.missingProperty ?? e.params.propertyName ?? e.propertyName;
  return formatPath(key === undefined ? parts : [...parts, key]);
}
const ajvPaths = (data: unknown) => (validate(data) ? [] : [...new Set(validate.errors!.map(ajvPath))]);
/** Paths of the problems the app reports (zod, as loadPolicy runs it). */
const zodPaths = (data: unknown) => {
  const r = checkPolicy(data);
  return r.ok ? [] : r.problems.map((p) => p.path);
};

test('docs/policy.schema.json is what `npm run policy-schema` generates from the zod schema', () => {
  const run = spawnSync(process.execPath, ['scripts/policy-schema.mjs', '--stdout'], { cwd: ROOT, encoding: 'utf8' });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  expect(fs.readFileSync(SCHEMA_FILE, 'utf8')).toBe(run.stdout);
});

test('the schema is draft 2020-12 with an id, a title and a description', () => {
  expect(schema).toMatchObject({
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'urn:wenshu:policy:1',
    title: 'Wenshu machine policy',
    description: expect.any(String),
    required: ['version'],
    additionalProperties: false,
  });
});

test('docs/policy.example.json is valid for the JSON Schema and for zod', () => {
  const data = example();
  expect(ajvPaths(data)).toEqual([]);
  expect(zodPaths(data)).toEqual([]);
  expect(validate({ version: 1 })).toBe(true);
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the edits reach into arbitrary JSON
type Json = Record<string, any>;
type Edit = (p: Json) => void;
const ep = (p: Json): Json => p.endpoints[0];

describe('invalid policies fail the JSON Schema and zod at the same place', () => {
  test.each<[string, Edit, string]>([
    ['version 2', (p) => (p.version = 2), 'version'],
    ['version missing', (p) => delete p.version, 'version'],
    ['an unknown top-level field', (p) => (p.proxy = 'http://proxy'), 'proxy'],
    ['an ftp:// endpoint', (p) => (ep(p).baseUrl = 'ftp://llm.example/v1'), 'endpoints[0].baseUrl'],
    ['plain http to another host', (p) => (ep(p).baseUrl = 'http://llm.example/v1'), 'endpoints[0].baseUrl'],
    ['a key in the URL', (p) => (ep(p).baseUrl = 'https://llm.example/v1?key=1'), 'endpoints[0].baseUrl'],
    ['an id with capitals', (p) => (ep(p).id = 'ZWY'), 'endpoints[0].id'],
    ['no models', (p) => (ep(p).models = []), 'endpoints[0].models'],
    ['a tiny context window', (p) => (ep(p).models[0].contextWindow = 100), 'endpoints[0].models[0].contextWindow'],
    ['a misspelt model field', (p) => (ep(p).models[0].context = 1), 'endpoints[0].models[0].context'],
    ['a header name with a space', (p) => (ep(p).headers = { 'X Tenant': 'a' }), 'endpoints[0].headers["X Tenant"]'],
    ['an unknown 密级', (p) => (ep(p).classificationCeiling = '内部'), 'endpoints[0].classificationCeiling'],
    ['not a PEM', (p) => (p.caCertificates = ['MIIC…']), 'caCertificates[0]'],
    ['concurrency 0', (p) => (p.concurrency = 0), 'concurrency'],
    ['a timeout in seconds', (p) => (p.timeouts.connectMs = 10), 'timeouts.connectMs'],
    ['a PII rule as text', (p) => (p.pii.email = 'yes'), 'pii.email'],
    ['an unknown tool', (p) => (p.tools.translate = false), 'tools.translate'],
    ['audit kept 7 days', (p) => (p.retention.auditDays = 7), 'retention.auditDays'],
    ['log level verbose', (p) => (p.logLevel = 'verbose'), 'logLevel'],
    ['a user endpoint URL', (p) => (p.settings.endpointUrl = 'https://x.example/v1'), 'settings.endpointUrl'],
    ['a context window in settings', (p) => (p.settings.contextWindow = 8192), 'settings.contextWindow'],
    ['an unknown locale', (p) => (p.settings.locale = 'fr-FR'), 'settings.locale'],
  ])('%s', (_name, edit, at) => {
    const data = example();
    edit(data);
    expect(ajvPaths(data)).toEqual([at]);
    expect(zodPaths(data)).toEqual([at]);
  });
});

test("checks across fields and PEM parsing are the app's alone: JSON Schema cannot say them", () => {
  const data = example();
  ep(data).defaultModel = 'qwen2';
  data.caCertificates = ['-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----'];
  expect(ajvPaths(data)).toEqual([]);
  expect(zodPaths(data)).toEqual(['endpoints[0].defaultModel', 'caCertificates[0]']);
});

interface SchemaNode {
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
}

test('docs/policy.md documents every field of the schema', () => {
  const doc = fs.readFileSync(path.join(ROOT, 'docs', 'policy.md'), 'utf8');
  /** Leaf fields by their documented names: `timeouts.idleMs`, `endpoints[].models[].name`. */
  const fields = (s: SchemaNode, prefix = ''): string[] =>
    Object.entries(s.properties ?? {}).flatMap(([key, sub]) => {
      if (key === '$schema') return [];
      const name = prefix + key;
      if (sub.properties) return fields(sub, `${name}.`);
      if (sub.items?.properties) return [name, ...fields(sub.items, `${name}[].`)];
      return [name];
    });
  // A template pack's and a form profile's own fields are documented with their formats
  // (docs/template-packs.md, docs/forms.md).
  const all = fields(schema).filter((f) => !f.startsWith('templatePacks[].') && !f.startsWith('formProfiles[].'));
  expect(all).toContain('templatePacks');
  expect(all).toContain('formProfiles');
  expect(all).toContain('endpoints[].models[].contextWindow');
  expect(all.filter((f) => !doc.includes(`\`${f}\``))).toEqual([]);
});
