import { startLlmServer, textStream } from '../support/llm-server';
import type { LlmServer, Script } from '../support/llm-server';
import { rejection } from '../support/rejection';
import { appWithPolicy, writePolicy } from '../endpoint/support';
import { NOTICE, importGongwen, labelledLines, userMessage } from './support';

// Summaries through the composition root against the scripted endpoint on 127.0.0.1: cited
// passages, the verifier's verdicts as review warnings, the cache, the boundary and the switches.

let server: LlmServer;
/** What the endpoint answers to a whole-document request (set per test). */
let answer: (user: string) => string = () => '';
beforeAll(async () => {
  server = await startLlmServer({
    handler: (req): Script | undefined =>
      req.path.endsWith('/chat/completions') ? textStream(answer(userMessage(req)), { per: 7 }) : undefined,
  });
});
afterAll(() => server.close());

/** The label of the first passage containing `text` in the request's material. */
const labelOf = (user: string, text: string) => labelledLines(user).find((l) => l.text.includes(text))!.label;

function policyApp(extra: Record<string, unknown> = {}) {
  return appWithPolicy(writePolicy(server.url, { contextWindow: 32768, maxTokens: 1024, ...extra }));
}

describe('a summary of one document', () => {
  test('passages go with labels; each sentence is checked; a wrong figure is a blocking warning', async () => {
    const app = policyApp();
    const id = await importGongwen(app, NOTICE);
    answer = (user) =>
      [
        '【要点】',
        `1. 2021年，国务院部署在北京、上海、重庆、杭州、广州、深圳8个城市开展营商环境创新试点。[${labelOf(user, '6个城市')}]`,
        `2. 经国务院同意，决定在全国范围内复制推广一批营商环境创新试点改革举措。[${labelOf(user, '复制推广一批')}]`,
      ].join('\n');
    const before = server.requests.length;
    const progress: string[] = [];
    const streamed: string[] = [];
    const { draft, report, cached } = await app.summaries.run(
      { documentIds: [id], preset: 'key_points', language: 'zh' },
      {
        onDelta: (d) => d.kind === 'answer' && streamed.push(d.text),
        onProgress: (p) => progress.push(`${p.stage} ${p.done}/${p.total}`),
      },
    );
    expect(server.requests.length).toBe(before + 1);
    const sent = userMessage(server.requests.at(-1)!);
    expect(sent).toMatch(/^\[P1\] /m);
    expect(labelledLines(sent).length).toBe(app.documents.get(id).passageCount);

    expect(cached).toBe(false);
    expect(draft).toMatchObject({ kind: 'summary', tool: 'summarize', state: 'draft' });
    expect(draft.sources).toEqual([{ documentId: id, passageId: null }]);
    const version = draft.versions.at(-1)!;
    expect(streamed.join('')).toBe(version.content.text);
    expect(version.content.fields).toEqual({});
    expect(progress).toEqual(['verify 0/1', 'verify 1/1']);

    expect(report.sentences.map((s) => s.verdict)).toEqual(['contradicted', 'supported']);
    const wrong = report.sentences[0]!;
    expect(wrong.problems.map((p) => p.kind)).toContain('number');
    expect(version.content.text.slice(wrong.problems[0]!.start, wrong.problems[0]!.end)).toContain('8');
    // Each cited label resolves to page and paragraph of the stored passage.
    const cited = report.passages.find((p) => p.label === report.sentences[1]!.citations[0])!;
    const stored = app.documents.get(id).passages.find((p) => p.id === cited.passageId)!;
    expect(cited).toMatchObject({ documentId: id, page: stored.page, paragraph: stored.paragraph });
    expect(stored.text).toContain('复制推广一批');

    // The contradicted sentence blocks approval until acknowledged …
    expect(version.warnings).toEqual([
      expect.objectContaining({ id: 'unsupported_sentence:0', kind: 'unsupported_sentence', severity: 'error' }),
    ]);
    const approve = (acknowledged: string[]) =>
      app.review.approve({ id: draft.id, version: version.version, contentHash: version.contentHash, acknowledged });
    expect(await rejection((async () => approve([]))())).toMatchObject({ code: 'warnings_unacknowledged' });

    // … or fixed: the edit is checked again and the warning goes.
    const fixed = version.content.text.replace('8个城市', '6个城市');
    const edited = app.review.edit(draft.id, version.version, { text: fixed, fields: version.content.fields });
    expect(edited.versions.at(-1)!.warnings).toEqual([]);
    const current = edited.versions.at(-1)!;
    const approved = app.review.approve({
      id: draft.id,
      version: current.version,
      contentHash: current.contentHash,
      acknowledged: [],
    });
    expect(approved.state).toBe('approved');

    // Outside the app the labels cannot be clicked: the export lists what each points at.
    let saved = '';
    await app.egress.export(draft.id, 'txt', async (_name, bytes) => {
      saved = new TextDecoder().decode(bytes).replace(/\r\n/g, '\n');
      return 'memory';
    });
    expect(saved).toContain(fixed);
    const label = report.sentences[1]!.citations[0]!;
    expect(saved).toContain(`【出处】\n`);
    expect(saved).toContain(`[${label}] 第${stored.page}页第${stored.paragraph + 1}段`);
  });

  test('a repeated request is served from the cache: no model call', async () => {
    const app = policyApp();
    const id = await importGongwen(app, NOTICE);
    answer = (user) => `营商环境创新试点在6个城市开展。[${labelOf(user, '6个城市')}]`;
    const first = await app.summaries.run({ documentIds: [id], preset: 'one_sentence', language: 'zh' });
    const calls = server.requests.length;
    const again = await app.summaries.run({ documentIds: [id], preset: 'one_sentence', language: 'zh' });
    expect(server.requests.length).toBe(calls);
    expect(again.cached).toBe(true);
    // The log still shows the answer the user received and which model made it.
    expect(app.audit.list({ kind: 'model_call', limit: 1, offset: 0 }).entries[0]!.data).toMatchObject({
      tool: 'summarize',
      engine: 'endpoint',
      model: 'test-model',
      outcome: 'cached',
    });
    expect(again.draft.id).not.toBe(first.draft.id);
    expect(again.draft.versions.at(-1)!.content.text).toBe(first.draft.versions.at(-1)!.content.text);
    // Another preset is another request.
    await app.summaries.run({ documentIds: [id], preset: 'key_points', language: 'zh' });
    expect(server.requests.length).toBe(calls + 1);
  });

  test('a citation naming no passage, and a sentence citing none, are warnings', async () => {
    const app = policyApp();
    const id = await importGongwen(app, NOTICE);
    answer = (user) =>
      `经国务院同意，决定在全国范围内复制推广一批营商环境创新试点改革举措。[P999]\n` +
      `经国务院同意，决定在全国范围内复制推广一批营商环境创新试点改革举措。\n` +
      `2021年，国务院部署在北京、上海、重庆、杭州、广州、深圳6个城市开展营商环境创新试点。[${labelOf(user, '6个城市')}]`;
    const { draft } = await app.summaries.run({ documentIds: [id], preset: 'key_points', language: 'zh' });
    const kinds = draft.versions.at(-1)!.warnings.map((w) => `${w.id}`);
    expect(kinds).toEqual(['citation:0', 'citation:1']);
  });

  test('offline (no endpoint): an extractive summary, quoted verbatim, every sentence supported', async () => {
    const app = appWithPolicy(writePolicy(server.url, { endpoints: [] }));
    const id = await importGongwen(app, NOTICE);
    const calls = server.requests.length;
    const { draft, report } = await app.summaries.run({ documentIds: [id], preset: 'detailed', language: 'zh' });
    expect(server.requests.length).toBe(calls);
    expect(draft.versions.at(-1)).toMatchObject({ engine: 'offline', model: 'offline' });
    expect(report.sentences.length).toBeGreaterThan(5);
    expect(report.sentences.filter((s) => s.verdict !== 'supported')).toEqual([]);
    expect(app.audit.list({ kind: 'model_call', limit: 1, offset: 0 }).entries[0]!.data).toMatchObject({
      tool: 'summarize',
      engine: 'offline',
    });
  });

  test('--offline uses the offline engine with an endpoint configured', async () => {
    const app = policyApp();
    const id = await importGongwen(app, NOTICE);
    const calls = server.requests.length;
    const { draft } = await app.summaries.run({
      documentIds: [id],
      preset: 'one_sentence',
      language: 'zh',
      offline: true,
    });
    expect(server.requests.length).toBe(calls);
    expect(draft.versions.at(-1)!.engine).toBe('offline');
  });

  test('a document classified above the endpoint ceiling is refused and no draft is left', async () => {
    const app = policyApp();
    const id = await importGongwen(app, NOTICE);
    app.documents.updateMeta(id, { ...app.documents.get(id).meta, classification: '机密' });
    const calls = server.requests.length;
    const err = await rejection(app.summaries.run({ documentIds: [id], preset: 'key_points', language: 'zh' }));
    expect(err).toMatchObject({ code: 'classified_content' });
    expect(server.requests.length).toBe(calls);
    expect(app.review.list({ kind: 'summary', limit: 10, offset: 0 }).drafts).toEqual([]);
  });

  test('the policy can turn summaries off, in main', async () => {
    const app = policyApp({ tools: { summarize: false } });
    const id = await importGongwen(app, NOTICE);
    const err = await rejection(
      app.summaries.run({ documentIds: [id], preset: 'key_points', language: 'zh', offline: true }),
    );
    expect(err).toMatchObject({ code: 'forbidden' });
  });
});

describe('second opinion', () => {
  test('off by default; with the policy switch, one advisory judgement per flagged sentence', async () => {
    const off = policyApp();
    const id = await importGongwen(off, NOTICE);
    answer = (user) =>
      `2021年，国务院部署在北京、上海、重庆、杭州、广州、深圳8个城市开展营商环境创新试点。[${labelOf(user, '6个城市')}]\n` +
      `经国务院同意，决定在全国范围内复制推广一批营商环境创新试点改革举措。[${labelOf(user, '复制推广一批')}]`;
    const { draft } = await off.summaries.run({ documentIds: [id], preset: 'key_points', language: 'zh' });
    const ask = (app: typeof off, draftId: string) =>
      app.handlers['summaries:secondOpinion']({ requestId: 'r1', id: draftId }, { emit: () => {} });
    expect(await rejection(ask(off, draft.id))).toMatchObject({ code: 'forbidden' });

    const on = policyApp({ verification: { secondOpinion: true } });
    const id2 = await importGongwen(on, NOTICE);
    const made = await on.summaries.run({ documentIds: [id2], preset: 'detailed', language: 'zh' });
    answer = () => '{"judgement":"not_supported","reason":"原文为6个城市"}';
    const calls = server.requests.length;
    const opinions = await ask(on, made.draft.id);
    expect(server.requests.length).toBe(calls + 1);
    expect(opinions).toEqual([{ index: 0, judgement: 'not_supported', reason: '原文为6个城市' }]);
    const judged = userMessage(server.requests.at(-1)!);
    expect(judged).toContain('8个城市');
    expect(judged).toContain('6个城市');
  });
});
