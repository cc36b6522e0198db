import { parentPort } from 'node:worker_threads';
import { toErrorData } from '../../shared/errors';
import { parseFile } from './parse-file';
import type { PageRange } from './pdf';
import type { PoolMessage, TaskMessage, WorkerReply } from './worker-protocol';

// pdfjs sends every Flate stream through a web DecompressionStream when the global exists; on
// Node each costs a zlib context and a stream pipeline, and pdfjs' own synchronous inflater is
// cheaper for a PDF's thousands of small streams (about a third less CPU on Chromium PDFs).
// This thread only parses, so the global can go.
Reflect.deleteProperty(globalThis, 'DecompressionStream');

const port = parentPort;
if (!port) throw new Error('ingest worker: start me with new Worker(), not directly');

const reply = (message: WorkerReply) => port.postMessage(message);
let rangeArrived: ((pages: PageRange) => void) | undefined;

/** The pages to parse: given, or asked of the pool once the page count is known. */
function pagesOf(task: TaskMessage): PageRange | ((pageCount: number) => Promise<PageRange>) | undefined {
  if (!task.askRange) return task.pages;
  return (pageCount) =>
    new Promise((resolve) => {
      rangeArrived = resolve;
      reply({ type: 'pageCount', pageCount });
    });
}

function run(task: TaskMessage) {
  const { name, bytes, kind, password } = task;
  parseFile({ name, bytes, kind, password, pages: pagesOf(task) }).then(
    (result) => reply({ type: 'done', result }),
    (err: unknown) => reply({ type: 'failed', error: toErrorData(err) }),
  );
}

port.on('message', (message: PoolMessage) => {
  if (message.type === 'task') run(message);
  else rangeArrived?.(message.pages);
});
