import { createLimiter } from '../../electron/llm/limiter';
import { rejection } from '../support/rejection';
import { clientFor, startLlmServer, status, textStream } from '../support/llm-server';
import type { LlmServer } from '../support/llm-server';

/** The per-endpoint concurrency limit: counted on the server, FIFO, cancellable while queued. */
let server: LlmServer;
beforeAll(async () => {
  server = await startLlmServer({ models: ['m'] });
});
afterAll(() => server.close());

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

test('never more than max streams in flight, measured on the server', async () => {
  const { client, limiter, egress } = clientFor(server, {}, { concurrency: 2 });
  for (let i = 0; i < 6; i++) server.script({ ...textStream(`第${i}段回答`), chunkDelayMs: 15 });
  let maxActive = 0;
  const watch = setInterval(() => (maxActive = Math.max(maxActive, limiter.active)), 2);
  const outcomes = await Promise.all(
    Array.from({ length: 6 }, (_, i) => client.chat({ model: 'm', messages: [{ role: 'user', content: `${i}` }] })),
  );
  clearInterval(watch);
  expect(outcomes.every((o) => o.ok)).toBe(true);
  expect(server.maxInFlight).toBe(2); // the limit, and also reached: the streams did overlap
  expect(maxActive).toBeLessThanOrEqual(2);
  expect(limiter.active).toBe(0);
  expect(limiter.queued).toBe(0);
  egress.close();
});

test('FIFO: queued tasks start in the order they were submitted', async () => {
  const limiter = createLimiter(1);
  const started: number[] = [];
  const gates = Array.from({ length: 5 }, deferred);
  const runs = gates.map((gate, i) =>
    limiter.run(async () => {
      started.push(i);
      await gate.promise;
      return i;
    }),
  );
  expect(limiter.active).toBe(1);
  expect(limiter.queued).toBe(4);
  for (const gate of [...gates].reverse()) gate.resolve(); // release order must not matter
  expect(await Promise.all(runs)).toEqual([0, 1, 2, 3, 4]);
  expect(started).toEqual([0, 1, 2, 3, 4]);
});

test('cancelled while queued: leaves the queue, never runs, rejects with cancelled', async () => {
  const limiter = createLimiter(1);
  const gate = deferred();
  const ran: string[] = [];
  const first = limiter.run(async () => {
    ran.push('first');
    await gate.promise;
  });
  const ctl = new AbortController();
  const second = limiter.run(async () => void ran.push('second'), ctl.signal);
  const third = limiter.run(async () => void ran.push('third'));
  expect(limiter.queued).toBe(2);
  ctl.abort();
  const err = await rejection(second);
  expect(err.code).toBe('cancelled');
  expect(limiter.queued).toBe(1);
  gate.resolve();
  await Promise.all([first, third]);
  expect(ran).toEqual(['first', 'third']);
});

test('an already aborted signal is refused without running; a failing task frees its slot', async () => {
  const limiter = createLimiter(1);
  const ctl = new AbortController();
  ctl.abort();
  let ran = false;
  expect((await rejection(limiter.run(async () => void (ran = true), ctl.signal))).code).toBe('cancelled');
  expect(ran).toBe(false);
  await expect(limiter.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
  expect(limiter.active).toBe(0);
  expect(await limiter.run(async () => 'next')).toBe('next');
});

test('a chat waiting to retry gives its slot to the next one', async () => {
  const { client, egress } = clientFor(
    server,
    { retries: { max: 2, baseDelayMs: 5, maxDelayMs: 1000 } },
    { concurrency: 1 },
  );
  const before = server.requests.length;
  server.script([
    status(429, { error: { message: 'busy' } }, { 'retry-after': '0.2' }),
    textStream('B'),
    textStream('A'),
  ]);
  const a = client.chat({ model: 'm', messages: [{ role: 'user', content: 'A' }] });
  await new Promise((r) => setTimeout(r, 20));
  const b = client.chat({ model: 'm', messages: [{ role: 'user', content: 'B' }] });
  const [outA, outB] = await Promise.all([a, b]);
  expect(outA.ok && outA.value.answer).toBe('A');
  expect(outB.ok && outB.value.answer).toBe('B');
  const order = server.requests
    .slice(before)
    .map((r) => (r.json as { messages: { content: string }[] }).messages[0]!.content);
  expect(order).toEqual(['A', 'B', 'A']);
  egress.close();
});

test('the size must be a positive integer', () => {
  expect(() => createLimiter(0)).toThrow(RangeError);
});
