import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { PRESET_NAMES, SummaryLanguage, SummaryPreset } from '../../../shared/domain/summary';
import { AppError } from '../../../shared/errors';
import { verifySummary } from '../../../shared/verify/verify';
import type { SentenceVerdict, SourcePassage } from '../../../shared/verify/types';
import type { WenshuApp } from '../../app/create-app';
import type { CliContext } from '../context';
import { readDocument, readText } from '../read-file';

/** 一句话 / 要点 / 详细, or the English names (one_sentence, key_points, detailed). */
function presetOf(name: string): SummaryPreset {
  const found = SummaryPreset.options.find((p) => p === name || PRESET_NAMES[p].zh === name);
  if (!found) {
    throw new AppError('invalid_input', `unknown preset ${name}`, { field: '--preset 一句话|要点|详细' });
  }
  return found;
}

/** An existing file is imported (or found already stored); anything else is a document id (prefix). */
async function documentIdOf(app: WenshuApp, arg: string): Promise<string> {
  if (!fs.existsSync(arg) || !fs.statSync(arg).isFile()) return app.documents.resolveId(arg);
  const [outcome] = await app.documents.importFiles([
    { name: path.basename(arg), load: () => fs.promises.readFile(arg) },
  ]);
  if (outcome!.status === 'rejected') {
    const { code, message, params } = outcome!.reason;
    throw new AppError(code as AppError['code'], message, params);
  }
  return outcome!.id;
}

const MARK: Record<SentenceVerdict['verdict'], string> = { supported: '✓', unsupported: '?', contradicted: '✗' };

/** One line per sentence, the problems of a flagged one under it. */
function verdictLines(sentences: readonly SentenceVerdict[]): string {
  return sentences
    .map((s) => {
      const where = s.evidence?.page ? ` (p.${s.evidence.page})` : '';
      const problems = s.problems.map((p) => `    - ${p.kind}: ${p.detail}\n`).join('');
      return `${MARK[s.verdict]} ${s.index + 1}. ${s.text}${s.verdict === 'supported' ? where : ` [${s.verdict}]`}\n${problems}`;
    })
    .join('');
}

/** `wenshu summarize` (a draft awaiting review) and `wenshu verify` (a summary checked against its source). */
export function registerSummaryCommands(program: Command, ctx: CliContext): void {
  program
    .command('summarize')
    .description('summarize a stored document or a file (imported first): a cited, checked draft awaiting review')
    .argument('<document>', 'document id (or a unique prefix) or a file to import')
    .option('--preset <preset>', '一句话, 要点 or 详细', '要点')
    .option('--language <language>', 'zh (Chinese) or source (the document’s language)', 'zh')
    .option('--offline', 'use the offline (extractive) engine even when an endpoint is configured')
    .action(async (arg: string, cmd: { preset: string; language: string; offline?: boolean }) => {
      const preset = presetOf(cmd.preset);
      const language = SummaryLanguage.safeParse(cmd.language);
      if (!language.success) throw new AppError('invalid_input', '--language: zh or source', { field: '--language' });
      const app = ctx.open();
      const id = await documentIdOf(app, arg);
      const controller = new AbortController();
      const stop = () => controller.abort();
      process.once('SIGINT', stop);
      const human = !ctx.json();
      const outcome = await app.summaries
        .run(
          { documentIds: [id], preset, language: language.data, offline: cmd.offline },
          {
            signal: controller.signal,
            onDelta: (d) => human && d.kind === 'answer' && ctx.io.out(d.text),
            onProgress: (p) => human && p.stage !== 'verify' && ctx.io.err(`${p.stage} ${p.done}/${p.total}\n`),
          },
        )
        .finally(() => process.removeListener('SIGINT', stop));
      const { draft, report, cached } = outcome;
      const version = draft.versions.at(-1)!;
      const flagged = report.sentences.filter((s) => s.verdict !== 'supported');
      ctx.print(
        {
          draft: {
            id: draft.id,
            title: draft.title,
            state: draft.state,
            version: draft.version,
            engine: version.engine,
            model: version.model,
          },
          cached,
          text: version.content.text,
          sentences: report.sentences,
          passages: report.passages,
          warnings: version.warnings,
        },
        `\n\n${verdictLines(flagged)}` +
          `${report.sentences.length - flagged.length}/${report.sentences.length} 句有依据 supported · ` +
          `草稿 draft ${draft.id.slice(0, 8)} 待审核 awaiting review${cached ? ' · 缓存 cached' : ''}\n`,
      );
    });

  program
    .command('verify')
    .description('check a summary sentence by sentence against its source (no model call)')
    .requiredOption('--source <source>', 'the source: a file (PDF, DOCX, TXT, MD) or a stored document id')
    .requiredOption('--summary <file>', 'the summary, UTF-8 text; citations like [P3] name source passages')
    .option('--password <password>', 'password of an encrypted PDF source')
    .action(async (cmd: { source: string; summary: string; password?: string }) => {
      const summary = readText(cmd.summary);
      const passages = await sourcePassages(ctx, cmd.source, cmd.password);
      const sentences = verifySummary(summary, passages);
      const flagged = sentences.filter((s) => s.verdict !== 'supported').length;
      ctx.print(
        { sentences },
        `${verdictLines(sentences)}${sentences.length - flagged}/${sentences.length} 句有依据 supported\n`,
      );
      if (flagged > 0) ctx.setExitCode(1);
    });
}

/** Passages labelled P1…Pn in order: a file parsed as the store would, or a stored document's. */
async function sourcePassages(ctx: CliContext, source: string, password?: string): Promise<SourcePassage[]> {
  if (fs.existsSync(source)) {
    const doc = await readDocument(source, password);
    return doc.passages.map((p) => ({
      label: `P${p.seq + 1}`,
      id: `P${p.seq + 1}`,
      page: p.page,
      paragraph: p.paragraph,
      text: p.text,
    }));
  }
  const app = ctx.open();
  return app.summaries.passagesOf([app.documents.resolveId(source)]);
}
