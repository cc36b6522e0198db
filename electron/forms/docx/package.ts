import { XMLSerializer } from '@xmldom/xmldom';
import type { Element } from '@xmldom/xmldom';
import JSZip from 'jszip';
import { AppError } from '../../../shared/errors';
import { checkArchive } from '../../ingest/docx-archive';
import type { CheckedArchive } from '../../ingest/docx-archive';
import { readPartXml, readWordPackage } from '../../ingest/docx-package';
import { descendants } from '../../ingest/docx-xml';
import { attr, child } from './xml';

/**
 * Opens a Word package for the form engine: the archive is vetted as for ingest (zip bombs,
 * DTDs), then the parts that can hold fields (the main document, headers, footers) are parsed.
 * Saving rewrites only the parts that changed; every other entry keeps its bytes.
 */

export interface DocxPart {
  name: string;
  root: Element;
}

export interface DocxPackage {
  /** The main document first, then headers and footers in part-name order. */
  parts: DocxPart[];
  /** Style ids of Word's "Placeholder Text" style (grey text a content control shows when empty). */
  placeholderStyleIds(): Promise<Set<string>>;
}

// Encrypted .docx files (and legacy .doc) are OLE compound files, not ZIPs.
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

const unreadable = (file: string, detail: string) =>
  new AppError('form_unreadable', `cannot read the form: ${detail}`, { file, detail });

/** `corrupt_file` from the ingest layer becomes `form_unreadable`; `unsafe_file` stays what it is. */
async function guard<T>(file: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof AppError && err.code === 'corrupt_file') {
      throw unreadable(file, String(err.params?.detail ?? err.message));
    }
    throw err;
  }
}

/** Target of a relationship of `type` (last URI segment) in a .rels part, resolved from `baseDir`. */
async function relTarget(archive: CheckedArchive, relsPart: string, type: string, baseDir: string, file: string) {
  if (!archive.has(relsPart)) return null;
  const rel = descendants(await readPartXml(archive, relsPart, file), 'Relationship').find(
    (r) => (r.getAttribute('Type') ?? '').endsWith(`/${type}`) && r.getAttribute('TargetMode') !== 'External',
  );
  const target = rel?.getAttribute('Target');
  if (!target) return null;
  const out: string[] = [];
  for (const seg of (target.startsWith('/') ? target.slice(1) : baseDir + target).split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

export async function openDocx(bytes: Uint8Array, file: string): Promise<DocxPackage> {
  if (OLE_MAGIC.every((b, i) => bytes[i] === b)) {
    throw unreadable(file, 'an encrypted Word file or a legacy .doc (OLE compound file), not a .docx');
  }
  return guard(file, async () => {
    const archive = await checkArchive(bytes, file);
    const word = await readWordPackage(archive, file);
    const main = (await relTarget(archive, '_rels/.rels', 'officeDocument', '', file)) ?? 'word/document.xml';
    const mainDir = main.slice(0, main.lastIndexOf('/') + 1);
    const mainRels = `${mainDir}_rels/${main.slice(mainDir.length)}.rels`;
    const names = [main, ...word.headerParts, ...word.footerParts];
    const parts = await Promise.all(
      names.map(async (name) => ({ name, root: await readPartXml(archive, name, file) })),
    );

    const placeholderStyleIds = async () => {
      const styles = (await relTarget(archive, mainRels, 'styles', mainDir, file)) ?? `${mainDir}styles.xml`;
      if (!archive.has(styles)) return new Set<string>();
      const ids = descendants(await readPartXml(archive, styles, file), 'style')
        .filter((s) => attr(child(s, 'name'), 'val')?.toLowerCase() === 'placeholder text')
        .map((s) => attr(s, 'styleId'))
        .filter((id): id is string => id !== null);
      return new Set(ids);
    };
    return { parts, placeholderStyleIds };
  });
}

/** The package with the changed parts re-serialized; untouched entries are copied as they were. */
export async function saveDocx(bytes: Uint8Array, changed: DocxPart[]): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const serializer = new XMLSerializer();
  for (const part of changed) {
    // No folder entries: the original package may have none, and nothing else should change.
    zip.file(part.name, serializer.serializeToString(part.root.ownerDocument!), { createFolders: false });
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
