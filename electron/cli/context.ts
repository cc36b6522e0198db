import type { Locale } from '../../shared/domain/settings';
import type { AppOptions, WenshuApp } from '../app/create-app';

export interface CliIO {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
}

/** What every command gets: the output streams, the store (opened on first use) and helpers. */
export interface CliContext {
  io: CliIO;
  locale: Locale;
  /** `--json` was given. */
  json(): boolean;
  /**
   * The app over the store named by --db / WENSHU_DB / the user's data folder; opened once (the
   * first caller's options apply).
   */
  open(options?: Pick<AppOptions, 'endpointOverride'>): WenshuApp;
  /** JSON with --json, else the human text (which ends with a newline). */
  print(json: unknown, human: string): void;
  /** An error value in the user's language. */
  say(error: { code: string; message: string; params?: Record<string, string | number> }): string;
  /** The process exit code if the command finishes without throwing (1 = some item failed, 3 = …). */
  setExitCode(code: number): void;
}
