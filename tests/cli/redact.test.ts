import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { registerRedactCommand, redactFileText } from '../../electron/cli/commands/redact';
import type { CliContext } from '../../electron/cli/context';
import { main } from '../../electron/cli/index';
import { FIXTURES, tempDir } from '../support/temp';

const dir = tempDir();
const ID = '360426199101010071';
const MOBILE = '138 0013 8000';
const EMAIL = 'zhang.san@example.gov.cn';
const LINES = [
  '关于张三同志有关情况的说明',
  `张三，身份证号码${ID}，联系电话${MOBILE}。`,
  `电子邮箱：${EMAIL}。见国办发〔2022〕35号，2026年3月5日。`,
];
const file = path.join(dir, '说明.txt');
fs.writeFileSync(file, `${LINES.join('\n')}\n`);
/** The text files parse into one passage per non-blank line. */
const SENT = LINES.join('\n');

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t), env: { LANG: 'en_US.UTF-8' } },
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

const EXPECTED = {
  text: [
    LINES[0],
    '张三，身份证号码〔身份证1〕，联系电话〔手机号1〕。',
    '电子邮箱：〔邮箱1〕。见国办发〔2022〕35号，2026年3月5日。',
  ].join('\n'),
  entities: [
    { type: 'id_number', value: ID, placeholder: '〔身份证1〕' },
    { type: 'mobile', value: MOBILE, placeholder: '〔手机号1〕' },
    { type: 'email', value: EMAIL, placeholder: '〔邮箱1〕' },
  ].map((e) => ({ ...e, start: SENT.indexOf(e.value), end: SENT.indexOf(e.value) + e.value.length })),
};

describe('wenshu redact', () => {
  test('--json: {text, entities} with offsets into the text that would be sent', async () => {
    const t = io();
    expect(await main(['redact', file, '--json'], t.io)).toBe(0);
    const printed = JSON.parse(t.out());
    expect(printed).toEqual(EXPECTED);
    expect(Object.keys(printed.entities[0])).toEqual(['type', 'start', 'end', 'value', 'placeholder']);
    for (const e of printed.entities) expect(SENT.slice(e.start, e.end)).toBe(e.value);
    expect(t.err()).toBe('');
  });

  test('human output: the redacted text, then a table of what was replaced', async () => {
    const t = io();
    expect(await main(['redact', file], t.io)).toBe(0);
    const out = t.out();
    expect(out.startsWith(`${EXPECTED.text}\n\n`)).toBe(true);
    expect(out).toMatch(/〔身份证1〕\s+id_number\s+\d+–\d+\s+360426199101010071/);
    expect(out).toMatch(/〔邮箱1〕\s+email\s+\d+–\d+\s+zhang\.san@example\.gov\.cn/);
  });

  test('PDF and DOCX go through the same parsers as import (an encrypted PDF takes --password)', async () => {
    for (const [fixture, extra] of [
      ['pdf/pdfjs__XiaoBiaoSong.pdf', []],
      ['pdf/pdfjs__issue6010_1_encrypted_pw-abc.pdf', ['--password', 'abc']],
      ['docx/poitl__config_chinese.docx', []],
    ] as const) {
      const t = io();
      expect({ fixture, code: await main(['redact', path.join(FIXTURES, fixture), '--json', ...extra], t.io) }).toEqual(
        {
          fixture,
          code: 0,
        },
      );
      expect(JSON.parse(t.out())).toEqual({ text: expect.any(String), entities: [] });
    }
    const t = io();
    expect(await main(['redact', path.join(FIXTURES, 'pdf/pdfjs__issue6010_1_encrypted_pw-abc.pdf')], t.io)).toBe(1);
    expect(t.err()).toMatch(/password/i);
  });

  test('a missing file: one line, exit 1', async () => {
    const t = io();
    expect(await main(['redact', path.join(dir, 'nope.txt')], t.io)).toBe(1);
    expect(t.err().trimEnd().split('\n')).toHaveLength(1);
    expect(t.err()).toMatch(/nope\.txt/);
  });

  test('registerRedactCommand on its own commander program', async () => {
    const out: string[] = [];
    const program = new Command().exitOverride().option('--json');
    const ctx = {
      io: { out: (s: string) => void out.push(s), err: () => {}, env: {} },
      locale: 'en-US',
      json: () => program.opts().json === true,
      open: () => {
        throw new Error('redact must not open the store');
      },
      print: (json: unknown, human: string) => out.push(ctx.json() ? JSON.stringify(json) : human),
      say: (e: { message: string }) => e.message,
      setExitCode: () => {},
    } satisfies CliContext;
    registerRedactCommand(program, ctx);
    await program.parseAsync(['redact', file, '--json'], { from: 'user' });
    expect(JSON.parse(out.join(''))).toEqual(EXPECTED);

    await expect(program.parseAsync(['redact', path.join(dir, 'nope.txt')], { from: 'user' })).rejects.toMatchObject({
      code: 'file_not_found',
    });
    const binary = path.join(dir, 'x.png');
    fs.writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    await expect(program.parseAsync(['redact', binary], { from: 'user' })).rejects.toMatchObject({
      code: 'unsupported_type',
    });
    await expect(program.parseAsync(['redact', dir], { from: 'user' })).rejects.toMatchObject({
      code: 'file_unreadable',
    });
  });
});

describe('redactFileText', () => {
  test('all identifier types by default; the policy rules switch types off', () => {
    expect(redactFileText(SENT)).toEqual(EXPECTED);
    const noMobile = redactFileText(SENT, { mobile: false });
    expect(noMobile.entities.map((e) => e.type)).toEqual(['id_number', 'email']);
    expect(noMobile.text).toContain(MOBILE);
  });
});
