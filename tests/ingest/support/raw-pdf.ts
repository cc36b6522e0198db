import zlib from 'node:zlib';

/**
 * A minimal one-page PDF around the given content stream (Helvetica as /F1), Flate-compressed:
 * for inputs no layout tool would produce, such as a page of millions of text operations.
 */
export function rawPdf(content: string | Buffer): Uint8Array {
  const stream = zlib.deflateSync(typeof content === 'string' ? Buffer.from(content, 'latin1') : content, { level: 9 });
  const objects = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
    Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    Buffer.from(
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    ),
    Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'),
    Buffer.concat([
      Buffer.from(`<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`),
      stream,
      Buffer.from('\nendstream'),
    ]),
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n')];
  const offsets: number[] = [];
  let at = parts[0]!.length;
  objects.forEach((body, i) => {
    const obj = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    offsets.push(at);
    parts.push(obj);
    at += obj.length;
  });
  const xref = [
    `xref\n0 ${objects.length + 1}\n`,
    '0000000000 65535 f \n',
    ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`),
  ].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`));
  return new Uint8Array(Buffer.concat(parts));
}

/**
 * `count` text operations drawn at one spot of the page, each a separate text item in the
 * parser's heap (pdfjs drops text outside the page, so the spot stays put).
 */
export function manyItemsContent(count: number): string {
  return `BT /F1 10 Tf\n${'1 0 0 1 50 400 Tm (a) Tj\n'.repeat(count)}ET\n`;
}
