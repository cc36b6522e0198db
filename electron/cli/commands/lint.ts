import type { Command } from 'commander';
import { lint } from '../../../shared/lint';
import type { LintProblem } from '../../../shared/lint';
import type { CliContext } from '../context';
import { readText } from '../read-file';

/** `line:column severity rule message`, one problem a line. */
export function formatProblems(problems: readonly LintProblem[], locale: string): string {
  const en = locale.startsWith('en');
  return problems
    .map((p) => {
      const where = p.field !== null ? `${p.field}:${p.column}` : `${p.line}:${p.column}`;
      const severity = en ? p.severity : p.severity === 'error' ? '错误' : '警告';
      return `${where} ${severity} ${p.rule} ${en ? p.message.en : p.message.zh}\n`;
    })
    .join('');
}

/** `wenshu lint FILE [--type 请示]`: format problems of a .txt/.md 公文 text; exit 1 when any is an error. */
export function registerLintCommand(program: Command, ctx: CliContext): void {
  program
    .command('lint')
    .description('check a document text (UTF-8 .txt/.md, one element per line) against the GB/T 9704 format rules')
    .argument('<file>', 'a UTF-8 text or Markdown file')
    .option('--type <文种>', 'document type (请示, 报告, 通知 …); default: from the title')
    .action((file: string, cmd: { type?: string }) => {
      const problems = lint({ text: readText(file), ...(cmd.type ? { typeName: cmd.type } : {}) });
      const en = ctx.locale.startsWith('en');
      const human =
        problems.length === 0
          ? en
            ? 'No problems found.\n'
            : '未发现格式问题。\n'
          : formatProblems(problems, ctx.locale);
      ctx.print({ problems }, human);
      if (problems.some((p) => p.severity === 'error')) ctx.setExitCode(1);
    });
}
