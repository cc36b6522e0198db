import path from 'node:path';
import { createApp } from '../../electron/app/create-app';
import { parseFile } from '../../electron/ingest/parse-file';
import type { AppOptions, WenshuApp } from '../../electron/app/create-app';
import { tempDir } from './temp';

/** A real app over a real SQLite file in a temp folder; closed after the test file. */
export function testApp(options: Partial<AppOptions> = {}): WenshuApp {
  const dir = tempDir();
  const app = createApp({
    dbPath: path.join(dir, 'wenshu.db'),
    shell: 'cli',
    ingest: { parse: parseFile },
    log: () => {},
    // Never the machine's own policy or key: a test names its own.
    policyPath: path.join(dir, 'no-policy.json'),
    env: {},
    ...options,
  });
  afterAll(() => app.close());
  return app;
}
