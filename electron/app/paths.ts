import os from 'node:os';
import path from 'node:path';

/** The name Electron derives userData from; main sets it so the CLI finds the same store. */
export const APP_NAME = 'Wenshu';
export const DB_FILE = 'wenshu.db';
/** The API key, encrypted by the OS (safeStorage), beside the store. */
export const KEY_FILE = 'endpoint-key.bin';

/** Electron's userData for APP_NAME, computed without Electron (CLI, web harness). */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  const home = os.homedir();
  if (platform === 'win32')
    return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', APP_NAME);
  return path.posix.join(env.XDG_CONFIG_HOME || path.posix.join(home, '.config'), APP_NAME);
}

/** `--db PATH` wins, then WENSHU_DB, then the user's data directory. */
export function resolveDbPath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = flag ?? env.WENSHU_DB;
  return chosen ? path.resolve(chosen) : path.join(defaultDataDir(env), DB_FILE);
}
