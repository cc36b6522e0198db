/**
 * Which passages say what a sentence says: an inverted index of Han character bigrams and Latin
 * words over the source passages, with the document frequency of each Han character too. Bigrams
 * and words find the passages; coverage.ts measures how much of a sentence they cover. White
 * space between Han characters (PDF extraction inserts it) does not break a bigram.
 */
import { Postings } from './postings';
import { foldWidth, isHanCode } from './text';

/** A content unit of a sentence at [start, end) of its text: a Han character, a Han bigram or a word. */
export interface Unit {
  kind: 'char' | 'pair' | 'word';
  key: number;
  start: number;
  end: number;
}

// Keys: a character is its code point; a bigram is id·65536 + id over dense character ids; a word
// is 2³³ + its id; a unit no passage has is ≥ 2⁴⁰.
const WORD_BASE = 2 ** 33;
const UNKNOWN = 2 ** 40;
const WORD =
  /[A-Za-zＡ-Ｚａ-ｚ][A-Za-z0-9Ａ-Ｚａ-ｚ０-９'’]*|[0-9０-９]+[A-Za-zＡ-Ｚａ-ｚ][A-Za-z0-9Ａ-Ｚａ-ｚ０-９]*/y;

const STOPWORDS = new Set(
  `a an the and or but if of to in on at by for with from as is are was were be been being it its this that these those
  there their they them he she his her we our you your i not no nor so than then too very can could will would shall
  should may might must do does did has have had having also such into over under about after before between during
  which who whom whose what when where why how all any both each few more most other some same own only just up down out
  per via says said states stated notes noted according document report notice`.split(/\s+/),
);

/** Plural and possessive endings, so "policies" meets "policy" and "China's" meets "China". */
export function stem(word: string): string {
  const w = word.replace(/['’]s?$/, '');
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

const isBlank = (code: number) => code === 32 || code === 9 || code === 10 || code === 13 || code === 0x3000;
const isWordStart = (code: number) =>
  (code >= 48 && code <= 57) ||
  (code >= 65 && code <= 90) ||
  (code >= 97 && code <= 122) ||
  (code >= 0xff10 && code <= 0xff19) ||
  (code >= 0xff21 && code <= 0xff3a) ||
  (code >= 0xff41 && code <= 0xff5a);

/** The content word at `at` (lower case, stemmed; '' for a stopword or a bare figure) and its end. */
function wordAt(text: string, at: number): { word: string; end: number } {
  WORD.lastIndex = at;
  const m = WORD.exec(text);
  if (!m) {
    let end = at + 1;
    while (end < text.length && /[0-9０-９.,]/.test(text[end]!)) end++;
    return { word: '', end };
  }
  const word = stem(foldWidth(m[0]).toLowerCase());
  return { word: word.length > 1 && !STOPWORDS.has(word) ? word : '', end: at + m[0].length };
}

export class NgramIndex {
  readonly size: number;
  private readonly texts: readonly string[];
  private readonly charIds = new Int32Array(0x10000).fill(-1);
  private readonly charDf: number[] = [];
  private readonly postings = new Postings();
  private readonly words = new Map<string, number>();
  private readonly scores: Float64Array;

  constructor(texts: readonly string[]) {
    this.size = texts.length;
    this.texts = texts;
    this.scores = new Float64Array(texts.length);
    const lastSeen: number[] = [];
    const post = (key: number, p: number) => this.postings.add(key, p);
    texts.forEach((text, p) => {
      let prev = -1; // id of the last Han character still open for a bigram
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (isHanCode(code)) {
          let id = this.charIds[code]!;
          if (id < 0) {
            id = this.charIds[code] = this.charDf.length;
            this.charDf.push(0);
            lastSeen.push(-1);
          }
          if (lastSeen[id] !== p) {
            lastSeen[id] = p;
            this.charDf[id]!++;
          }
          if (prev >= 0) post(prev * 0x10000 + id, p);
          prev = id;
        } else if (!isBlank(code)) {
          prev = -1;
          if (isWordStart(code)) {
            const { word, end } = wordAt(text, i);
            if (word) post(this.wordKey(word, true), p);
            i = end - 1;
          }
        }
      }
    });
    this.postings.seal();
  }

  /** The content units of a sentence; positions where `masked` is set are skipped and break bigrams. */
  units(text: string, masked: Uint8Array): Unit[] {
    const out: Unit[] = [];
    let unknown = UNKNOWN;
    let prev = -1; // position of the last Han character still open for a bigram
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (masked[i]) {
        prev = -1;
      } else if (isHanCode(code)) {
        out.push({ kind: 'char', key: code, start: i, end: i + 1 });
        if (prev >= 0) {
          const a = this.charIds[text.charCodeAt(prev)]!;
          const b = this.charIds[code]!;
          out.push({ kind: 'pair', key: a >= 0 && b >= 0 ? a * 0x10000 + b : unknown++, start: prev, end: i + 1 });
        }
        prev = i;
      } else if (!isBlank(code)) {
        prev = -1;
        if (isWordStart(code)) {
          const { word, end } = wordAt(text, i);
          if (word && !masked.subarray(i, end).some(Boolean)) {
            const key = this.wordKey(word, false);
            out.push({ kind: 'word', key: key ?? unknown++, start: i, end });
          }
          i = end - 1;
        }
      }
    }
    return out;
  }

  /** Inverse document frequency of a unit: one no passage has weighs most. */
  weight(key: number): number {
    let df = 0;
    if (key >= 0 && key < 0x10000) df = this.charDf[this.charIds[key]!] ?? 0;
    else if (key < UNKNOWN) df = this.postings.get(key).length;
    return Math.log(1 + (this.size + 1) / (df + 0.5));
  }

  /** Whether passage `p` contains the unit. */
  has(p: number, key: number): boolean {
    if (key >= 0 && key < 0x10000) return this.texts[p]!.includes(String.fromCharCode(key));
    const list = this.postings.get(key);
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = list[mid]!;
      if (v === p) return true;
      if (v < p) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }

  /** The `limit` passages holding the most weight of these (distinct) bigram and word keys, best first. */
  rank(keys: readonly number[], limit: number): number[] {
    const touched: number[] = [];
    for (const key of keys) {
      const list = this.postings.get(key);
      if (list.length === 0) continue;
      const w = this.weight(key);
      for (const p of list) {
        if (this.scores[p] === 0) touched.push(p);
        this.scores[p] = this.scores[p]! + w;
      }
    }
    const best: number[] = [];
    for (const p of touched) {
      let at = best.length;
      while (at > 0 && this.better(p, best[at - 1]!)) at--;
      if (at < limit) best.splice(at, 0, p);
      if (best.length > limit) best.pop();
    }
    for (const p of touched) this.scores[p] = 0;
    return best;
  }

  private better(a: number, b: number): boolean {
    return this.scores[a]! > this.scores[b]! || (this.scores[a] === this.scores[b] && a < b);
  }

  private wordKey(word: string, create: true): number;
  private wordKey(word: string, create: false): number | undefined;
  private wordKey(word: string, create: boolean): number | undefined {
    let id = this.words.get(word);
    if (id === undefined && create) {
      id = this.words.size;
      this.words.set(word, id);
    }
    return id === undefined ? undefined : WORD_BASE + id;
  }
}
