import fs from 'node:fs';
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import type { DocumentSummary, ImportOutcome } from '../../shared/domain/document';
import type { Locale } from '../../shared/domain/settings';
import { AppError, toErrorData } from '../../shared/errors';
import { formatError } from '../../shared/i18n/errors';
import { createApp } from '../app/create-app';
import type { WenshuApp } from '../app/create-app';
import { resolveDbPath } from '../app/paths';
import { APP_VERSION } from '../app/version';
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
    app ??= createApp({ dbPath: resolveDbPath(opts.db, io.env), shell: 'cli', log: (m) => io.err(`wenshu: ${m}\n`) });
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
    .description('import TXT and Markdown files or folders into the store')
    .argument('<paths...>', 'files or folders')
    .action((paths: string[]) => {
      const opts = program.opts<GlobalOptions>();
      const store = open(opts);
      const outcomes = collectFiles(paths).map((found): ImportOutcome => {
        const rejected = (code: 'file_not_found' | 'file_unreadable') => ({
          file: found.path,
          status: 'rejected' as const,
          reason: new AppError(code, `${found.path}: ${code}`, { file: found.path }).toData(),
        });
        if (found.missing) return rejected('file_not_found');
        let bytes: Uint8Array;
        try {
          bytes = fs.readFileSync(found.path);
        } catch {
          return rejected('file_unreadable');
        }
        const [outcome] = store.documents.importFiles([{ name: path.basename(found.path), bytes }]);
        return { ...outcome!, file: found.path };
      });
      for (const o of outcomes) if (o.status === 'rejected') io.err(`wenshu: ${say(o.reason)}\n`);
      if (outcomes.some((o) => o.status === 'rejected')) exitCode = 1;
      const human = outcomes
        .filter((o) => o.status !== 'rejected')
        .map((o) => `${o.status === 'imported' ? '已导入 imported ' : '已存在 duplicate'}  ${shortId(o.id)}  ${o.title}  (${o.file})\n`)
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
    .command('show')
    .description("one document's metadata and passages")
    .argument('<id>', 'document id or a unique prefix of it (≥ 4 characters)')
    .action((id: string) => {
      const opts = program.opts<GlobalOptions>();
      const store = open(opts);
      const doc = store.documents.get(store.documents.resolveId(id));
      const human =
        `${doc.title}\n` +
        `id ${doc.id}  ${doc.kind}  ${doc.sizeBytes} B  ${doc.encoding ?? ''}  ${doc.importedAt}\n` +
        `sha256 ${doc.sha256}\n\n` +
        doc.passages.map((p) => `[${p.id.slice(-6)} p${p.page} ¶${p.paragraph}] ${p.text}\n`).join('');
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
    app?.close();
  }
}

