/**
 * Search tokens for Chinese and English text (see docs/search.md).
 *
 * Han runs become overlapping bigrams plus the run's last character as a unigram, so every
 * 2-character word is one token (通知, 预算, 社保) and every single character is either the
 * start of a bigram or that trailing unigram (a prefix query `c*` finds it). Other letters and
 * digits form lower-cased words. The same function serves indexing and querying, so the two
 * always agree.
 */

const HAN = /\p{Script=Han}/u;
const WORD = /[\p{L}\p{N}]+/gu;

export type QueryPart = { kind: 'han'; tokens: string[]; single: boolean } | { kind: 'word'; token: string };

function normalize(text: string): string {
  // NFKC folds full-width Latin and digits (ＡＢＣ１２３) to ASCII; compatibility ideographs to unified ones.
  return text.normalize('NFKC').toLowerCase();
}

/** Splits a letter/digit run into alternating Han and non-Han runs. */
function* runs(word: string): Generator<{ han: boolean; text: string }> {
  let current = '';
  let han = false;
  for (const ch of word) {
    const isHan = HAN.test(ch);
    if (current && isHan !== han) {
      yield { han, text: current };
      current = '';
    }
    han = isHan;
    current += ch;
  }
  if (current) yield { han, text: current };
}

function bigrams(chars: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

/** Index tokens, space-separated, ready for an FTS5 column tokenized by unicode61. */
export function indexTokens(text: string): string {
  const out: string[] = [];
  for (const [word] of normalize(text).matchAll(WORD)) {
    for (const run of runs(word)) {
      if (!run.han) {
        out.push(run.text);
        continue;
      }
      const chars = [...run.text];
      out.push(...bigrams(chars), chars[chars.length - 1]!);
    }
  }
  return out.join(' ');
}

/** The parts of a query, in order: Han runs (as bigram phrases) and words. */
export function queryParts(query: string): QueryPart[] {
  const parts: QueryPart[] = [];
  for (const [word] of normalize(query).matchAll(WORD)) {
    for (const run of runs(word)) {
      if (!run.han) parts.push({ kind: 'word', token: run.text });
      else {
        const chars = [...run.text];
        parts.push(chars.length === 1 ? { kind: 'han', tokens: chars, single: true } : { kind: 'han', tokens: bigrams(chars), single: false });
      }
    }
  }
  return parts;
}

/**
 * An FTS5 MATCH expression: each whitespace-separated query term must occur (AND); within a term
 * the parts form one phrase, so 2026年 matches "2026年" and not "2026 … 年". A single Han character
 * or a trailing word is matched as a prefix. Returns undefined for a query with no searchable text.
 */
export function matchExpression(query: string): string | undefined {
  const terms = query
    .split(/\s+/)
    .map((term) => queryParts(term))
    .filter((parts) => parts.length > 0)
    .map((parts) => {
      const tokens = parts.flatMap((p, i) => {
        const last = i === parts.length - 1;
        if (p.kind === 'word') return [last ? `${p.token}*` : p.token];
        return p.single ? [`${p.tokens[0]}*`] : p.tokens;
      });
      // FTS5 phrase syntax: "a b" c* …; a prefix marker belongs outside the quotes.
      return tokens.map((t) => (t.endsWith('*') ? `"${t.slice(0, -1)}"*` : `"${t}"`)).join(' + ');
    });
  return terms.length ? terms.join(' AND ') : undefined;
}
