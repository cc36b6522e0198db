import fs from 'node:fs';
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import type { DocumentSummary, ImportOutcome } from '../../shared/domain/document';
import type { Locale } from '../../shared/domain/settings';
import { AppError, toErrorData } from '../../shared/errors';
import { SearchFilters } from '../../shared/search/types';
import { formatError } from '../../shared/i18n/errors';
import { createApp } from '../app/create-app';
import type { WenshuApp } from '../app/create-app';
import { resolveDbPath } from '../app/paths';
import { APP_VERSION } from '../app/version';
import { ingestWorkerBeside } from '../ingest/parse-pool';
import { collectFiles } from './collect-files';

export interface CliIO {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
}

const defaultIO: CliIO = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  env: process.env,
};

interface GlobalOptions {
  db?: string;
  json?: boolean;
}

/** zh-CN unless the environment asks for something else: the users' default. */
export function cliLocale(env: NodeJS.ProcessEnv): Locale {
  const lang = env.WENSHU_LANG ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG ?? '';
  return /^(en|C$|POSIX)/i.test(lang) ? 'en-US' : 'zh-CN';
}

const shortId = (id: string) => id.slice(0, 8);

/** Runs one command; resolves to the exit code. Never throws, never calls process.exit. */
export async function main(argv: string[], io: CliIO = defaultIO): Promise<number> {
  const locale = cliLocale(io.env);
  const say = (e: { code: string; message: string; params?: Record<string, string | number> }) =>
    formatError(e, locale);
  let app: WenshuApp | undefined;
  let exitCode = 0;
  const open = (opts: GlobalOptions): WenshuApp => {
    app ??= createApp({
      dbPath: resolveDbPath(opts.db, io.env),
      shell: 'cli',
      ingest: { workerFile: ingestWorkerBeside(__filename) },
      log: (m) => io.err(`wenshu: ${m}\n`),
    });
    return app;
  };
  const print = (opts: GlobalOptions, json: unknown, human: string) =>
    io.out(opts.json ? `${JSON.stringify(json, null, 2)}\n` : human);

  const program = new Command('wenshu')
    .description('Wenshu 文书 — the document store and tools, from the command line')
    .version(APP_VERSION)
    .option('--db <path>', 'store file (default: WENSHU_DB, then the user data folder)')
    .option('--json', 'machine-readable output')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });

  program
    .command('import')
    .description('import PDF, DOCX, TXT and Markdown files or folders into the store')
    .argument('<paths...>', 'files or folders')
    .option('--password <password>', 'password for encrypted PDFs')
    .action(async (paths: string[], cmd: { password?: string }) => {
      const opts = program.opts<GlobalOptions>();
      const store = open(opts);
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
      for (const o of outcomes) if (o.status === 'rejected') io.err(`wenshu: ${say(o.reason)}\n`);
      if (outcomes.some((o) => o.status === 'rejected')) exitCode = 1;
      const human = outcomes
        .filter((o) => o.status !== 'rejected')
        .map(
          (o) =>
            `${o.status === 'imported' ? '已导入 imported ' : '已存在 duplicate'}  ${shortId(o.id)}  ${o.title}  (${o.file})\n`,
        )
        .join('');
      print(opts, outcomes, human);
    });

  program
    .command('list')
    .description('documents in the store, newest first')
    .action(() => {
      const opts = program.opts<GlobalOptions>();
      const docs: DocumentSummary[] = open(opts).documents.list('imported_desc', 1000, 0);
      const human = docs.length
        ? docs.map((d) => `${shortId(d.id)}  ${d.importedAt.slice(0, 10)}  ${d.kind.padEnd(4)}  ${d.title}\n`).join('')
        : '（资料库为空 / the store is empty）\n';
      print(opts, docs, human);
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
      const opts = program.opts<GlobalOptions>();
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
      const hits = open(opts).search.search({
        query: words.join(' '),
        limit: Number(cmd.limit),
        filters: filters.data,
      });
      const human = hits.length
        ? hits
            .map((h) => `${shortId(h.documentId)}  p${h.page} ¶${h.paragraph + 1}  ${h.title}\n    ${h.snippet}\n`)
            .join('')
        : '（无结果 / no hits）\n';
      print(opts, hits, human);
    });

  program
    .command('show')
    .description("one document's metadata and passages")
    .argument('<id>', 'document id or a unique prefix of it (≥ 4 characters)')
    .action((id: string) => {
      const opts = program.opts<GlobalOptions>();
      const store = open(opts);
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
      print(opts, doc, human);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    io.err(`wenshu: ${say(toErrorData(err)).replace(/\s*\n\s*/g, ' ')}\n`);
    return 1;
  } finally {
    await app?.close();
  }
}
