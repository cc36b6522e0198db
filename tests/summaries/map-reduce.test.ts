import { startLlmServer, status, textStream } from '../support/llm-server';
import type { LlmServer, Script, ServerRequest } from '../support/llm-server';
import { rejection } from '../support/rejection';
import { appWithPolicy, writePolicy } from '../endpoint/support';
import { REPORT_2000, firstSentence, importGongwen, labelledLines, userMessage } from './support';

// A document longer than the model's context is summarized in chunks (map) and combined
// (reduce). The scripted endpoint answers each chunk with the first sentence of its first
// passage, cited, and the combination with the partial summaries' lines: so the final summary
// is verifiable against the source, and every request can be told apart and counted.

let server: LlmServer;
/** Chunk parts (1-based) the endpoint fails with a 500 while set. */
let failing = new Set<number>();
const partOf = (user: string) => Number(user.match(/第(\d+)部分（共\d+部分）/)?.[1] ?? 0);

function respond(req: ServerRequest): Script | undefined {
  if (!req.path.endsWith('/chat/completions')) return undefined;
  const user = userMessage(req);
  const part = partOf(user);
  if (part > 0) {
    if (failing.has(part)) return status(500, { error: { message: 'upstream overloaded' } });
    const first = labelledLines(user)[0]!;
    return textStream(`【要点】\n1. ${firstSentence(first.text)}[${first.label}]`, { per: 9 });
  }
  // The combination: every cited line of the partial summaries, in order.
  const lines = [...user.matchAll(/^\d+\. (.+\[P\d+\])$/gm)].map((m) => m[1]!);
  return textStream(`【要点】\n${lines.map((l, i) => `${i + 1}. ${l}`).join('\n')}`, { per: 9 });
}

beforeAll(async () => {
  server = await startLlmServer({ handler: respond });
});
afterAll(() => server.close());

const chatRequests = () => server.requests.filter((r) => r.path.endsWith('/chat/completions'));
const partsAsked = (from: number) =>
  chatRequests()
    .slice(from)
    .map((r) => partOf(userMessage(r)))
    .filter((p) => p > 0)
    .sort((a, b) => a - b);

function longDocApp() {
  // A 4,096-token window: the 2000 government work report (≈ 16,000 characters) needs several chunks.
  return appWithPolicy(
    writePolicy(server.url, {
      contextWindow: 4096,
      maxTokens: 512,
      concurrency: 2,
      retries: { max: 0, baseDelayMs: 1, maxDelayMs: 1 },
    }),
  );
}

test('chunks in parallel within the concurrency limit, combined with their citations, progress per stage', async () => {
  const app = longDocApp();
  const id = await importGongwen(app, REPORT_2000);
  const from = chatRequests().length;
  const progress: string[] = [];
  const { draft, report, cached } = await app.summaries.run(
    { documentIds: [id], preset: 'key_points', language: 'zh' },
    { onProgress: (p) => progress.push(`${p.stage} ${p.done}/${p.total}`) },
  );
  const parts = partsAsked(from);
  const chunks = parts.length;
  expect(chunks).toBeGreaterThanOrEqual(3);
  expect(parts).toEqual(Array.from({ length: chunks }, (_, i) => i + 1));
  expect(chatRequests().length - from).toBe(chunks + 1); // the chunks and one combination
  expect(server.maxInFlight).toBeLessThanOrEqual(2);
  // Every request fitted the window (the server would have refused nothing, but check the estimate).
  for (const r of chatRequests().slice(from)) expect(userMessage(r).length).toBeLessThan(4096 * 1.6);

  expect(progress[0]).toBe(`map 0/${chunks}`);
  expect(progress).toContain(`map ${chunks}/${chunks}`);
  expect(progress.indexOf(`map ${chunks}/${chunks}`)).toBeLessThan(progress.indexOf('reduce 1/1'));
  expect(progress.slice(-2)).toEqual(['verify 0/1', 'verify 1/1']);

  expect(cached).toBe(false);
  expect(report.sentences).toHaveLength(chunks);
  // Citations survived both stages and point at the passages the chunks began with.
  expect(report.sentences.every((s) => s.verdict === 'supported' && s.citations.length === 1)).toBe(true);
  expect(draft.versions.at(-1)!.warnings).toEqual([]);
});

test('an endpoint failure halfway resumes without redoing finished chunks', async () => {
  const app = longDocApp();
  const id = await importGongwen(app, REPORT_2000, 'report-copy.txt');
  // Learn the chunk count from a run that fails every chunk after the first two.
  failing = new Set([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
  const from = chatRequests().length;
  const err = await rejection(app.summaries.run({ documentIds: [id], preset: 'detailed', language: 'zh' }));
  expect(err).toMatchObject({ code: 'endpoint_server_error' });
  const firstRun = chatRequests()
    .slice(from)
    .map((r) => partOf(userMessage(r)));
  const chunks = Math.max(...firstRun);
  expect(chunks).toBeGreaterThanOrEqual(3);
  expect(firstRun.filter((p) => p === 0)).toEqual([]); // no combination was attempted
  expect(app.review.list({ kind: 'summary', limit: 10, offset: 0 }).drafts).toEqual([]); // no half draft left

  failing = new Set();
  const again = chatRequests().length;
  const { report } = await app.summaries.run({ documentIds: [id], preset: 'detailed', language: 'zh' });
  const retried = partsAsked(again);
  // Only the failed chunks were asked again (1 and 2 came from the store), then the combination.
  expect(retried).toEqual(Array.from({ length: chunks - 2 }, (_, i) => i + 3));
  expect(chatRequests().length - again).toBe(chunks - 2 + 1);
  expect(report.sentences).toHaveLength(chunks);
  expect(report.sentences.every((s) => s.verdict === 'supported')).toBe(true);
});

test('a connection failure before any chunk finished falls back to the offline engine', async () => {
  const app = appWithPolicy(
    writePolicy('http://127.0.0.1:9/v1', {
      contextWindow: 4096,
      maxTokens: 512,
      retries: { max: 0, baseDelayMs: 1, maxDelayMs: 1 },
    }),
  );
  const id = await importGongwen(app, REPORT_2000);
  const { draft, report } = await app.summaries.run({ documentIds: [id], preset: 'key_points', language: 'zh' });
  expect(draft.versions.at(-1)!.engine).toBe('offline');
  expect(report.sentences.every((s) => s.verdict === 'supported')).toBe(true);
});
