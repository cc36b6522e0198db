import { Command, CommanderError } from 'commander';
import type { Locale } from '../../shared/domain/settings';
import { toErrorData } from '../../shared/errors';
import { formatError } from '../../shared/i18n/errors';
import { createApp } from '../app/create-app';
import type { WenshuApp } from '../app/create-app';
import { resolveDbPath } from '../app/paths';
import { APP_VERSION } from '../app/version';
import { ingestWorkerBeside } from '../ingest/parse-pool';
import { registerAuditCommands } from './commands/audit';
import { registerDocumentCommands } from './commands/documents';
import { registerEndpointCommands } from './commands/endpoint';
import { registerLintCommand } from './commands/lint';
import { registerRedactCommand } from './commands/redact';
import { registerReviewCommands } from './commands/review';
import { registerSummaryCommands } from './commands/summaries';
import { registerFormCommands } from './commands/forms';
import type { CliContext, CliIO } from './context';

export type { CliIO } from './context';

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

/** Runs one command; resolves to the exit code. Never throws, never calls process.exit. */
export async function main(argv: string[], io: CliIO = defaultIO): Promise<number> {
  const locale = cliLocale(io.env);
  let app: WenshuApp | undefined;
  let exitCode = 0;

  const program = new Command('wenshu')
    .description('Wenshu 文书 — the document store and tools, from the command line')
    .version(APP_VERSION)
    .option('--db <path>', 'store file (default: WENSHU_DB, then the user data folder)')
    .option('--json', 'machine-readable output')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });

  const ctx: CliContext = {
    io,
    locale,
    json: () => program.opts<GlobalOptions>().json === true,
    open: (options) =>
      (app ??= createApp({
        ...options,
        dbPath: resolveDbPath(program.opts<GlobalOptions>().db, io.env),
        shell: 'cli',
        ingest: { workerFile: ingestWorkerBeside(__filename) },
        log: (m) => io.err(`wenshu: ${m}\n`),
        env: io.env,
      })),
    print: (json, human) => io.out(ctx.json() ? `${JSON.stringify(json, null, 2)}\n` : human),
    say: (e) => formatError(e, locale),
    setExitCode: (code) => {
      exitCode = code;
    },
  };

  registerDocumentCommands(program, ctx);
  registerEndpointCommands(program, ctx);
  registerRedactCommand(program, ctx);
  registerAuditCommands(program, ctx);
  registerReviewCommands(program, ctx);
  registerLintCommand(program, ctx);
  registerSummaryCommands(program, ctx);
  registerFormCommands(program, ctx);

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    const error = toErrorData(err);
    io.err(`wenshu: ${ctx.say(error).replace(/\s*\n\s*/g, ' ')}\n`);
    // 3: the review gate refused (scripts can tell "not yet approved" from a failure).
    return error.code === 'not_approved' ? 3 : 1;
  } finally {
    await app?.close();
  }
}
