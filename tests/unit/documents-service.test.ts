import { testApp } from '../support/app';

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const file = (name: string, bytes: Uint8Array) => ({ name, load: () => bytes });

describe('DocumentsService', () => {
  const app = testApp();
  const docs = app.documents;
  beforeAll(() => app.settings.update({ maxImportMb: 1 }));

  test('imports, lists and opens a document with its original bytes kept', async () => {
    const bytes = utf8('关于开展安全检查的通知\n各科室：\n请于本周五前完成自查。');
    const [outcome] = await docs.importFiles([file('通知.txt', bytes)]);
    expect(outcome).toMatchObject({ status: 'imported', file: '通知.txt', title: '关于开展安全检查的通知' });
    const id = outcome!.status === 'imported' ? outcome!.id : '';
    const detail = docs.get(id);
    expect(detail).toMatchObject({
      fileName: '通知.txt',
      kind: 'txt',
      encoding: 'utf-8',
      sizeBytes: bytes.length,
      passageCount: 3,
    });
    expect(detail.passages[2]).toMatchObject({ id: `${id}#2`, text: '请于本周五前完成自查。' });
    const stored = app.db.prepare('SELECT bytes FROM originals WHERE sha256 = ?').get(detail.sha256) as {
      bytes: Buffer;
    };
    expect(Buffer.compare(stored.bytes, Buffer.from(bytes))).toBe(0);
    expect(docs.list().map((d) => d.id)).toContain(id);
  });

  test('re-importing the same bytes under another name is a no-op', async () => {
    const bytes = utf8('会议纪要\n议定事项如下。');
    const [first] = await docs.importFiles([file('a.txt', bytes)]);
    const before = docs.list().length;
    const [second] = await docs.importFiles([file('copy of a.txt', bytes)]);
    expect(second).toMatchObject({ status: 'duplicate', id: (first as { id: string }).id });
    expect(docs.list()).toHaveLength(before);
  });

  test('each bad file is rejected with its reason and the others still import', async () => {
    const before = docs.list().length;
    const outcomes = await docs.importFiles([
      file('empty.txt', new Uint8Array()),
      file('blank.txt', utf8(' \n\u3000\n')),
      file('big.txt', utf8('字'.repeat(400_000))),
      file('scan.png', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])),
      file('data.bin', utf8('hello')),
      file('ok.md', utf8('# 标题\n\n正文')),
      file('binary.txt', Uint8Array.from([0x00, 0x01, 0x02, 0x41])),
    ]);
    expect(outcomes.map((o) => (o.status === 'rejected' ? o.reason.code : o.status))).toEqual([
      'empty_file',
      'empty_file',
      'too_large',
      'unsupported_type',
      'unsupported_type',
      'imported',
      'unknown_encoding',
    ]);
    expect(outcomes[3]).toMatchObject({ reason: { params: { file: 'scan.png', type: 'PNG image' } } });
    expect(outcomes[2]).toMatchObject({ reason: { params: { size: 1_200_000, limit: 1024 * 1024 } } });
    expect(docs.list()).toHaveLength(before + 1);
    expect(app.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  test('reports progress per file', async () => {
    const seen: string[] = [];
    await docs.importFiles([file('p1.txt', utf8('一')), file('p2.txt', new Uint8Array())], {
      onProgress: (p) => seen.push(`${p.done}/${p.total} ${p.file} ${p.status}`),
      concurrency: 1,
    });
    expect(seen).toEqual(['1/2 p1.txt imported', '2/2 p2.txt rejected']);
  });

  test('sorts by title and by import time', () => {
    const titles = docs.list('title_asc').map((d) => d.title);
    expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
    const times = docs.list('imported_asc').map((d) => d.importedAt);
    expect(times).toEqual([...times].sort());
  });

  test('resolves unique id prefixes and names the failures', () => {
    const [doc] = docs.list();
    expect(docs.resolveId(doc!.id.slice(0, 8).toUpperCase())).toBe(doc!.id);
    expect(() => docs.resolveId('abc')).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(() => docs.resolveId('zzzzzzzz')).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(() => docs.get('00000000-0000-4000-8000-000000000000')).toThrow(
      expect.objectContaining({ code: 'not_found' }),
    );
  });
});
