import path from 'node:path';
import { appWithPolicy, writePolicy } from '../endpoint/support';
import { startLlmServer, textStream } from '../support/llm-server';
import type { LlmServer } from '../support/llm-server';
import { rejection } from '../support/rejection';
import { tempDir } from '../support/temp';

// Regenerate: the same type, fields and sources again, as a new AI version of the same draft.

const dir = tempDir();
let server: LlmServer;
beforeAll(async () => {
  server = await startLlmServer();
});
afterAll(() => server.close());

const FIELDS = {
  issuer: '江川市教育局',
  subject: '申请拨付校舍维修资金',
  recipients: '江川市人民政府',
  points: '资金缺口366万元',
  signer: '王建国',
  contact: '李敏，0750-1234567',
};

test('a typed draft is generated again from its fields: version 2, same type; a stale base is refused', async () => {
  const app = appWithPolicy(writePolicy(server.url));
  server.script(textStream('第一稿'));
  const first = await app.drafting.generate({ typeId: 'qingshi', fields: FIELDS, documentIds: [] });
  server.script(textStream('第二稿'));
  const again = await app.drafting.regenerate({ id: first.id, baseVersion: 1 });
  expect(again.versions.map((v) => [v.version, v.origin, v.content.text])).toEqual([
    [1, 'ai', '第一稿'],
    [2, 'ai', '第二稿'],
  ]);
  expect(again.versions[1]!.content.fields).toMatchObject({ ...FIELDS, typeId: 'qingshi', typeName: '请示' });
  const sent = JSON.parse(server.requests.at(-1)!.body).messages as { content: string }[];
  expect(sent[1]!.content).toContain('签发人：王建国');
  expect(await rejection(app.drafting.regenerate({ id: first.id, baseVersion: 1 }))).toMatchObject({
    code: 'draft_conflict',
    params: { current: 2 },
  });
});

test('offline, regenerating fills the structure again from the fields', async () => {
  const app = appWithPolicy(path.join(dir, 'no-policy.json'));
  const first = await app.drafting.generate({ typeId: 'qingshi', fields: FIELDS, documentIds: [] });
  const again = await app.drafting.regenerate({ id: first.id, baseVersion: 1 });
  expect(again.versions[1]).toMatchObject({ engine: 'offline', content: { text: first.versions[0]!.content.text } });
});
