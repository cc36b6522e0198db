import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { DraftState, ExportFormat } from '../../../shared/domain/draft';
import type { DraftSummary } from '../../../shared/domain/draft';
import { AppError } from '../../../shared/errors';
import type { WenshuApp } from '../../app/create-app';
import type { CliContext } from '../context';

/** A draft by its id or a unique prefix of it (≥ 4 characters), as `show` does for documents. */
function resolveDraft(app: WenshuApp, id: string): string {
  if (/^[0-9a-f-]{36}$/i.test(id)) return id;
  if (id.length < 4) throw new AppError('draft_not_found', `no draft ${id}`, { id });
  const matches: DraftSummary[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = app.review.list({ limit: 500, offset });
    matches.push(...page.drafts.filter((d) => d.id.startsWith(id.toLowerCase())));
    if (offset + 500 >= page.total) break;
  }
  if (matches.length === 1) return matches[0]!.id;
  throw new AppError(matches.length === 0 ? 'draft_not_found' : 'ambiguous_id', `draft ${id}`, { id });
}

/** drafts, export, metrics. There is no approve: approval is a person's act in the app. */
export function registerReviewCommands(program: Command, ctx: CliContext): void {
  program
    .command('drafts')
    .description('drafts awaiting review, approved or rejected (newest first)')
    .option('--state <state>', 'generating, draft, approved or rejected')
    .action((cmd: { state?: string }) => {
      const state = cmd.state === undefined ? undefined : DraftState.safeParse(cmd.state);
      if (state && !state.success) throw new AppError('invalid_input', 'unknown state', { field: '--state' });
      const { drafts } = ctx.open().review.list({ state: state?.data, limit: 500, offset: 0 });
      const rows = drafts.map((d) => ({
        id: d.id,
        kind: d.kind,
        tool: d.tool,
        title: d.title,
        state: d.state,
        updated: d.updatedAt,
      }));
      const human = rows.length
        ? rows
            .map(
              (d) =>
                `${d.id.slice(0, 8)}  ${d.state.padEnd(10)} ${d.kind.padEnd(8)} ${d.updated.slice(0, 16)}  ${d.title}\n`,
            )
            .join('')
        : '（没有草稿 / no drafts）\n';
      ctx.print(rows, human);
    });

  program
    .command('export')
    .description('write an approved draft to a file, with its AI-content labels (exit 3: not approved)')
    .argument('<draft>', 'draft id or a unique prefix of it')
    .requiredOption('--format <format>', 'docx, pdf, md or txt')
    .requiredOption('--out <file>', 'where to write it')
    .action(async (id: string, cmd: { format: string; out: string }) => {
      const format = ExportFormat.safeParse(cmd.format);
      if (!format.success) throw new AppError('invalid_input', 'unknown format', { field: '--format' });
      const app = ctx.open();
      const out = path.resolve(cmd.out);
      const result = await app.egress.export(resolveDraft(app, id), format.data, async (_name, bytes) => {
        await fs.promises.writeFile(out, bytes);
        return out;
      });
      ctx.print(result, `已导出 exported  ${result.path}\n`);
    });

  program
    .command('metrics')
    .description('usefulness per tool and week: counts, times, edit ratios (no content)')
    .option('--weeks <n>', 'how many weeks back (1–104)', '12')
    .action((cmd: { weeks: string }) => {
      const weeks = Number(cmd.weeks);
      if (!Number.isInteger(weeks) || weeks < 1 || weeks > 104) {
        throw new AppError('invalid_input', '--weeks must be 1–104', { field: '--weeks' });
      }
      const metrics = ctx.open().review.metrics(weeks);
      const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 100)}%`);
      const human = metrics.weeks.length
        ? 'week      tool        created approved rejected  median-min  edit-ratio\n' +
          metrics.weeks
            .map(
              (w) =>
                `${w.week}  ${w.tool.padEnd(10)} ${String(w.created).padStart(7)} ${String(w.approved).padStart(8)} ${String(w.rejected).padStart(8)}  ${String(w.medianMinutesToApproval ?? '—').padStart(10)}  ${pct(w.medianEditRatio).padStart(10)}\n`,
            )
            .join('')
        : '（暂无数据 / no activity）\n';
      ctx.print(metrics, human);
    });
}
