import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createApp } from '../../electron/app/create-app';
import { parseFile } from '../../electron/ingest/parse-file';
import { DocumentsRepo } from '../../electron/store/documents-repo';
import { EMPTY_META } from '../../shared/domain/document';
import type { Passage } from '../../shared/domain/document';
import { startLlmServer, textEvents } from '../support/llm-server';
import type { Script, ServerRequest } from '../support/llm-server';
import { benchDir, report, round } from './support';

// A 300-page document summarized against the test endpoint at a fixed speed: 30 tokens/s per
// stream, 100 ms to the first token, 4 streams at once. The endpoint alone allows no less than
// the critical path: the map stage's makespan bound (the longest chunk, or all chunks' time
// shared over the 4 streams) plus each combining call. Wall time is measured around the whole
// run (prompts, token estimates, the store, the verifier) and compared with that bound.

const PAGES = 300;
const PAGE_CHARS = 1000;
const RATE = 30;
const FIRST_TOKEN_MS = 100;
const CONCURRENCY = 4;
const log = (line: string) => process.stderr.write(`${line}\n`);

/** 300 pages of real 公文 text (paragraphs kept, ~1,000 characters a page), each copy numbered. */
function document(): { text: string; passages: Omit<Passage, 'id'>[] } {
  const dir = path.resolve(__dirname, '..', '..', '..', 'shared', 'fixtures', 'real', 'gongwen');
  const paragraphs = fs
    .readdirSync(dir)
    .sort()
    .flatMap((f) => fs.readFileSync(path.join(dir, f), 'utf8').split(/\n\s*\n|\n/))
    .map((p) => p.trim())
    .filter((p) => p.length >= 20 && p.length <= 1200);
  const passages: Omit<Passage, 'id'>[] = [];
  let text = '';
  let page = 1;
  let onPage = 0;
  let paragraph = 0;
  for (let i = 0; page <= PAGES; i++) {
    const body = `（${i + 1}）${paragraphs[i % paragraphs.length]!}`;
    passages.push({
      seq: passages.length,
      page,
      paragraph,
      start: text.length,
      end: text.length + body.length,
      text: body,
    });
    text += `${body}\n`;
    onPage += body.length;
    paragraph++;
    if (onPage >= PAGE_CHARS) {
      page++;
      onPage = 0;
      paragraph = 0;
    }
  }
  return { text, passages: passages.filter((p) => p.page <= PAGES) };
}

const userOf = (req: ServerRequest) =>
  (req.json as { messages: { role: string; content: string }[] }).messages.find((m) => m.role === 'user')!.content;

/** Per request: its stage and the time the endpoint itself needs for it at the fixed speed. */
const served: { stage: 'map' | 'reduce'; nominalMs: number }[] = [];

function respond(req: ServerRequest): Script | undefined {
  if (!req.path.endsWith('/chat/completions')) return undefined;
  const user = userOf(req);
  const isMap = /第\d+部分（共\d+部分）/.test(user);
  // A chunk: its first three passages' opening sentences, cited (≈ 150 tokens). The combination:
  // the cited lines of the partial summaries (≈ 200 tokens).
  const answer = isMap
    ? [...user.matchAll(/^\[(P\d+)\] (.{10,50}?[。；，])/gm)]
        .slice(0, 3)
        .map((m, i) => `${i + 1}. ${m[2]}[${m[1]}]`)
        .join('\n')
    : [...user.matchAll(/^\d+\. (.+\[P\d+\])$/gm)]
        .map((m) => m[1]!)
        .join('\n')
        .slice(0, 200);
  const events = textEvents(`【要点】\n${answer}`, { per: 1 });
  // Writes: the events and [DONE]; the first goes at the first-token time, then one per 1/RATE s.
  served.push({ stage: isMap ? 'map' : 'reduce', nominalMs: FIRST_TOKEN_MS + (events.length * 1000) / RATE });
  return { events, pace: { firstTokenMs: FIRST_TOKEN_MS, tokensPerSecond: RATE } };
}

async function main() {
  const dir = benchDir();
  const server = await startLlmServer({ handler: respond });
  const policyPath = path.join(dir, 'policy.json');
  fs.writeFileSync(
    policyPath,
    JSON.stringify({
      version: 1,
      endpoints: [
        {
          id: 'bench',
          name: 'bench',
          baseUrl: server.url,
          models: [{ name: 'test-model', contextWindow: 32768, maxTokens: 1024 }],
        },
      ],
      concurrency: CONCURRENCY,
      timeouts: { connectMs: 5000, firstTokenMs: 10000, idleMs: 10000 },
    }),
  );
  const app = createApp({
    dbPath: path.join(dir, 'wenshu.db'),
    shell: 'cli',
    ingest: { parse: parseFile },
    log: () => {},
    policyPath,
    env: { WENSHU_API_KEY: 'sk-bench' },
  });
  const doc = document();
  const id = randomUUID();
  const bytes = new TextEncoder().encode(doc.text);
  new DocumentsRepo(app.db).insert({
    id,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    fileName: 'bench-300-pages.txt',
    kind: 'txt',
    title: '三百页材料',
    encoding: 'utf-8',
    pageCount: PAGES,
    text: doc.text,
    bytes,
    importedAt: new Date().toISOString(),
    passages: doc.passages,
    textLayer: true,
    meta: EMPTY_META,
  });
  log(`bench: ${PAGES} pages, ${doc.passages.length} passages, ${doc.text.length} characters`);

  const started = process.hrtime.bigint();
  const { report: checked } = await app.summaries.run({ documentIds: [id], preset: 'key_points', language: 'zh' });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;

  const map = served.filter((s) => s.stage === 'map').map((s) => s.nominalMs);
  const reduce = served.filter((s) => s.stage === 'reduce').map((s) => s.nominalMs);
  const mapBound = Math.max(Math.max(...map), map.reduce((a, b) => a + b, 0) / CONCURRENCY);
  const lowerBoundMs = mapBound + reduce.reduce((a, b) => a + b, 0);
  const ratio = wallMs / lowerBoundMs;
  await app.close();
  await server.close();
  report({
    name: 'summarize',
    description: `${PAGES}-page document, map-reduce against the test endpoint at ${RATE} tokens/s per stream, ${FIRST_TOKEN_MS} ms to first token, concurrency ${CONCURRENCY}`,
    figures: {
      pages: PAGES,
      passages: doc.passages.length,
      characters: doc.text.length,
      chunks: map.length,
      'combining calls': reduce.length,
      'sentences checked': checked.sentences.length,
      'wall ms': round(wallMs, 0),
    },
    baseline: { 'lower bound ms': round(lowerBoundMs, 0), 'map bound ms': round(mapBound, 0) },
    ratio: round(ratio, 3),
    target: 'wall time ≤ 1.15 × the lower bound the endpoint allows',
    pass: ratio <= 1.15,
  });
}

void main().catch((err) => {
  log(String(err?.stack ?? err));
  process.exit(1);
});
