import path from 'node:path';
import { parseArgs } from 'node:util';
import { createApp } from '../app/create-app';
import { resolveDbPath } from '../app/paths';
import { ingestWorkerBeside } from '../ingest/parse-pool';
import { createDispatch } from '../ipc/dispatch';
import { startWebServer } from './server';

/** `npm run start:web`: the renderer and the same services in a browser, on 127.0.0.1 only. */
async function run(): Promise<void> {
  const { values } = parseArgs({
    options: { db: { type: 'string' }, port: { type: 'string' } },
    allowPositionals: false,
  });
  const root = path.resolve(__dirname, '..', '..');
  const app = createApp({
    dbPath: resolveDbPath(values.db),
    shell: 'web',
    ingest: { workerFile: ingestWorkerBeside(__filename) },
  });
  const server = await startWebServer({
    dispatch: createDispatch(app.handlers, { onInternalError: (ch, err) => console.error(`[wenshu] ${ch}`, err) }),
    rendererDir: path.join(root, 'out', 'renderer'),
    bridgeFile: path.join(root, 'out', 'web', 'bridge.js'),
    port: values.port ? Number(values.port) : undefined,
  });
  console.log(`Wenshu (browser harness, development only)\n  store: ${app.db.name}\n  open:  ${server.loginUrl}`);
  const stop = () => {
    void server.close().then(() => {
      app.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

run().catch((err: unknown) => {
  console.error(`wenshu: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
