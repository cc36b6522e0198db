/**
 * Search tokens for Chinese and English text (see docs/search.md).
 *
 * Han runs become overlapping bigrams plus the run's last character as a unigram, so every
 * 2-character word is one token (通知, 预算, 社保) and every single character is either the
 * start of a bigram or that trailing unigram (a prefix query `c*` finds it). Other letters and
 * digits form lower-cased words. The same functions serve indexing, querying and re-checking a
 * passage in JavaScript (shared/search/bm25.ts), so the three always agree.
 */

/** A Han run, or a run of other letters and digits (a word). */
const RUN = /(\p{Script=Han}+)|((?:(?!\p{Script=Han})[\p{L}\p{N}])+)/gu;
const SURROGATE = /[\ud800-\udfff]/;

export function normalize(text: string): string {
  // NFKC folds full-width Latin and digits (ＡＢＣ１２３) to ASCII; compatibility ideographs to unified ones.
  return text.normalize('NFKC').toLowerCase();
}

/** Code points of a run; most Han text is in the BMP, where this is one string index per character. */
const chars = (run: string): string[] => (SURROGATE.test(run) ? Array.from(run) : run.split(''));

/** A Han run's bigrams, then its last character. */
function hanTokens(run: string): string[] {
  const cs = chars(run);
  return [...cs.slice(0, -1).map((c, i) => c + cs[i + 1]!), cs[cs.length - 1]!];
}

const utf16 = new TextDecoder('utf-16le');
let scratch = new Uint16Array(4096);

/**
 * Index tokens, space-separated, ready for an FTS5 column tokenized by unicode61. BMP Han runs
 * are written as UTF-16 code units into a scratch buffer rather than as one small string per
 * bigram: 2.5× faster, and every imported passage goes through here.
 */
export function indexTokens(text: string): string {
  const s = normalize(text);
  if (scratch.length < s.length * 3) scratch = new Uint16Array(s.length * 3);
  const out: string[] = [];
  let k = 0;
  for (const m of s.matchAll(RUN)) {
    const run = m[0];
    if (m[2] || SURROGATE.test(run)) {
      if (k) out.push(utf16.decode(scratch.subarray(0, k)));
      k = 0;
      out.push(`${m[2] ? run : hanTokens(run).join(' ')} `);
      continue;
    }
    for (let i = 0; i + 1 < run.length; i++) {
      scratch[k++] = run.charCodeAt(i);
      scratch[k++] = run.charCodeAt(i + 1);
      scratch[k++] = 32;
    }
    scratch[k++] = run.charCodeAt(run.length - 1);
    scratch[k++] = 32;
  }
  if (k) out.push(utf16.decode(scratch.subarray(0, k)));
  return out.join('').slice(0, -1);
}

/** How many index tokens a text has (FTS5's length of it): a Han run of n characters gives n, a word 1. */
export function tokenCount(text: string): number {
  let count = 0;
  for (const m of normalize(text).matchAll(RUN))
    count += !m[1] ? 1 : SURROGATE.test(m[1]) ? Array.from(m[1]).length : m[1].length;
  return count;
}

/** The index tokens of a text, in order (what FTS5 sees as positions 0, 1, 2 …). */
export function tokenList(text: string): string[] {
  const tokens = indexTokens(text);
  return tokens ? tokens.split(' ') : [];
}

/**
 * One whitespace-separated query term as a phrase of tokens. `prefix`: the last token matches
 * any token it starts (a trailing word, `budg` → budget; a trailing single Han character, 税 → 税收).
 */
export interface QueryTerm {
  tokens: string[];
  prefix: boolean;
}

/**
 * A term's runs mirror what the index holds: a Han run that is followed by another run inside
 * the term ended in the text too, so it includes the trailing unigram; the last run may go on in
 * the text (预算 in 预算编制), so it is bigrams only, or a prefix when it is one character or a word.
 */
function queryTerm(term: string): QueryTerm | undefined {
  const runs = [...normalize(term).matchAll(RUN)];
  if (runs.length === 0) return undefined;
  const tokens: string[] = [];
  let prefix = false;
  runs.forEach((m, i) => {
    const last = i === runs.length - 1;
    if (m[2]) {
      tokens.push(m[2]);
      prefix = last;
      return;
    }
    const han = hanTokens(m[1]!);
    if (!last) tokens.push(...han);
    else if (han.length === 1) {
      tokens.push(han[0]!);
      prefix = true;
    } else tokens.push(...han.slice(0, -1));
  });
  return { tokens, prefix };
}

/** The terms of a query (whitespace separates terms; all must match). Empty when nothing is searchable. */
export function queryTerms(query: string): QueryTerm[] {
  return query
    .split(/\s+/)
    .map(queryTerm)
    .filter((t): t is QueryTerm => t !== undefined);
}

/** A stable text key for a term: its tokens, `*` marking a prefix. */
export const termKey = (t: QueryTerm): string => `${t.tokens.join(' ')}${t.prefix ? '*' : ''}`;

/** One term as an FTS5 phrase: "a" + "b" + "c"*. Tokens hold only letters and digits, so quoting is safe. */
export function termExpression(t: QueryTerm): string {
  return t.tokens.map((tok, i) => (t.prefix && i === t.tokens.length - 1 ? `"${tok}"*` : `"${tok}"`)).join(' + ');
}
