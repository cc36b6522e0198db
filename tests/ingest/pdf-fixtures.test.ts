import fs from 'node:fs';
import path from 'node:path';
import type { ParsedDocument } from '../../electron/ingest/parsed';
import { parsePdf } from '../../electron/ingest/pdf';
import type { ErrorCode } from '../../shared/errors';
import { rejection } from '../support/rejection';
import { FIXTURES } from '../support/temp';

// Every real PDF in the shared fixtures (see PROVENANCE.md there): what it must yield, or the
// code it is refused with.
const DIR = path.join(FIXTURES, 'pdf');
const read = (name: string) => new Uint8Array(fs.readFileSync(path.join(DIR, name)));

function expectOffsets(doc: ParsedDocument) {
  doc.passages.forEach((p, seq) => {
    expect(p.seq).toBe(seq);
    expect(doc.text.slice(p.start, p.end)).toBe(p.text);
  });
}

interface Opens {
  password?: string;
  title: string;
  fragments: string[];
  textLayer?: boolean;
}

const OPENS: Record<string, Opens> = {
  // A GBK-encoded font without ToUnicode: pdfjs decodes it (pdftotext gives mojibake). A table of contents.
  'pdfjs__XiaoBiaoSong.pdf': {
    title: '目 录',
    fragments: [
      '关于红军作战的原则 ⋯',
      '（一九三七年八月一日）',
      '对国防问题的意见',
      '关于在山西开展游击战争的意见',
      '（一九三七年九月二十三日）',
    ],
  },
  // Needs the packaged CMaps (GBKp-EUC-H).
  'pdfjs__issue3521.pdf': { title: '我们都是黑体字', fragments: ['我们都是黑体字'] },
  'pdfjs__helloworld-bad.pdf': { title: 'Hello, world!', fragments: ['Hello, world!'] },
  'pdfjs__xref_command_missing.pdf': { title: 'Reduced test-case', fragments: ['Reduced test-case'] },
  'pdfjs__issue7665_encrypted_empty-userpw.pdf': { title: 'Issue 7665', fragments: ['Issue 7665'] },
  'pdfjs__issue6010_1_encrypted_pw-abc.pdf': { password: 'abc', title: 'Issue 6010', fragments: ['Issue 6010'] },
  'pdfjs__issue21579_encrypted_unicode-pw.pdf': {
    password: 'pässwört',
    // Two lines of one size, read as one long paragraph: no title, so the file name.
    title: 'pdfjs__issue21579_encrypted_unicode-pw',
    fragments: ['repro1a: AES-256 R5, password ’passwoert’ with umlauts If you can read this, decryption succeeded.'],
  },
  // A JBIG2 scan: it opens, but has no text layer.
  'pdfjs__issue3371_encrypted_pw-ELXRTQWS.pdf': {
    password: 'ELXRTQWS',
    title: 'pdfjs__issue3371_encrypted_pw-ELXRTQWS',
    fragments: [],
    textLayer: false,
  },
};

const REFUSED: Record<string, { code: ErrorCode; detail: string }> = {
  'pdflib__missing_xref_trailer_dict.pdf': { code: 'corrupt_file', detail: 'Invalid PDF structure.' },
};

const ENCRYPTED = Object.entries(OPENS).filter(([, o]) => o.password);

jest.setTimeout(30_000);

it('covers every PDF in the fixtures folder', () => {
  const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.pdf'));
  expect(files.sort()).toEqual([...Object.keys(OPENS), ...Object.keys(REFUSED)].sort());
});

describe.each(Object.entries(OPENS))('%s', (name, expected) => {
  it('imports with its text, title and consistent passages', async () => {
    const doc = await parsePdf(read(name), name, { password: expected.password });
    expect(doc).toMatchObject({
      kind: 'pdf',
      encoding: null,
      pageCount: 1,
      title: expected.title,
      textLayer: expected.textLayer ?? true,
    });
    for (const fragment of expected.fragments) expect(doc.text).toContain(fragment);
    if (doc.textLayer) expect(doc.passages.length).toBeGreaterThan(0);
    else expect(doc.passages).toEqual([]);
    expect(doc.passages.every((p) => p.page === 1)).toBe(true);
    expectOffsets(doc);
  });
});

describe.each(ENCRYPTED)('%s without or with a wrong password', (name) => {
  it('asks for a password', async () => {
    const err = await rejection(parsePdf(read(name), name));
    expect(err.code).toBe('password_required');
    expect(err.params).toEqual({ file: name });
  });

  it('says a wrong password is wrong', async () => {
    expect((await rejection(parsePdf(read(name), name, { password: 'not-this-one' }))).code).toBe('wrong_password');
  });
});

it('treats an empty password as none', async () => {
  const name = 'pdfjs__issue6010_1_encrypted_pw-abc.pdf';
  expect((await rejection(parsePdf(read(name), name, { password: '' }))).code).toBe('password_required');
});

it('accepts the unicode password however it was composed (NFD input)', async () => {
  const name = 'pdfjs__issue21579_encrypted_unicode-pw.pdf';
  const doc = await parsePdf(read(name), name, { password: 'pässwört'.normalize('NFD') });
  expect(doc.text).toContain('decryption succeeded');
});

describe.each(Object.entries(REFUSED))('%s', (name, expected) => {
  it(`is refused as ${expected.code} with a short detail`, async () => {
    const err = await rejection(parsePdf(read(name), name));
    expect(err.code).toBe(expected.code);
    expect(err.params).toEqual({ file: name, detail: expected.detail });
  });
});

it('refuses bytes that are no PDF at all as corrupt_file', async () => {
  const err = await rejection(parsePdf(new TextEncoder().encode('%PDF-1.7\nthis is not a PDF body'), 'fake.pdf'));
  expect(err.code).toBe('corrupt_file');
});

it('leaves the caller’s bytes intact (pdfjs takes ownership of what it is given)', async () => {
  const bytes = read('pdfjs__issue3521.pdf');
  const copy = bytes.slice();
  await parsePdf(bytes, 'a.pdf');
  await parsePdf(bytes, 'a.pdf');
  expect(bytes).toEqual(copy);
});
