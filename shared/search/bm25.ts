import { normalize, tokenList } from './tokens';
import type { QueryTerm } from './tokens';

/**
 * BM25 exactly as SQLite's FTS5 computes it (fts5_aux.c: k1 = 1.2, b = 0.75, IDF floored at
 * 1e-6), so a score worked out here from a passage's tokens equals `-bm25(passages_fts)`.
 * search-repo uses it where FTS5 cannot rank cheaply (see docs/search.md).
 */

const K1 = 1.2;
const B = 0.75;

/** IDF of a term found in `matching` of `rows` passages. */
export function idf(matching: number, rows: number): number {
  const value = Math.log((rows - matching + 0.5) / (matching + 0.5));
  return value > 0 ? value : 1e-6;
}

/** The per-passage factor of a term: `tf` occurrences in a passage of `length` tokens. */
export function termWeight(tf: number, length: number, averageLength: number): number {
  return tf === 0 ? 0 : (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * length) / averageLength));
}

/** Occurrences of a term in a passage's tokens, counted as FTS5 counts phrase instances. */
export function countTerm(tokens: readonly string[], term: QueryTerm): number {
  const n = term.tokens.length;
  const last = n - 1;
  let count = 0;
  for (let i = 0; i + n <= tokens.length; i++) {
    let j = 0;
    while (
      j < n &&
      (tokens[i + j] === term.tokens[j] || (term.prefix && j === last && tokens[i + j]!.startsWith(term.tokens[j]!)))
    )
      j++;
    if (j === n) count++;
  }
  return count;
}

const HAN_BIGRAM = /^\p{Script=Han}{2}$/u;

/**
 * countTerm on a passage's text. A phrase of Han bigrams occurs exactly where its characters
 * occur in the folded text (overlaps included), which is cheaper to find than tokenizing.
 */
export function countTermInText(text: string, term: QueryTerm): number {
  if (term.prefix || !term.tokens.every((t) => HAN_BIGRAM.test(t))) return countTerm(tokenList(text), term);
  const phrase =
    term.tokens[0]! +
    term.tokens
      .slice(1)
      .map((t) => Array.from(t)[1])
      .join('');
  const folded = normalize(text);
  let count = 0;
  for (let at = folded.indexOf(phrase); at >= 0; at = folded.indexOf(phrase, at + 1)) count++;
  return count;
}
