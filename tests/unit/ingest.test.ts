import fs from 'node:fs';
import path from 'node:path';
import { decodeText } from '../../electron/ingest/decode-text';
import { detectKind } from '../../electron/ingest/detect';
import { parseTextDocument } from '../../electron/ingest/text-document';
import { FIXTURES } from '../support/temp';

const SAMPLE = '关于做好2026年度部门预算编制工作的通知\n各单位：\n　　请于3月5日前报送。\n';

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const le = Buffer.from(`\ufeff${text}`, 'utf16le');
  if (!bigEndian) return le;
  const be = Buffer.alloc(le.length);
  for (let i = 0; i < le.length; i += 2) {
    be[i] = le[i + 1]!;
    be[i + 1] = le[i]!;
  }
  return be;
}

describe('decodeText', () => {
  test.each([
    ['utf-8', Buffer.from(SAMPLE, 'utf8')],
    ['utf-8', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE, 'utf8')])],
    ['utf-16le', utf16(SAMPLE, false)],
    ['utf-16be', utf16(SAMPLE, true)],
  ])('reads %s', (encoding, bytes) => {
    expect(decodeText(bytes, 'a.txt')).toEqual({ text: SAMPLE, encoding });
  });

  test('reads GBK/GB18030 bytes that are not UTF-8', () => {
    // "你好，预算" in GBK, written out byte by byte (no encoder involved).
    const gbk = Uint8Array.from([0xc4, 0xe3, 0xba, 0xc3, 0xa3, 0xac, 0xd4, 0xa4, 0xcb, 0xe3]);
    expect(decodeText(gbk, 'a.txt')).toEqual({ text: '你好，预算', encoding: 'gb18030' });
  });

  test('normalises CRLF and CR line ends', () => {
    expect(decodeText(Buffer.from('一\r\n二\r三'), 'a.txt').text).toBe('一\n二\n三');
  });

  test('refuses binary content with a named error', () => {
    const bin = fs.readFileSync(process.execPath).subarray(0, 4096);
    expect(() => decodeText(bin, 'node.txt')).toThrow(
      expect.objectContaining({ code: 'unknown_encoding', params: { file: 'node.txt' } }),
    );
  });
});

describe('detectKind', () => {
  test('text by extension', () => {
    expect(detectKind('a.TXT', Buffer.from('x'))).toEqual({ supported: true, kind: 'txt' });
    expect(detectKind('说明.md', Buffer.from('x'))).toEqual({ supported: true, kind: 'md' });
  });
  test('bytes win over the name', () => {
    expect(detectKind('photo.txt', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d]))).toEqual({
      supported: false,
      what: 'PNG image',
    });
    expect(detectKind('x.txt', fs.readFileSync(process.execPath).subarray(0, 64))).toEqual({
      supported: false,
      what: 'ELF executable',
    });
  });
  test('names unknown extensions', () => {
    expect(detectKind('a.xlsx.bak', Buffer.from('x'))).toEqual({ supported: false, what: '.bak' });
    expect(detectKind('Makefile', Buffer.from('x'))).toEqual({ supported: false, what: 'file without extension' });
  });
});

describe('parseTextDocument', () => {
  test('every passage is the exact slice of the text it points at', () => {
    const doc = parseTextDocument(Buffer.from(SAMPLE), 'n.txt', 'txt');
    expect(doc.title).toBe('关于做好2026年度部门预算编制工作的通知');
    expect(doc.passages.map((p) => p.text)).toEqual([
      '关于做好2026年度部门预算编制工作的通知',
      '各单位：',
      '请于3月5日前报送。',
    ]);
    for (const p of doc.passages) expect(doc.text.slice(p.start, p.end)).toBe(p.text);
    expect(doc.passages.map((p) => [p.seq, p.paragraph, p.page])).toEqual([
      [0, 0, 1],
      [1, 1, 1],
      [2, 2, 1],
    ]);
  });

  test('a salutation or a long first sentence is no title: the file name is used', () => {
    expect(
      parseTextDocument(Buffer.from('各位代表：\u200d\n现在，我代表国务院作报告。'), '2015年政府工作报告.txt', 'txt')
        .title,
    ).toBe('2015年政府工作报告');
    expect(parseTextDocument(Buffer.from(`${'长'.repeat(80)}。\n第二行`), 'memo.txt', 'txt').title).toBe('memo');
  });

  test('markdown: title from the first heading, paragraphs are blank-line blocks', () => {
    const md = 'intro line\n\n# 工作方案\n\nfirst line\nsame paragraph\n\n\nlast';
    const doc = parseTextDocument(Buffer.from(md), 'plan.md', 'md');
    expect(doc.title).toBe('工作方案');
    expect(doc.passages.map((p) => p.text)).toEqual(['intro line', '# 工作方案', 'first line\nsame paragraph', 'last']);
  });

  test('a very long paragraph is cut at sentence ends into readable passages', () => {
    const sentence = '各地区各部门要认真贯彻落实党中央、国务院决策部署，切实做好预算编制工作。';
    const text = sentence.repeat(200);
    const doc = parseTextDocument(Buffer.from(text), 'long.txt', 'txt');
    expect(doc.passages.length).toBeGreaterThan(5);
    for (const p of doc.passages) {
      expect(p.end - p.start).toBeLessThanOrEqual(1200);
      expect(p.paragraph).toBe(0);
      expect(p.text.endsWith('。')).toBe(true);
    }
    expect(doc.passages.map((p) => p.text).join('')).toBe(text);
  });

  test.each(fs.readdirSync(path.join(FIXTURES, 'gongwen')))('real 公文 text %s keeps every character', (name) => {
    const bytes = fs.readFileSync(path.join(FIXTURES, 'gongwen', name));
    const doc = parseTextDocument(bytes, name, 'txt');
    const squeeze = (s: string) => s.replace(/\s+/g, '');
    expect(squeeze(doc.passages.map((p) => p.text).join(''))).toBe(squeeze(bytes.toString('utf8')));
    for (const p of doc.passages) expect(doc.text.slice(p.start, p.end)).toBe(p.text);
  });
});
