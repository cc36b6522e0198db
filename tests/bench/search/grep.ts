import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** ripgrep if installed (not on CI: the bench is not part of CI), else grep. */
export const GREP: { name: string; command: string; args: string[] } =
  spawnSync('rg', ['--version']).status === 0
    ? { name: 'rg -F', command: 'rg', args: ['-F', '-l', '--no-config', '--no-messages', '--'] }
    : { name: 'grep -rF', command: 'grep', args: ['-rFl', '--'] };

/** The documents (file names) whose text contains `query`, and how long the search took. */
export function grepFiles(query: string, dir: string): { ms: number; files: Set<string> } {
  const t0 = performance.now();
  const run = spawnSync(GREP.command, [...GREP.args, query, dir], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - t0;
  if (run.status !== 0 && run.status !== 1) throw new Error(`${GREP.name} failed: ${run.stderr}`);
  return {
    ms,
    files: new Set(
      run.stdout
        .split('\n')
        .filter(Boolean)
        .map((f) => path.basename(f)),
    ),
  };
}
