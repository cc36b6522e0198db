import fs from 'node:fs';
import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import type { Locale } from '../../../shared/domain/settings';
import type { AuditBreak, AuditVerification } from '../../../shared/domain/audit';
import { AuditQuery } from '../../../shared/domain/audit';
import { AppError } from '../../../shared/errors';
import type { AuditExportFormat, AuditService } from '../../services/audit-service';
import type { CliContext } from '../context';

const KIND_NAMES: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    model_call: '模型调用',
    settings_change: '设置变更',
    policy_loaded: '加载单位策略',
    api_key_change: 'API 密钥变更',
  },
  'en-US': {
    model_call: 'model call',
    settings_change: 'settings change',
    policy_loaded: 'policy loaded',
    api_key_change: 'API key change',
  },
};

const REASONS: Record<Locale, Record<AuditBreak, string>> = {
  'zh-CN': {
    hash_mismatch: '内容被改动（哈希不符）',
    prev_mismatch: '与前一条记录不衔接（有记录被删除、插入或调换顺序）',
    sequence_gap: '序号不连续（有记录被删除后重新串接）',
    head_mismatch: '与最后一次写入时记下的末条记录不符（末尾记录被删除或在程序外追加）',
  },
  'en-US': {
    hash_mismatch: 'its content was altered (hash mismatch)',
    prev_mismatch: 'it does not link to the entry before (an entry was removed, inserted or reordered)',
    sequence_gap: 'sequence numbers are not consecutive (entries were removed and the chain relinked)',
    head_mismatch:
      'the log does not end at the entry recorded at the last append (entries at the end were removed, or added outside the app)',
  },
};

/** The verification in one or two lines, in the user's language. */
export function describeVerification(v: AuditVerification, locale: Locale): string {
  const en = locale === 'en-US';
  if (v.ok) {
    return en
      ? `Audit log intact: ${v.count} entries, head hash ${v.head ?? '(empty log)'}`
      : `审计日志完整：共 ${v.count} 条记录，末条哈希 ${v.head ?? '（日志为空）'}`;
  }
  const e = v.brokenEntry;
  const kind = e ? (KIND_NAMES[locale][e.kind] ?? e.kind) : '';
  const reason = v.reason ? REASONS[locale][v.reason] : '';
  if (en) {
    const what = e ? `entry ${v.brokenAt} (${e.at}, ${kind}, ${e.actor})` : `entry ${v.brokenAt} (missing)`;
    return `Audit log broken at ${what}: ${reason}. ${v.count} entries before it are intact.`;
  }
  const what = e ? `第 ${v.brokenAt} 条记录（${e.at}，${kind}，${e.actor}）` : `第 ${v.brokenAt} 条记录（已不存在）`;
  return `审计日志校验失败：${what}${reason}。此前 ${v.count} 条记录完好。`;
}

const parseDate = (value: string) => {
  if (!AuditQuery.shape.from.safeParse(value).success) throw new InvalidArgumentError('expected YYYY-MM-DD');
  return value;
};

/**
 * `wenshu audit verify` and `wenshu audit export`. `getAudit` is the service (the app's, unless a
 * test passes its own).
 */
export function registerAuditCommands(
  program: Command,
  ctx: CliContext,
  getAudit: () => AuditService = () => ctx.open().audit,
): void {
  const audit = program.command('audit').description('the tamper-evident audit log');

  audit
    .command('verify')
    .description('walk the hash chain; exit 1 naming the first broken entry')
    .action(() => {
      const v = getAudit().verify();
      const text = describeVerification(v, ctx.locale);
      if (v.ok) {
        ctx.print(v, `${text}\n`);
      } else {
        if (ctx.json()) ctx.print(v, '');
        ctx.io.err(`wenshu: ${text}\n`);
        ctx.setExitCode(1);
      }
    });

  audit
    .command('export')
    .description('the log as JSON Lines or CSV (UTF-8 with BOM), oldest first')
    .addOption(new Option('--format <format>', 'jsonl or csv').choices(['jsonl', 'csv']).makeOptionMandatory())
    .option('--since <YYYY-MM-DD>', 'only entries from this day on (UTC)', parseDate)
    .option('--out <file>', 'write to this file instead of standard output')
    .action((cmd: { format: AuditExportFormat; since?: string; out?: string }) => {
      const service = getAudit();
      const options = { format: cmd.format, since: cmd.since };
      if (cmd.out === undefined) {
        service.export(options, (chunk) => ctx.io.out(chunk));
        return;
      }
      // Written beside the target and renamed at the end: a failed export leaves no half file.
      const partial = `${cmd.out}.partial-${process.pid}`;
      let rows: number;
      try {
        const fd = fs.openSync(partial, 'w');
        try {
          rows = service.export(options, (chunk) => fs.writeSync(fd, chunk, null, 'utf8'));
        } finally {
          fs.closeSync(fd);
        }
        fs.renameSync(partial, cmd.out);
      } catch (err) {
        fs.rmSync(partial, { force: true });
        if (err instanceof AppError) throw err;
        const why = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
        ctx.io.err(
          ctx.locale === 'en-US'
            ? `wenshu: cannot write ${cmd.out} (${why})\n`
            : `wenshu: 无法写入文件：${cmd.out}（${why}）\n`,
        );
        ctx.setExitCode(1);
        return;
      }
      const human =
        ctx.locale === 'en-US' ? `Exported ${rows} entries to ${cmd.out}\n` : `已导出 ${rows} 条记录到 ${cmd.out}\n`;
      ctx.print({ rows, file: cmd.out, format: cmd.format }, human);
    });
}
