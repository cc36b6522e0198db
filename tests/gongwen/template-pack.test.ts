import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import type { DocTypeSpec, TemplatePack } from '../../shared/gongwen/type-spec';
import { BUILTIN_TYPES } from '../../shared/gongwen/types';
import { mergeTypes, parseTemplatePack, titleFor } from '../../shared/gongwen/type-registry';
import { offlineDraft } from '../../shared/gongwen/offline-draft';
import { ROOT } from '../support/temp';

const SCHEMA_FILE = path.join(ROOT, 'docs', 'template-pack.schema.json');
const EXAMPLE_FILE = path.join(ROOT, 'docs', 'template-pack.example.json');
const schema = JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the edits reach into arbitrary JSON
type Json = Record<string, any>;
const example = (): Json => JSON.parse(fs.readFileSync(EXAMPLE_FILE, 'utf8'));
const pathsOf = (data: unknown) => {
  const r = parseTemplatePack(data);
  return r.ok ? [] : r.problems.map((p) => p.path);
};
const spec = (id: string): DocTypeSpec => BUILTIN_TYPES.find((t) => t.id === id)!;
const pack = (...types: DocTypeSpec[]): TemplatePack => ({ version: 1, name: 'p', publisher: 'q', types });

test('docs/template-pack.schema.json is what `npm run template-pack-schema` generates', () => {
  const run = spawnSync(process.execPath, ['scripts/template-pack-schema.mjs', '--stdout'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  expect(fs.readFileSync(SCHEMA_FILE, 'utf8')).toBe(run.stdout);
  expect(schema).toMatchObject({
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'urn:wenshu:template-pack:1',
    title: 'Wenshu template pack',
    additionalProperties: false,
  });
});

test('docs/template-pack.example.json is valid for the JSON Schema and for zod', () => {
  const data = example();
  expect(validate(data) ? [] : validate.errors).toEqual([]);
  expect(pathsOf(data)).toEqual([]);
});

test('every built-in type, as a pack, is valid for the JSON Schema too', () => {
  const data = JSON.parse(JSON.stringify(pack(...BUILTIN_TYPES)));
  expect(validate(data) ? [] : validate.errors).toEqual([]);
  expect(pathsOf(data)).toEqual([]);
});

test('parseTemplatePack fills defaults and accepts the JSON text', () => {
  const data = example();
  delete data.types[1].rules;
  const r = parseTemplatePack(JSON.stringify(data));
  expect(r.ok && r.pack.types[1]?.rules).toEqual([]);
  expect(r.ok && r.pack.types[0]?.fields.find((f) => f.key === 'attachments')?.required).toBe(false);
  expect(parseTemplatePack('{not json')).toEqual({
    ok: false,
    problems: [{ path: '(pack)', message: expect.stringMatching(/^not JSON/) }],
  });
});

describe('parseTemplatePack lists problems by path', () => {
  test.each<[string, (p: Json) => void, string[]]>([
    ['version 2', (p) => (p.version = 2), ['version']],
    ['no name', (p) => delete p.name, ['name']],
    ['an unknown top-level field', (p) => (p.author = 'x'), ['author']],
    ['no types', (p) => (p.types = []), ['types']],
    ['an id with capitals', (p) => (p.types[0].id = 'QingShi'), ['types[0].id']],
    ['an unknown direction', (p) => (p.types[0].direction = 'sideways'), ['types[0].direction']],
    ['a field kind', (p) => (p.types[0].fields[1].kind = 'number'), ['types[0].fields[1].kind']],
    ['a label without English', (p) => delete p.types[1].fields[0].label.en, ['types[1].fields[0].label.en']],
    [
      'two problems',
      (p) => ((p.types[0].structure = []), (p.types[1].guidance = 'x')),
      ['types[0].structure', 'types[1].guidance'],
    ],
    ['a duplicate field key', (p) => (p.types[1].fields[2].key = 'issuer'), ['types[1].fields[2].key']],
    ['an unknown placeholder', (p) => (p.types[1].title = ['{issuer}关于{evnt}的函']), ['types[1].title[0]']],
    ['an unknown structure element', (p) => p.types[1].structure.push('footer'), ['types[1].structure[8]']],
    ['a duplicate type id', (p) => (p.types[1].id = 'qingshi'), ['types[1].id']],
  ])('%s', (_name, edit, at) => {
    const data = example();
    edit(data);
    expect(pathsOf(data)).toEqual(at);
  });

  test('JSON Schema finds the problems a schema can say at the same place', () => {
    const data = example();
    data.types[0].id = 'QingShi';
    expect(validate(data)).toBe(false);
    expect(validate.errors?.[0]?.instancePath).toBe('/types/0/id');
  });
});

describe('mergeTypes', () => {
  test('no packs: the built-in types', () => {
    expect(mergeTypes(BUILTIN_TYPES, [])).toEqual([...BUILTIN_TYPES]);
  });

  test('a pack type overrides by id in place; a new one is added at the end', () => {
    const r = parseTemplatePack(example());
    if (!r.ok) throw new Error('example');
    const merged = mergeTypes(BUILTIN_TYPES, [r.pack]);
    expect(merged.map((t) => t.id)).toEqual([...BUILTIN_TYPES.map((t) => t.id), 'yaoqinghan']);
    const qingshi = merged.find((t) => t.id === 'qingshi')!;
    expect(qingshi.fields.some((f) => f.key === 'amount')).toBe(true);
    expect(merged.indexOf(qingshi)).toBe(BUILTIN_TYPES.findIndex((t) => t.id === 'qingshi'));
  });

  test('later packs win', () => {
    const a = pack({ ...spec('han'), closings: ['特此函告。'] });
    const b = pack({ ...spec('han'), closings: ['盼复。'] });
    expect(mergeTypes(BUILTIN_TYPES, [a, b]).find((t) => t.id === 'han')?.closings).toEqual(['盼复。']);
    expect(mergeTypes(BUILTIN_TYPES, [b, a]).find((t) => t.id === 'han')?.closings).toEqual(['特此函告。']);
    expect(spec('han').closings[0]).toBe('请予支持为盼。');
  });

  test('a pack type needs no code: its title, opening and field lines come from data', () => {
    const r = parseTemplatePack(example());
    if (!r.ok) throw new Error('example');
    const t = mergeTypes(BUILTIN_TYPES, [r.pack]).find((x) => x.id === 'yaoqinghan')!;
    const fields = {
      issuer: '某省人民政府办公厅',
      event: '2026年全省政务服务工作座谈会',
      recipients: '各市人民政府办公室',
      points: '请于5月20日前报送参会人员名单。',
      eventTime: '2026年5月28日上午9时',
      eventPlace: '省政府第一会议室',
      contact: '王五，电话：0000-1234567',
      date: '2026年5月10日',
    };
    expect(titleFor(t, fields)).toBe('某省人民政府办公厅关于邀请参加2026年全省政务服务工作座谈会的函');
    expect(offlineDraft(t, fields, new Date(2026, 4, 8)).text.split('\n')).toEqual([
      '某省人民政府办公厅关于邀请参加2026年全省政务服务工作座谈会的函',
      '各市人民政府办公室：',
      '　　为做好2026年全省政务服务工作座谈会筹备工作，现诚邀贵单位派员参加。有关事项函告如下：',
      '　　请于5月20日前报送参会人员名单。',
      '　　时间：2026年5月28日上午9时',
      '　　地点：省政府第一会议室',
      '某省人民政府办公厅',
      '2026年5月10日',
      '　　（联系人：王五，电话：0000-1234567）',
    ]);
  });
});
