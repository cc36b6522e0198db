import { testApp } from '../support/app';

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

describe('DocumentsService', () => {
  const app = testApp({ maxImportBytes: 1000 });
  const docs = app.documents;

  test('imports, lists and opens a document with its original bytes kept', () => {
    const bytes = utf8('关于开展安全检查的通知\n各科室：\n请于本周五前完成自查。');
    const [outcome] = docs.importFiles([{ name: '通知.txt', bytes }]);
    expect(outcome).toMatchObject({ status: 'imported', file: '通知.txt', title: '关于开展安全检查的通知' });
    const id = outcome!.status === 'imported' ? outcome!.id : '';
    const detail = docs.get(id);
    expect(detail).toMatchObject({ fileName: '通知.txt', kind: 'txt', encoding: 'utf-8', sizeBytes: bytes.length, passageCount: 3 });
    expect(detail.passages[2]).toMatchObject({ id: `${id}#2`, text: '请于本周五前完成自查。' });
    const stored = app.db.prepare('SELECT bytes FROM originals WHERE sha256 = ?').get(detail.sha256) as { bytes: Buffer };
    expect(Buffer.compare(stored.bytes, Buffer.from(bytes))).toBe(0);
    expect(docs.list().map((d) => d.id)).toContain(id);
  });

  test('re-importing the same bytes under another name is a no-op', () => {
    const bytes = utf8('会议纪要\n议定事项如下。');
    const [first] = docs.importFiles([{ name: 'a.txt', bytes }]);
    const before = docs.list().length;
    const [second] = docs.importFiles([{ name: 'copy of a.txt', bytes }]);
    expect(second).toMatchObject({ status: 'duplicate', id: (first as { id: string }).id });
    expect(docs.list()).toHaveLength(before);
  });

  test('each bad file is rejected with its reason and the others still import', () => {
    const before = docs.list().length;
    const outcomes = docs.importFiles([
      { name: 'empty.txt', bytes: new Uint8Array() },
      { name: 'blank.txt', bytes: utf8(' \n\u3000\n') },
      { name: 'big.txt', bytes: utf8('字'.repeat(400)) },
      { name: 'scan.png', bytes: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]) },
      { name: 'data.bin', bytes: utf8('hello') },
      { name: 'ok.md', bytes: utf8('# 标题\n\n正文') },
      { name: 'binary.txt', bytes: Uint8Array.from([0x00, 0x01, 0x02, 0x41]) },
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
    expect(outcomes[2]).toMatchObject({ reason: { params: { size: 1200, limit: 1000 } } });
    expect(docs.list()).toHaveLength(before + 1);
    expect(app.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  test('reports progress per file', () => {
    const seen: string[] = [];
    docs.importFiles(
      [
        { name: 'p1.txt', bytes: utf8('一') },
        { name: 'p2.txt', bytes: new Uint8Array() },
      ],
      (p) => seen.push(`${p.done}/${p.total} ${p.file}`),
    );
    expect(seen).toEqual(['1/2 p1.txt', '2/2 p2.txt']);
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
    expect(() => docs.get('00000000-0000-4000-8000-000000000000')).toThrow(expect.objectContaining({ code: 'not_found' }));
  });
});
