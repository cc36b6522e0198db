import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import type { WenshuApp } from '../../electron/app/create-app';
import type { DraftDetail } from '../../shared/domain/draft';
import { appWithPolicy, writePolicy } from '../endpoint/support';
import { startLlmServer, textStream } from '../support/llm-server';
import type { LlmServer } from '../support/llm-server';
import { tempDir } from '../support/temp';
import { BAOGAO, HAN, JIYAO, PIFU, QINGSHI, TONGZHI } from './gongwen-samples';
import type { GongwenSample } from './gongwen-samples';

// The drafting tool end to end for six types: a draft generated on the test endpoint and one made
// offline from the fields, each approved and exported through the review gate as .docx, then read
// back: GB/T 9704 page, margins, line pitch, title and body fonts, page numbers.

const dir = tempDir();
const TYPE_IDS: Record<string, string> = {
  通知: 'tongzhi',
  请示: 'qingshi',
  报告: 'baogao',
  函: 'han',
  批复: 'pifu',
  纪要: 'jiyao',
};
const SAMPLES = [TONGZHI, QINGSHI, BAOGAO, HAN, PIFU, JIYAO];

let server: LlmServer;
let online: WenshuApp;
let offline: WenshuApp;
beforeAll(async () => {
  server = await startLlmServer();
  online = appWithPolicy(writePolicy(server.url, { contextWindow: 32768, maxTokens: 4096 }));
  offline = appWithPolicy(path.join(dir, 'no-policy.json'));
});
afterAll(() => server.close());

/** The sample's fields, with every field the type requires filled (the form would insist). */
function fieldsFor(app: WenshuApp, sample: GongwenSample): { typeId: string; fields: Record<string, string> } {
  const typeId = TYPE_IDS[sample.typeName]!;
  const type = app.drafting.type(typeId);
  const { typeName: _typeName, ...fields } = sample.fields;
  for (const f of type.fields) if (f.required && !fields[f.key]?.trim()) fields[f.key] = `${f.label.zh}示例`;
  if (!fields.subject)
    fields.subject = sample.text
      .split('\n')[0]!
      .replace(/^.*关于/, '')
      .replace(/的[^的]*$/, '');
  if (!fields.points) fields.points = '要点一\n要点二';
  return { typeId, fields };
}

async function exportDocx(app: WenshuApp, draft: DraftDetail): Promise<JSZip> {
  const v = draft.versions.at(-1)!;
  app.review.approve({
    id: draft.id,
    version: v.version,
    contentHash: v.contentHash,
    acknowledged: v.warnings.map((w) => w.id),
  });
  const out = path.join(dir, `${draft.id}.docx`);
  await app.egress.export(draft.id, 'docx', async (_name, bytes) => {
    fs.writeFileSync(out, bytes);
    return out;
  });
  return JSZip.loadAsync(fs.readFileSync(out));
}

/** The paragraph (w:p) whose text contains `needle`, as XML. */
function paragraph(xml: string, needle: string): string {
  const paragraphs = xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? [];
  return paragraphs.find((p) => p.replace(/<[^>]+>/g, '').includes(needle)) ?? '';
}

async function checkLayout(zip: JSZip, title: string, bodyNeedle: string) {
  const xml = await zip.file('word/document.xml')!.async('string');
  expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
  const margins = xml.match(/<w:pgMar [^>]*>/)![0];
  for (const [side, twips] of [
    ['top', 2097],
    ['bottom', 1984],
    ['left', 1587],
    ['right', 1474],
  ] as const) {
    expect(Number(margins.match(new RegExp(`w:${side}="(\\d+)"`))![1])).toBeCloseTo(twips, -1);
  }
  // Title: 2号 (22 pt = sz 44) 小标宋; body: 3号 (sz 32) 仿宋 at an exact ~28.9 pt pitch.
  const titleXml = paragraph(xml, title.slice(-6));
  expect(titleXml).toMatch(/w:sz w:val="44"/);
  expect(titleXml).toMatch(/小标宋/);
  const body = paragraph(xml, bodyNeedle);
  expect(body).toMatch(/w:lineRule="exact"/);
  expect(Number(body.match(/w:line="(\d+)"/)![1])).toBeGreaterThanOrEqual(578);
  expect(Number(body.match(/w:line="(\d+)"/)![1])).toBeLessThanOrEqual(579);
  expect(body).toMatch(/w:sz w:val="32"/);
  expect(body).toMatch(/仿宋/);
  // Page numbers: — n — in 4号 (sz 28), odd pages right, even pages left.
  const footers = await Promise.all(
    Object.keys(zip.files)
      .filter((f) => /^word\/footer\d*\.xml$/.test(f))
      .map((f) => zip.file(f)!.async('string')),
  );
  const numbered = footers.filter((f) => /PAGE/.test(f) && f.includes('—'));
  expect(numbered.map((f) => f.match(/<w:jc w:val="(\w+)"/)?.[1]).sort()).toEqual(['left', 'right']);
  for (const f of numbered) expect(f).toMatch(/w:sz w:val="28"/);
  expect(await zip.file('word/settings.xml')!.async('string')).toMatch(/evenAndOddHeaders/);
}

describe.each(SAMPLES.map((s) => [s.typeName, s] as const))('%s', (_name, sample) => {
  test('generated on the endpoint, approved, exported in the GB/T 9704 layout', async () => {
    const { typeId, fields } = fieldsFor(online, sample);
    server.script(textStream(sample.text, { per: 20 }));
    const draft = await online.drafting.generate({ typeId, fields, documentIds: [] });
    expect(draft.versions[0]).toMatchObject({ engine: 'endpoint' });
    const title = sample.text.split('\n')[0]!;
    await checkLayout(
      await exportDocx(online, draft),
      title,
      sample.text
        .split('\n')
        .find((l) => l.startsWith('\u3000\u3000'))!
        .slice(2, 12),
    );
  });

  test('made offline from the fields, approved, exported in the same layout', async () => {
    const { typeId, fields } = fieldsFor(offline, sample);
    const draft = await offline.drafting.generate({ typeId, fields, documentIds: [] });
    expect(draft.versions[0]).toMatchObject({ engine: 'offline' });
    const text = draft.versions[0]!.content.text;
    const title = draft.title;
    expect(text).toContain(title);
    const bodyLine = text.split('\n').find((l) => l.startsWith('\u3000\u3000') && l.length > 4);
    expect(bodyLine).toBeDefined();
    await checkLayout(await exportDocx(offline, draft), title, bodyLine!.slice(2, 8));
  });
});
