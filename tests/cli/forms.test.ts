import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { FIXTURES, ROOT, tempDir } from '../support/temp';

/** The real `wenshu` bin: form fields / form fill need no store and no AI. */
const BIN = path.join(ROOT, 'bin', 'wenshu.cjs');
const dir = tempDir();
const FORMS = path.join(FIXTURES, 'forms');
const DOCX = path.join(FIXTURES, 'docx');

function wenshu(args: string[], lang = 'zh_CN.UTF-8') {
  const r = spawnSync(process.execPath, [BIN, '--db', path.join(dir, 'forms.db'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, LANG: lang, WENSHU_POLICY: path.join(dir, 'none.json') },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Listed {
  name: string;
  type: string;
  options?: string[];
  value?: unknown;
  readOnly: boolean;
  required: boolean;
}

const fields = (file: string) => {
  const r = wenshu(['form', 'fields', file, '--json']);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Listed[];
};

test('form fields --json: names, types and flags of a real PDF form', () => {
  const listed = fields(path.join(FORMS, 'pdflib__fancy_fields.pdf'));
  const count = (type: string) => listed.filter((f) => f.type === type).length;
  // PROVENANCE.md: 15 fields: text 4, checkbox 4, radio 1, push 4, combo 1, list 1.
  expect(listed).toHaveLength(15);
  expect([count('text'), count('checkbox'), count('radio'), count('button'), count('dropdown'), count('list')]).toEqual(
    [4, 4, 1, 4, 1, 1],
  );
  for (const f of listed)
    expect(Object.keys(f)).toEqual(expect.arrayContaining(['name', 'type', 'readOnly', 'required']));
  expect(listed.find((f) => f.type === 'radio')!.options!.length).toBeGreaterThan(1);
});

test('form fill: given values in, read back by form fields; Chinese text included', () => {
  const file = path.join(FORMS, 'pdflib__fancy_fields.pdf');
  const listed = fields(file);
  const text = listed.find((f) => f.type === 'text' && !f.readOnly)!;
  const box = listed.find((f) => f.type === 'checkbox' && !f.readOnly)!;
  const radio = listed.find((f) => f.type === 'radio')!;
  const values = { [text.name]: '王晓红 北京市海淀区', [box.name]: true, [radio.name]: radio.options![1]! };
  const out = path.join(dir, 'filled.pdf');
  const r = wenshu(['form', 'fill', file, '--values', JSON.stringify(values), '--out', out]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const back = fields(out);
  expect(back.find((f) => f.name === text.name)!.value).toBe('王晓红 北京市海淀区');
  expect(back.find((f) => f.name === box.name)!.value).toBe(true);
  expect(back.find((f) => f.name === radio.name)!.value).toBe(radio.options![1]);
});

test('form fill --values FILE on a DOCX template', () => {
  const file = path.join(DOCX, 'poitl__resume.docx');
  expect(fields(file).map((f) => f.name)).toEqual(expect.arrayContaining(['name', 'phone', 'email', 'address']));
  const json = path.join(dir, 'values.json');
  fs.writeFileSync(json, JSON.stringify({ name: '王晓红', phone: '13812345678' }));
  const out = path.join(dir, 'resume.docx');
  expect(wenshu(['form', 'fill', file, '--values', json, '--out', out]).code).toBe(0);
  expect(fs.statSync(out).size).toBeGreaterThan(1000);
});

test('an unknown field, a value of the wrong type, bad JSON: clear errors, no file', () => {
  const file = path.join(FORMS, 'pdflib__fancy_fields.pdf');
  const out = path.join(dir, 'never.pdf');
  const unknown = wenshu(['form', 'fill', file, '--values', '{"没有这个字段":"x"}', '--out', out]);
  expect(unknown.code).not.toBe(0);
  expect(unknown.stderr).toContain('表格中没有名为“没有这个字段”的字段');
  const text = fields(file).find((f) => f.type === 'text')!;
  const wrong = wenshu(
    ['form', 'fill', file, '--values', JSON.stringify({ [text.name]: true }), '--out', out],
    'en_US.UTF-8',
  );
  expect(wrong.code).not.toBe(0);
  expect(wrong.stderr).toContain(`The value for “${text.name}” does not fit`);
  const bad = wenshu(['form', 'fill', file, '--values', '{oops', '--out', out]);
  expect(bad.code).not.toBe(0);
  expect(fs.existsSync(out)).toBe(false);
  const notForm = wenshu([
    'form',
    'fields',
    path.join(FIXTURES, 'gongwen', 'chinese-political-corpora__npc_resolution_1.txt'),
  ]);
  expect(notForm.code).not.toBe(0);
  expect(notForm.stderr).toContain('无法读取表格');
});
