import type JSZip from 'jszip';

/** A font as word/fontTable.xml declares it: the name the runs use and what to substitute. */
export interface FontEntry {
  name: string;
  /** The Windows name Word and WPS fall back to (FangSong, SimSun, SimHei, KaiTi). */
  alt: string;
  panose: string;
  family: string;
  pitch: string;
}

const xmlAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * Declares the fonts in word/fontTable.xml, which the docx package leaves empty: with the GB 2312
 * charset and an altName, a machine without 仿宋 substitutes a Chinese font instead of a Latin one.
 */
export async function declareFonts(zip: JSZip, table: readonly FontEntry[]): Promise<void> {
  const part = zip.file('word/fontTable.xml');
  if (!part) return;
  const xml = await part.async('string');
  const entries = table
    .map(
      (f) =>
        `<w:font w:name="${xmlAttr(f.name)}"><w:altName w:val="${xmlAttr(f.alt)}"/><w:panose1 w:val="${f.panose}"/>` +
        `<w:charset w:val="86"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`,
    )
    .join('');
  const patched = /<w:fonts\b[^>]*\/>/.test(xml)
    ? xml.replace(/(<w:fonts\b[^>]*?)\s*\/>/, `$1>${entries}</w:fonts>`)
    : xml.replace(/(<w:fonts\b[^>]*>)/, `$1${entries}`);
  zip.file('word/fontTable.xml', patched);
}
