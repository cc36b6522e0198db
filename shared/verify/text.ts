/** Character helpers shared by the verifier's checks. */

/**
 * Full-width ASCII (！…～, ￥) to half-width and the ideographic space to a space, one character
 * for one, so offsets into the folded text are offsets into the original.
 */
export function foldWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e\u3000\uffe5]/g, (ch) => {
    if (ch === '\u3000') return ' ';
    if (ch === '\uffe5') return '¥';
    return String.fromCharCode(ch.charCodeAt(0) - 0xfee0);
  });
}

/** A CJK ideograph in the BMP (unified, extension A, compatibility). */
export function isHanCode(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff);
}

export const isHan = (ch: string | undefined): boolean => ch !== undefined && isHanCode(ch.charCodeAt(0));

/**
 * What each UTF-16 unit becomes in the compact form: 0 when dropped — white space (PDF extraction
 * inserts it) and quotation marks (nesting differs) — else itself folded to half width and lower case.
 */
const COMPACT = new Uint16Array(0x10000).map((_, code) => {
  if (code >= 0xff01 && code <= 0xff5e) code -= 0xfee0;
  const dropped =
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x3000 ||
    code === 0xfeff ||
    (code >= 0x2000 && code <= 0x200b) ||
    code === 34 ||
    code === 39 ||
    (code >= 0x2018 && code <= 0x201d) ||
    (code >= 0x300c && code <= 0x300f);
  if (dropped) return 0;
  return code >= 65 && code <= 90 ? code + 32 : code;
});

const utf16 = new TextDecoder('utf-16le');

/** The form compared for verbatim checks: folded width, no white space or quotation marks, lower case. */
export function compact(text: string): string {
  return compactWithOrigins(text).text;
}

/** The compact form and, for each of its characters, where it stands in the original text. */
export function compactWithOrigins(text: string): { text: string; origins: Int32Array } {
  const codes = new Uint16Array(text.length);
  const origins = new Int32Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = COMPACT[text.charCodeAt(i)]!;
    if (code === 0) continue;
    codes[n] = code;
    origins[n++] = i;
  }
  return { text: utf16.decode(codes.subarray(0, n)), origins: origins.subarray(0, n) };
}

const SENTENCE_STOP = /[。！？!?\n]/;
const TOKEN = /\p{Script=Han}|[a-z]{3,}/gu;

/** The words right before and after a span, within its sentence: where it stands, for alignment. */
export interface Neighbourhood {
  before: string[];
  after: string[];
}

export function neighbourhood(text: string, start: number, end: number): Neighbourhood {
  const left =
    text
      .slice(Math.max(0, start - 40), start)
      .split(SENTENCE_STOP)
      .pop() ?? '';
  const right = text.slice(end, end + 24).split(SENTENCE_STOP)[0] ?? '';
  return {
    before: (left.toLowerCase().match(TOKEN) ?? []).slice(-6),
    after: (right.toLowerCase().match(TOKEN) ?? []).slice(0, 4),
  };
}

/** Han bigrams and Latin words of `a` found in `b`. */
function shared(a: string[], b: string[]): number {
  const pairs = new Set(b.map((t, i) => (t.length === 1 ? t + (b[i + 1] ?? '') : t)));
  let n = 0;
  a.forEach((t, i) => {
    const key = t.length === 1 ? t + (a[i + 1] ?? '') : t;
    if (key.length > 1 && pairs.has(key)) n++;
  });
  return n;
}

/** How alike two neighbourhoods are: words in common on each side. */
export function similarity(a: Neighbourhood, b: Neighbourhood): number {
  return shared(a.before, b.before) + shared(a.after, b.after);
}
