import { AppError } from '../../shared/errors';
import type { CheckedArchive } from './docx-archive';
import type { Element } from '@xmldom/xmldom';
import { descendants, parseXml } from './docx-xml';

/**
 * The OPC layer of a Word file: which part is the document, which parts are its headers and
 * footers, and the title in the core properties. Relationship types are matched by their last
 * segment because Strict OOXML uses other URIs for the same types.
 */

/** Main part content types of .docx, .dotx, .docm and .dotm (Strict uses the same ones). */
const WORD_MAIN_TYPES = new Set([
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml',
  'application/vnd.ms-word.document.macroEnabled.main+xml',
  'application/vnd.ms-word.template.macroEnabledTemplate.main+xml',
]);

const DC_NS = 'http://purl.org/dc/elements/1.1/';

export interface WordPackage {
  /** In part-name order (header1, header2, … header10). */
  headerParts: string[];
  footerParts: string[];
  /** dc:title as written, or null. */
  coreTitle: string | null;
}

interface Relationship {
  type: string;
  target: string;
}

const dirOf = (part: string) => part.slice(0, part.lastIndexOf('/') + 1);
const typeIs = (rel: Relationship, last: string) => rel.type.endsWith(`/${last}`);
const byPartName = new Intl.Collator('en', { numeric: true }).compare;

/** A relationship target as a ZIP entry name: absolute targets drop the '/', relative ones resolve against the source's folder. */
function resolveTarget(sourcePart: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : dirOf(sourcePart) + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

/** A part's root element; malformed XML is a damaged file. */
export async function readPartXml(archive: CheckedArchive, part: string, file: string): Promise<Element> {
  const text = await archive.readText(part);
  try {
    return parseXml(text);
  } catch (err) {
    const detail = `malformed XML in ${part}: ${(err instanceof Error ? err.message : String(err)).split('\n')[0]}`;
    throw new AppError('corrupt_file', `damaged Word package: ${detail}`, { file, detail });
  }
}

class PackageReader {
  constructor(
    private readonly archive: CheckedArchive,
    private readonly file: string,
  ) {}

  private xml(part: string): Promise<Element> {
    return readPartXml(this.archive, part, this.file);
  }

  /** Internal relationships of a part ('' for the package itself). */
  private async relationships(sourcePart: string): Promise<Relationship[]> {
    const slash = sourcePart.lastIndexOf('/') + 1;
    const relsPart = `${sourcePart.slice(0, slash)}_rels/${sourcePart.slice(slash)}.rels`;
    if (!this.archive.has(relsPart)) return [];
    return descendants(await this.xml(relsPart), 'Relationship')
      .filter((r) => r.getAttribute('TargetMode') !== 'External')
      .map((r) => ({
        type: r.getAttribute('Type') ?? '',
        target: resolveTarget(sourcePart, r.getAttribute('Target') ?? ''),
      }));
  }

  private notWord(detail: string): AppError {
    return new AppError('corrupt_file', `not a Word document: ${detail}`, {
      file: this.file,
      detail: `not a Word document (${detail})`,
    });
  }

  /** The main document part, found as mammoth finds it, and refused when the package says it is something else (an .xlsx renamed). */
  private async mainPart(packageRels: Relationship[]): Promise<string> {
    const main = packageRels.find((r) => typeIs(r, 'officeDocument'))?.target ?? 'word/document.xml';
    if (!this.archive.has(main)) throw this.notWord(`no ${main}`);
    if (this.archive.has('[Content_Types].xml')) {
      const override = descendants(await this.xml('[Content_Types].xml'), 'Override').find(
        (o) => (o.getAttribute('PartName') ?? '').toLowerCase() === `/${main}`.toLowerCase(),
      );
      const type = override?.getAttribute('ContentType');
      if (type && !WORD_MAIN_TYPES.has(type)) throw this.notWord(type);
    }
    return main;
  }

  /** Metadata only: an unreadable core part leaves the title to the body. */
  private async coreTitle(packageRels: Relationship[]): Promise<string | null> {
    const core = packageRels.find((r) => typeIs(r, 'core-properties'))?.target ?? 'docProps/core.xml';
    if (!this.archive.has(core)) return null;
    try {
      const root = await this.xml(core);
      return root.getElementsByTagNameNS(DC_NS, 'title')[0]?.textContent ?? null;
    } catch {
      return null;
    }
  }

  async read(): Promise<WordPackage> {
    const packageRels = await this.relationships('');
    const mainPart = await this.mainPart(packageRels);
    const mainRels = await this.relationships(mainPart);
    const parts = (type: string) =>
      [...new Set(mainRels.filter((r) => typeIs(r, type)).map((r) => r.target))]
        .filter((p) => this.archive.has(p))
        .sort(byPartName);
    return {
      headerParts: parts('header'),
      footerParts: parts('footer'),
      coreTitle: await this.coreTitle(packageRels),
    };
  }
}

export function readWordPackage(archive: CheckedArchive, file: string): Promise<WordPackage> {
  return new PackageReader(archive, file).read();
}
