import fs from 'node:fs';
import path from 'node:path';
import { testApp } from '../support/app';
import { FIXTURES, ROOT } from '../support/temp';

/**
 * Every real PDF and DOCX fixture through the whole import path (worker pool, service, store):
 * imported with its text, or rejected with its specific reason. Passwords come from the names.
 */
const app = testApp({ ingest: { workerFile: path.join(ROOT, 'out', 'node', 'ingest-worker.cjs') } });

const PASSWORDS: Record<string, string> = {
  'pdfjs__issue3371_encrypted_pw-ELXRTQWS.pdf': 'ELXRTQWS',
  'pdfjs__issue6010_1_encrypted_pw-abc.pdf': 'abc',
  'pdfjs__issue21579_encrypted_unicode-pw.pdf': 'pässwört',
};

/** What each file must give: a text fragment it contains, or the code it is rejected with. */
const EXPECTED: Record<string, { text: string; textLayer?: false } | { code: string }> = {
  'pdf/pdfjs__XiaoBiaoSong.pdf': { text: '关于红军作战的原则' },
  'pdf/pdfjs__issue3521.pdf': { text: '我们都是黑体字' },
  'pdf/pdfjs__helloworld-bad.pdf': { text: 'Hello, world!' },
  'pdf/pdfjs__xref_command_missing.pdf': { text: 'Reduced test-case' },
  'pdf/pdfjs__issue7665_encrypted_empty-userpw.pdf': { text: 'Issue 7665' },
  'pdf/pdfjs__issue6010_1_encrypted_pw-abc.pdf': { text: 'Issue 6010' },
  'pdf/pdfjs__issue21579_encrypted_unicode-pw.pdf': { text: 'If you can read this, decryption succeeded.' },
  'pdf/pdfjs__issue3371_encrypted_pw-ELXRTQWS.pdf': { text: '', textLayer: false },
  'pdf/pdflib__missing_xref_trailer_dict.pdf': { code: 'corrupt_file' },
  'docx/mammoth__tables.docx': { text: 'Top left | Top right' },
  'docx/mammoth__simple-list.docx': { text: '• Apple' },
  'docx/mammoth__footnotes.docx': { text: '[注1] A tachyon walks into a bar.' },
  'docx/mammoth__strict-format.docx': { text: 'Test' },
  'docx/pydocx__hdr-header-footer.docx': { text: '【页眉】' },
  'docx/pydocx__tbl-cell-access.docx': { text: '1 | 2 | 3' },
  'docx/poitl__payment.docx': { text: '{{consignee}}' },
  'docx/poitl__resume.docx': { text: '{{name}}' },
  'docx/poitl__OKR.docx': { text: '{{user.name}}' },
  'docx/poitl__config_chinese.docx': { text: '{{作者姓名}}' },
  'docx/GongWen-Tamplate-Lite__template.dotx': { text: '出师表' },
};

test('every fixture is listed here', () => {
  const onDisk = ['pdf', 'docx'].flatMap((d) => fs.readdirSync(path.join(FIXTURES, d)).map((f) => `${d}/${f}`));
  expect(Object.keys(EXPECTED).sort()).toEqual(onDisk.sort());
});

test.each(Object.entries(EXPECTED))('%s', async (file, expected) => {
  const name = path.basename(file);
  const bytes = fs.readFileSync(path.join(FIXTURES, file));
  const [outcome] = await app.documents.importFiles([{ name, load: () => bytes, password: PASSWORDS[name] }]);
  if ('code' in expected) {
    expect(outcome).toMatchObject({ status: 'rejected', reason: { code: expected.code, params: { file: name } } });
    return;
  }
  expect(outcome).toMatchObject({ status: 'imported' });
  const doc = app.documents.get((outcome as { id: string }).id);
  expect(doc.textLayer).toBe(expected.textLayer ?? true);
  expect(doc.passages.map((p) => p.text).join('\n')).toContain(expected.text);
});

test('an encrypted PDF without its password, or with a wrong one, is rejected with that reason', async () => {
  const name = 'pdfjs__issue6010_1_encrypted_pw-abc.pdf';
  const bytes = fs.readFileSync(path.join(FIXTURES, 'pdf', name));
  // Trailing bytes after %%EOF make new files (the one above is stored already) that read the same.
  const variant = (n: number) => Buffer.concat([bytes, Buffer.from('\n'.repeat(n))]);
  const [none, wrong] = await app.documents.importFiles([
    { name, load: () => variant(1) },
    { name, load: () => variant(2), password: 'nope' },
  ]);
  expect(none).toMatchObject({ status: 'rejected', reason: { code: 'password_required', params: { file: name } } });
  expect(wrong).toMatchObject({ status: 'rejected', reason: { code: 'wrong_password', params: { file: name } } });
});
