/** Long paragraphs are cut near this size so a citation points at a readable span. */
const MAX_PASSAGE = 1200;
const TITLE_MAX = 120;

const STOPS = ['。', '！', '？', '. ', '! ', '? ', '；'];

/** Cuts a long [start, end) range of `text` after a sentence end (。！？.!?；) or, failing that, at the size limit. */
export function cutRange([start, end]: [number, number], text: string): [number, number][] {
  const out: [number, number][] = [];
  while (end - start > MAX_PASSAGE) {
    const window = text.slice(start, start + MAX_PASSAGE);
    const lastStop = Math.max(...STOPS.map((s) => window.lastIndexOf(s)));
    const at = lastStop > MAX_PASSAGE / 2 ? start + lastStop + 1 : start + MAX_PASSAGE;
    out.push([start, at]);
    start = at;
    while (start < end && /\s/.test(text[start]!)) start++;
  }
  if (end > start) out.push([start, end]);
  return out;
}

/** One line of white space, at most TITLE_MAX characters; null when nothing is left. */
export function clipTitle(raw: string): string | null {
  const title = raw.replace(/\s+/g, ' ').trim();
  if (!title) return null;
  return title.length > TITLE_MAX ? `${title.slice(0, TITLE_MAX)}…` : title;
}

/** A salutation (各位代表：) or a long opening sentence is no title: the file name says more. */
export function couldBeTitle(line: string): boolean {
  return line.length <= 60 && !/[:：]$/.test(line);
}

/** The file name without its extension, for documents that name nothing better. */
export function fileTitle(fileName: string): string {
  return fileName.replace(/\.[^.]+$/, '') || fileName;
}
