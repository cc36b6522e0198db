import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { DocumentSummary, ImportOutcome } from '../../../shared/domain/document';
import { AppError } from '../../../shared/errors';
import { SearchFilters } from '../../../shared/search/types';
import { collectFiles } from '../collect-files';
import type { CliContext } from '../context';

const shortId = (id: string) => id.slice(0, 8);

/** import, list, search, show: the document store. */
export function registerDocumentCommands(program: Command, ctx: CliContext): void {
  program
    .command('import')
    .description('import PDF, DOCX, TXT and Markdown files or folders into the store')
    .argument('<paths...>', 'files or folders')
    .option('--password <password>', 'password for encrypted PDFs')
    .action(async (paths: string[], cmd: { password?: string }) => {
      const store = ctx.open();
      const found = collectFiles(paths);
      const present = found.filter((f) => !f.missing);
      const controller = new AbortController();
      const stop = () => controller.abort();
      process.once('SIGINT', stop);
      const imported = await store.documents
        .importFiles(
          present.map((f) => ({
            name: path.basename(f.path),
            password: cmd.password,
            load: () =>
              fs.promises.readFile(f.path).catch(() => {
                throw new AppError('file_unreadable', `${f.path}: cannot read`, { file: f.path });
              }),
          })),
          { signal: controller.signal },
        )
        .finally(() => process.removeListener('SIGINT', stop));
      // Report the path the user typed (not just the base name), in the order given.
      const byPath = new Map(present.map((f, i) => [f, { ...imported[i]!, file: f.path }]));
      const outcomes = found.map(
        (f): ImportOutcome =>
          byPath.get(f) ?? {
            file: f.path,
            status: 'rejected',
            reason: new AppError('file_not_found', `${f.path}: no such file`, { file: f.path }).toData(),
          },
      );
      for (const o of outcomes) if (o.status === 'rejected') ctx.io.err(`wenshu: ${ctx.say(o.reason)}\n`);
      if (outcomes.some((o) => o.status === 'rejected')) ctx.setExitCode(1);
      const human = outcomes
        .filter((o) => o.status !== 'rejected')
        .map(
          (o) =>
            `${o.status === 'imported' ? '已导入 imported ' : '已存在 duplicate'}  ${shortId(o.id)}  ${o.title}  (${o.file})\n`,
        )
        .join('');
      ctx.print(outcomes, human);
    });

  program
    .command('list')
    .description('documents in the store, newest first')
    .action(() => {
      const docs: DocumentSummary[] = ctx.open().documents.list('imported_desc', 1000, 0);
      const human = docs.length
        ? docs.map((d) => `${shortId(d.id)}  ${d.importedAt.slice(0, 10)}  ${d.kind.padEnd(4)}  ${d.title}\n`).join('')
        : '（资料库为空 / the store is empty）\n';
      ctx.print(docs, human);
    });

  program
    .command('search')
    .description('ranked passages matching a Chinese or English query')
    .argument('<query...>', 'words or phrases; every term must occur')
    .option('--limit <n>', 'how many hits (1–200)', '20')
    .option('--type <文种>', 'only this document type, e.g. 通知')
    .option('--issuer <发文机关>', 'only documents from this issuer')
    .option('--from <YYYY-MM-DD>', '成文日期 on or after')
    .option('--to <YYYY-MM-DD>', '成文日期 on or before')
    .option('--tag <tag>', 'only documents with this tag')
    .option('--classification <密级>', '秘密, 机密 or 绝密')
    .action((words: string[], cmd: Record<string, string | undefined>) => {
      const filters = SearchFilters.safeParse(
        Object.fromEntries(
          Object.entries({
            docType: cmd.type,
            issuer: cmd.issuer,
            dateFrom: cmd.from,
            dateTo: cmd.to,
            tag: cmd.tag,
            classification: cmd.classification,
          }).filter(([, v]) => v !== undefined),
        ),
      );
      if (!filters.success) {
        const field = filters.error.issues[0]?.path.join('.') ?? 'filters';
        throw new AppError('invalid_input', `invalid filter ${field}`, { field });
      }
      const hits = ctx.open().search.search({
        query: words.join(' '),
        limit: Number(cmd.limit),
        filters: filters.data,
      });
      const human = hits.length
        ? hits
            .map((h) => `${shortId(h.documentId)}  p${h.page} ¶${h.paragraph + 1}  ${h.title}\n    ${h.snippet}\n`)
            .join('')
        : '（无结果 / no hits）\n';
      ctx.print(hits, human);
    });

  program
    .command('show')
    .description("one document's metadata and passages")
    .argument('<id>', 'document id or a unique prefix of it (≥ 4 characters)')
    .action((id: string) => {
      const store = ctx.open();
      const doc = store.documents.get(store.documents.resolveId(id));
      const meta = Object.entries(doc.meta)
        .filter(([, v]) => v !== null && !(Array.isArray(v) && v.length === 0))
        .map(([k, v]) => `${k} ${Array.isArray(v) ? v.join(',') : v}`)
        .join('  ');
      const human =
        `${doc.title}\n` +
        (meta ? `${meta}\n` : '') +
        (doc.textLayer ? '' : '无文字层，需 OCR / no text layer — OCR needed\n') +
        `id ${doc.id}  ${doc.kind}  ${doc.sizeBytes} B  ${doc.encoding ?? ''}  ${doc.importedAt}\n` +
        `sha256 ${doc.sha256}\n\n` +
        doc.passages.map((p) => `[${p.id.slice(-6)} p${p.page} ¶${p.paragraph + 1}] ${p.text}\n`).join('');
      ctx.print(doc, human);
    });
}
