import fs from 'node:fs';
import path from 'node:path';
import { createParsePool, ingestWorkerBeside } from '../../electron/ingest/parse-pool';
import type { ParsePool, ParsePoolOptions } from '../../electron/ingest/parse-pool';
import type { ParseJob } from '../../electron/ingest/parsed';
import { parseFile } from '../../electron/ingest/parse-file';
import { rejection } from '../support/rejection';
import { FIXTURES, ROOT } from '../support/temp';
import { documentHtml, makePdf } from './support/make-pdf';
import type { Block } from './support/make-pdf';
import { manyItemsContent, rawPdf } from './support/raw-pdf';

// Workers run the bundle (TypeScript cannot be loaded into a worker from Jest):
// `node scripts/build-node.mjs` first (`npm test` builds).
const WORKER = path.join(ROOT, 'out', 'node', 'ingest-worker.cjs');
if (!fs.existsSync(WORKER)) throw new Error(`${WORKER} is missing: run node scripts/build-node.mjs`);

jest.setTimeout(60_000);

const pools: ParsePool[] = [];
const pool = (options: Partial<ParsePoolOptions> = {}) => {
  const p = createParsePool({ workerFile: WORKER, ...options });
  pools.push(p);
  return p;
};
afterAll(() => Promise.all(pools.map((p) => p.close())));

const small = (text: string): ParseJob => ({
  name: `${text}.pdf`,
  kind: 'pdf',
  bytes: rawPdf(`BT /F1 12 Tf 50 800 Td (${text}) Tj ET`),
});
const fixture = (dir: string, name: string) => new Uint8Array(fs.readFileSync(path.join(FIXTURES, dir, name)));

let big: ParseJob;
beforeAll(async () => {
  const blocks: Block[] = Array.from({ length: 48 }, (_, i) => ({
    kind: 'body',
    text: `第${i + 1}页。${'各地区各部门要认真贯彻执行。'.repeat(30)}`,
  }));
  big = { name: 'big.pdf', kind: 'pdf', bytes: await makePdf(documentHtml('大文件', blocks, { pageBreakEvery: 1 })) };
});

it('finds the worker bundle beside the running bundle', () => {
  expect(ingestWorkerBeside('/app/out/node/cli.cjs')).toBe(path.join('/app/out/node', 'ingest-worker.cjs'));
  expect(ingestWorkerBeside('/app/out/main/index.js')).toBe(path.join('/app/out/main', 'ingest-worker.js'));
});

it('parses every kind off the main thread exactly as in it, leaving the caller’s bytes alone', async () => {
  const p = pool({ size: 2 });
  const jobs: ParseJob[] = [
    { name: 'a.txt', kind: 'txt', bytes: new TextEncoder().encode('通知\n第一段。\n第二段。') },
    { name: 'a.md', kind: 'md', bytes: new TextEncoder().encode('# 标题\n\n正文。') },
    { name: 'payment.docx', kind: 'docx', bytes: fixture('docx', 'poitl__payment.docx') },
    { name: '3521.pdf', kind: 'pdf', bytes: fixture('pdf', 'pdfjs__issue3521.pdf') },
  ];
  const copies = jobs.map((j) => j.bytes.slice());
  const pooled = await Promise.all(jobs.map((j) => p.parse(j)));
  for (const [i, job] of jobs.entries()) {
    expect(pooled[i]).toEqual(await parseFile(job));
    expect(job.bytes).toEqual(copies[i]);
  }
});

it('splits a large PDF across the workers and merges it into what one pass gives', async () => {
  const p = pool({ size: 2 });
  let busiest = 0;
  const watch = setInterval(() => (busiest = Math.max(busiest, p.stats().busy)), 10);
  const doc = await p.parse(big).finally(() => clearInterval(watch));
  expect(busiest).toBe(2);
  expect(doc).toEqual(await parseFile(big));
  expect(doc.pageCount).toBe(48);
  expect(new Set(doc.passages.map((x) => x.page)).size).toBe(48);
});

it('runs two files at once and queues what exceeds the pool', async () => {
  const p = pool({ size: 2 });
  const jobs = ['one', 'two', 'three', 'four'].map(small);
  const all = Promise.all(jobs.map((j) => p.parse(j)));
  expect(p.stats()).toEqual({ workers: 2, busy: 2, queued: 2 });
  expect((await all).map((d) => d.text)).toEqual(['one', 'two', 'three', 'four']);
  expect(p.stats()).toEqual({ workers: 2, busy: 0, queued: 0 });
});

it('splits only across free workers: two large PDFs at once are parsed side by side, whole', async () => {
  const p = pool({ size: 2 });
  const other: ParseJob = { ...big, name: 'big-2.pdf', bytes: Buffer.concat([big.bytes, Buffer.from('\n%2\n')]) };
  let queued = 0;
  const watch = setInterval(() => (queued = Math.max(queued, p.stats().queued)), 5);
  const docs = await Promise.all([p.parse(big), p.parse(other)]).finally(() => clearInterval(watch));
  expect(queued).toBe(0); // a split would have queued a range behind the other file
  const single = await parseFile(big);
  expect(docs).toEqual([single, { ...single }]);
});

it('rethrows a worker’s error as the same AppError', async () => {
  const p = pool({ size: 1 });
  const name = 'pdfjs__issue6010_1_encrypted_pw-abc.pdf';
  const err = await rejection(p.parse({ name, kind: 'pdf', bytes: fixture('pdf', name) }));
  expect(err).toMatchObject({ code: 'password_required', params: { file: name } });
  const wrong = await rejection(p.parse({ name, kind: 'pdf', bytes: fixture('pdf', name), password: 'x' }));
  expect(wrong.code).toBe('wrong_password');
  expect((await p.parse({ name, kind: 'pdf', bytes: fixture('pdf', name), password: 'abc' })).text).toBe('Issue 6010');
});

it('fails a file that takes too long as parse_failed, and replaces its workers', async () => {
  const p = pool({ size: 1, timeoutMs: 1500 });
  // Three million text operations take several seconds to parse.
  const slow: ParseJob = { name: 'slow.pdf', kind: 'pdf', bytes: rawPdf(manyItemsContent(3_000_000)) };
  const err = await rejection(p.parse(slow));
  expect(err).toMatchObject({ code: 'parse_failed', params: { file: 'slow.pdf', detail: 'timeout' } });
  expect(p.stats()).toEqual({ workers: 0, busy: 0, queued: 0 });
  const after = await p.parse({ name: 'after.txt', kind: 'txt', bytes: new TextEncoder().encode('after') });
  expect(after.text).toBe('after');
});

it('cancels a file when its signal aborts, stopping its workers', async () => {
  const p = pool({ size: 2 });
  const controller = new AbortController();
  const parsing = p.parse(big, controller.signal);
  setTimeout(() => controller.abort(), 200);
  const err = await rejection(parsing);
  expect(err).toMatchObject({ code: 'cancelled', params: { file: 'big.pdf' } });
  expect(p.stats()).toEqual({ workers: 0, busy: 0, queued: 0 });
  expect((await p.parse(small('next'))).text).toBe('next');
});

it('cancels at once when the signal has already aborted, and takes queued files off the queue', async () => {
  const p = pool({ size: 1 });
  expect((await rejection(p.parse(small('never'), AbortSignal.abort()))).code).toBe('cancelled');
  const controller = new AbortController();
  const running = p.parse(small('running'));
  const queued = p.parse(small('queued'), controller.signal);
  expect(p.stats().queued).toBe(1);
  controller.abort();
  expect((await rejection(queued)).code).toBe('cancelled');
  expect(p.stats().queued).toBe(0);
  expect((await running).text).toBe('running');
});

it('survives a file that exhausts a worker’s memory: unsafe_file, and the next file parses', async () => {
  const p = pool({ size: 1, maxWorkerMemoryMb: 64 });
  // Under 200 KB of Flate-compressed content: two million text items, hundreds of MB of heap.
  const bomb: ParseJob = { name: 'bomb.pdf', kind: 'pdf', bytes: rawPdf(manyItemsContent(2_000_000)) };
  expect(bomb.bytes.byteLength).toBeLessThan(200_000);
  const err = await rejection(p.parse(bomb));
  expect(err).toMatchObject({ code: 'unsafe_file', params: { file: 'bomb.pdf', detail: 'out of memory' } });
  expect((await p.parse(small('alive'))).text).toBe('alive');
});

it('fails files as parse_failed when the worker cannot start', async () => {
  const p = pool({ size: 1, workerFile: path.join(ROOT, 'out', 'node', 'no-such-worker.cjs') });
  expect((await rejection(p.parse(small('x')))).code).toBe('parse_failed');
});

it('cancels what is pending when closed, and refuses new files', async () => {
  const p = createParsePool({ workerFile: WORKER, size: 1 });
  const pending = [p.parse(small('a')), p.parse(small('b'))].map(rejection);
  await p.close();
  for (const err of await Promise.all(pending)) expect(err.code).toBe('cancelled');
  expect((await rejection(p.parse(small('c')))).code).toBe('cancelled');
});
