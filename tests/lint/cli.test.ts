import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { formatProblems, registerLintCommand } from '../../electron/cli/commands/lint';
import type { CliContext } from '../../electron/cli/context';
import type { Locale } from '../../shared/domain/settings';
import { tempDir } from '../support/temp';

const dir = tempDir();
const CORPUS = path.join(__dirname, 'corpus');
const bad = path.join(dir, '请示.txt');
// Line 2: [] brackets (F1); line 3: title with trailing 。(F5); line 6: no request closing (Q1); 签发人 missing (U1).
fs.writeFileSync(
  bad,
  '\ufeff秘密★1年\n江教发[2026]12号\n江城市教育局关于新建城东实验小学的请示。\n\n江城市人民政府：\n\u3000\u3000拟新建小学一所。\n\n江城市教育局\n2026年5月8日\n',
);
const warnOnly = path.join(dir, 'warn.md');
fs.writeFileSync(
  warnOnly,
  '江城市人民政府关于加强安全生产工作的通知\n各区人民政府：\n\u3000\u3000会议定于2026.06.01召开。\n',
);

function run(argv: string[], locale: Locale = 'zh-CN') {
  const out: string[] = [];
  let exitCode = 0;
  const program = new Command().exitOverride().option('--json');
  const ctx = {
    io: { out: (s: string) => void out.push(s), err: () => {}, env: {} },
    locale,
    json: () => program.opts().json === true,
    open: () => {
      throw new Error('lint must not open the store');
    },
    print: (json: unknown, human: string) => out.push(ctx.json() ? JSON.stringify(json) : human),
    say: (e: { message: string }) => e.message,
    setExitCode: (code: number) => {
      exitCode = code;
    },
  } satisfies CliContext;
  registerLintCommand(program, ctx);
  return program.parseAsync(['lint', ...argv], { from: 'user' }).then(() => ({ out: out.join(''), exitCode }));
}

describe('wenshu lint', () => {
  test('--json: {problems} with 1-based lines of the file (a BOM does not shift columns); exit 1 on an error', async () => {
    const { out, exitCode } = await run([bad, '--json']);
    expect(exitCode).toBe(1);
    const { problems } = JSON.parse(out) as {
      problems: { rule: string; line: number; column: number; severity: string; message: { zh: string; en: string } }[];
    };
    expect(problems.map((p) => [p.rule, p.line, p.column])).toEqual([
      ['U1', 0, 1],
      ['F1', 2, 4],
      ['F5', 3, 20],
      ['Q1', 6, 3],
    ]);
    expect(problems[1]).toMatchObject({
      severity: 'error',
      message: { zh: expect.stringMatching(/六角括号/), en: expect.any(String) },
    });
  });

  test('human output: line:column severity rule message, Chinese by default, English in an English locale', async () => {
    const zh = await run([bad]);
    expect(zh.out.split('\n')[1]).toBe('2:4 错误 F1 发文字号的年份应使用六角括号〔〕，不能用“[]”');
    const en = await run([bad], 'en-US');
    expect(en.out.split('\n')[1]).toBe('2:4 error F1 The year in a document number takes 〔〕, not []');
    expect(en.out.split('\n')[0]).toMatch(/^signer:1 error U1 /);
  });

  test('--type decides the rules; warnings alone exit 0; a clean file says so', async () => {
    const asReport = await run([bad, '--type', '报告', '--json']);
    expect((JSON.parse(asReport.out) as { problems: { rule: string }[] }).problems.map((p) => p.rule)).toEqual([
      'U1',
      'F1',
      'F5',
    ]);
    const warn = await run([warnOnly]);
    expect(warn).toEqual({ out: expect.stringMatching(/^3:7 警告 F3 /), exitCode: 0 });
    const clean = await run([path.join(CORPUS, 'pifu.txt')]);
    expect(clean).toEqual({ out: '未发现格式问题。\n', exitCode: 0 });
    expect((await run([path.join(CORPUS, 'pifu.txt')], 'en-US')).out).toBe('No problems found.\n');
  });

  test('a missing file: file_not_found', async () => {
    await expect(run([path.join(dir, 'nope.txt')])).rejects.toMatchObject({ code: 'file_not_found' });
    await expect(run([dir])).rejects.toMatchObject({ code: 'file_unreadable' });
  });

  test('formatProblems names the field for a field problem', () => {
    expect(
      formatProblems(
        [
          {
            rule: 'F2',
            line: 0,
            column: 1,
            endColumn: 5,
            field: 'docNumber',
            severity: 'error',
            message: { zh: '甲', en: 'a' },
            fix: null,
          },
        ],
        'zh-CN',
      ),
    ).toBe('docNumber:1 错误 F2 甲\n');
  });
});
