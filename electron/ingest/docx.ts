import mammoth from 'mammoth';
import { AppError } from '../../shared/errors';
import { checkArchive } from './docx-archive';
import type { CheckedArchive } from './docx-archive';
import type { Block } from './docx-blocks';
import { htmlToBlocks } from './docx-blocks';
import { isEncryptedOoxml, isOle2 } from './docx-encrypted';
import { furnitureText } from './docx-headers';
import { readPartXml, readWordPackage } from './docx-package';
import type { ParsedDocument } from './parsed';
import { clipTitle, cutRange, fileTitle } from './passages';

/** mammoth warns "Unrecognised paragraph style: 'Title'" and makes it a <p>; a title is a heading. */
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='标题'] => h1:fresh"];
/** Images are not text: give mammoth an empty src so it never reads (or base64-encodes) their bytes. */
const NO_IMAGES = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));
/** dc:title values that name no document: Word and WPS defaults, or a file name Word put there. */
const PLACEHOLDER_TITLE = /^(title|untitled|document\s*\d*|标题|无标题|未命名|文档\s*\d*|microsoft word\b.*)$/i;

async function bodyBlocks(bytes: Uint8Array, file: string): Promise<Block[]> {
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { styleMap: STYLE_MAP, includeEmbeddedStyleMap: false, convertImage: NO_IMAGES },
    );
    html = result.value;
  } catch (err) {
    const detail = err instanceof Error ? err.message.split('\n')[0]! : String(err);
    throw new AppError('parse_failed', `could not read the Word document: ${detail}`, { file, detail });
  }
  return htmlToBlocks(html);
}

/** Each distinct non-empty header (or footer) text once, in part order. */
async function furniture(archive: CheckedArchive, parts: string[], file: string, mark: string): Promise<string[]> {
  const texts = await Promise.all(parts.map(async (part) => furnitureText(await readPartXml(archive, part, file))));
  return [...new Set(texts.filter(Boolean))].map((t) => `${mark}${t}`);
}

/** dc:title when it names something, else the first h1/h2 (Title style included), else the first paragraph. */
function titleOf(coreTitle: string | null, blocks: Block[], fileName: string): string {
  const core = clipTitle(coreTitle ?? '');
  const meaningful = core && !PLACEHOLDER_TITLE.test(core) && /\p{L}/u.test(core) ? core : null;
  const heading = blocks.find((b) => b.tag === 'h1' || b.tag === 'h2');
  const paragraph = blocks.find((b) => b.tag !== 'li' && b.tag !== 'tr' && b.tag !== 'note');
  return meaningful ?? clipTitle(heading?.text ?? paragraph?.text ?? '') ?? fileTitle(fileName);
}

/** Lines joined by '\n'; each line is a paragraph, cut into passages when long. */
function assemble(lines: string[]): Pick<ParsedDocument, 'text' | 'passages'> {
  const text = lines.join('\n');
  const passages: ParsedDocument['passages'] = [];
  let at = 0;
  lines.forEach((line, paragraph) => {
    for (const [start, end] of cutRange([at, at + line.length], text)) {
      passages.push({ seq: passages.length, page: 1, paragraph, start, end, text: text.slice(start, end) });
    }
    at += line.length + 1;
  });
  return { text, passages };
}

/**
 * DOCX, DOTX, DOCM, DOTM: headers first, then the body in reading order (paragraphs, headings,
 * list items, table rows, notes), then footers. One page: there are no pages before layout.
 */
export async function parseDocx(bytes: Uint8Array, fileName: string): Promise<ParsedDocument> {
  // Nothing here can decrypt Office encryption: the user must remove the password in Word.
  if (isEncryptedOoxml(bytes)) {
    throw new AppError('unsupported_type', `${fileName}: encrypted Word document`, {
      file: fileName,
      type: 'encrypted Word document',
    });
  }
  if (isOle2(bytes)) {
    throw new AppError('unsupported_type', `${fileName}: legacy OLE2 file, not a .docx`, {
      file: fileName,
      type: 'OLE2 (legacy .doc)',
    });
  }
  const archive = await checkArchive(bytes, fileName);
  const pkg = await readWordPackage(archive, fileName);
  const [headers, blocks, footers] = await Promise.all([
    furniture(archive, pkg.headerParts, fileName, '【页眉】'),
    bodyBlocks(bytes, fileName),
    furniture(archive, pkg.footerParts, fileName, '【页脚】'),
  ]);
  return {
    kind: 'docx',
    title: titleOf(pkg.coreTitle, blocks, fileName),
    encoding: null,
    pageCount: 1,
    ...assemble([...headers, ...blocks.map((b) => b.text), ...footers]),
    textLayer: true,
  };
}
