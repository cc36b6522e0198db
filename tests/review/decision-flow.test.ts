import { decisionNotice, requestLocale } from '../../shared/boundary/decision';
import { createDispatch } from '../../electron/ipc/dispatch';
import type { CallContext } from '../../electron/ipc/handlers';
import { DECISION_REQUESTS_20, DRAFTING_REQUESTS_20 } from '../boundary/decision-requests';
import { appWithPolicy, writePolicy } from '../endpoint/support';
import { startLlmServer } from '../support/llm-server';
import type { LlmServer } from '../support/llm-server';

// The non-decision guard in the real generation path (IPC → DraftGeneration → ModelService → the
// test endpoint): a request to decide a case never reaches the model as asked; the model is asked
// for the facts, and the draft says the decision is the officer's. Ordinary requests pass as they are.

const ANSWER = '材料显示：申请人于2026年3月5日提交申请，金额50万元。';
let server: LlmServer;
beforeAll(async () => {
  server = await startLlmServer({ answer: ANSWER });
});
afterAll(() => server.close());

const ctx: CallContext = { emit: () => {} };
let dispatch: ReturnType<typeof createDispatch>;
beforeAll(() => {
  dispatch = createDispatch(appWithPolicy(writePolicy(server.url)).handlers);
});

async function generate(prompt: string) {
  const before = server.requests.length;
  const result = await dispatch('drafts:generate', { requestId: `r${before}`, prompt }, ctx);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  const sent = server.requests.slice(before).find((r) => r.path.endsWith('/chat/completions'))!;
  const messages = JSON.parse(sent.body).messages as { role: string; content: string }[];
  const draft = result.value as { versions: { content: { text: string }; warnings: { kind: string }[] }[] };
  return { sent: messages.map((m) => m.content).join('\n'), text: draft.versions.at(-1)!.content.text };
}

describe('decision requests: a neutral summary of the facts, the decision left to the officer', () => {
  test.each(DECISION_REQUESTS_20)('%s', async (prompt, phrase) => {
    const { sent, text } = await generate(prompt);
    expect(sent).not.toContain(phrase);
    expect(sent).toMatch(requestLocale(prompt) === 'zh-CN' ? /事实/ : /facts/i);
    expect(text.startsWith(decisionNotice(requestLocale(prompt)))).toBe(true);
    expect(text.endsWith(ANSWER)).toBe(true);
  });
});

describe('ordinary drafting requests go to the model as written', () => {
  test.each(DRAFTING_REQUESTS_20)('%s', async (prompt) => {
    const { sent, text } = await generate(prompt);
    expect(sent).toBe(prompt);
    expect(text).toBe(ANSWER);
  });
});
