import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { createApp } from '../../electron/app/create-app';
import { parseFile } from '../../electron/ingest/parse-file';
import { benchDir, corpus, report, round, time } from './support';

async function main(): Promise<void> {
  // How long IT waits for `wenshu list --json` on a store of 500 documents, against bare Node start-up.
  const RUNS = 15;
  const root = path.resolve(__dirname, '..', '..');
  const db = path.join(benchDir(), 'cli.db');
  const app = createApp({ dbPath: db, shell: 'cli', ingest: { parse: parseFile }, log: () => {} });
  await app.documents.importFiles(corpus(500));
  await app.close();

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const measure = (args: string[]) =>
    median(
      Array.from({ length: RUNS }, () => {
        const { ms, value } = time(() => spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' }));
        if (value.status !== 0) throw new Error(`${args.join(' ')} failed: ${value.stderr}`);
        return ms;
      }),
    );

  const cli = measure([path.join(root, 'bin', 'wenshu.cjs'), 'list', '--json', '--db', db]);
  const node = measure(['-e', '0']);
  const ratio = round(cli / node);
  report({
    name: 'cli-startup',
    description: `Median of ${RUNS} runs of \`wenshu list --json\` on a 500-document store; baseline: \`node -e 0\`.`,
    figures: { 'wenshu list ms (median)': round(cli, 1) },
    baseline: { 'node -e 0 ms (median)': round(node, 1) },
    ratio,
    target: '≤ 8× bare Node start-up',
    pass: ratio <= 8,
  });
}

void main();
