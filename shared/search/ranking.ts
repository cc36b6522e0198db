import { countTermInText, termWeight } from './bm25';
import { tokenCount } from './tokens';
import type { QueryTerm } from './tokens';

/**
 * Exact top-k from a frequent term's list (docs/search.md, "Ranking frequent terms").
 *
 * A list holds a term's best passages as (tf, length) and `theta`: no unlisted passage weighs
 * more, under the average length `avgLength` the list was built with. Weights are recomputed with
 * the store's current average; a larger average raises a weight at most in proportion
 * (K(dl, a1) ≥ (a0/a1)·K(dl, a0) in termWeight's denominator), which bounds the outsiders.
 */

export interface Ranked {
  pk: number;
  score: number;
}

export interface Member {
  pk: number;
  tf: number;
  length: number;
}

export interface ListBounds {
  theta: number;
  avgLength: number;
  /** pk of the last member in ranking order: an unlisted passage weighing exactly theta comes later. */
  boundary: number;
}

/** What no passage outside a term's candidates can weigh (at the current average length). */
export interface Outside {
  theta: number;
  /** When set, an outside passage weighing exactly theta has a larger pk than this. */
  thetaPk?: number;
}

/** Where a term's candidates come from, and what no passage outside them can weigh. */
export interface Source {
  pks: number[];
  idf: number;
  theta: number;
}

/** A phrase's candidate, with an upper bound on its weight from its tokens' lists. */
export interface Candidate {
  pk: number;
  length: number;
  bound: number;
}

/** Best first; ties by pk, as the FTS5 queries order them. */
export const byScore = (a: Ranked, b: Ranked) => b.score - a.score || a.pk - b.pk;

export function outsideBound(list: ListBounds, avgLength: number): number {
  return list.theta * Math.max(1, avgLength / list.avgLength);
}

/** What the index holds for one passage and term: occurrences and length, in tokens. */
export function measure(text: string, term: QueryTerm): Omit<Member, 'pk'> {
  return { tf: countTermInText(text, term), length: tokenCount(text) };
}

const proves = (last: Ranked, outside: Outside) =>
  last.score > outside.theta ||
  (last.score === outside.theta && outside.thetaPk !== undefined && last.pk <= outside.thetaPk);

/** Inserts into a best-first array kept at `size` entries. */
function keepBest(top: Ranked[], entry: Ranked, size: number): void {
  let i = top.length;
  while (i > 0 && byScore(entry, top[i - 1]!) < 0) i--;
  if (i < size) top.splice(i, 0, entry);
  if (top.length > size) top.pop();
}

const BATCH = 64;

/**
 * A phrase's best `need` passages by the threshold algorithm: candidates are read best bound
 * first, in batches, until the `need`-th weight so far precedes the next bound; passages outside
 * every list are bounded by `outside`. Undefined when that does not prove the top.
 */
export function rankPhrase(
  term: QueryTerm,
  candidates: Candidate[],
  outside: Outside,
  termIdf: number,
  avgLength: number,
  need: number,
  load: (pks: number[]) => { pk: number; text: string }[],
): Ranked[] | undefined {
  const queue = [...candidates].sort((a, b) => b.bound - a.bound || a.pk - b.pk);
  const length = new Map(candidates.map((c) => [c.pk, c.length]));
  const top: Ranked[] = [];
  const settled = (next: Candidate) =>
    top.length === need && byScore(top[need - 1]!, { pk: next.pk, score: next.bound }) < 0;
  for (let i = 0; i < queue.length && !settled(queue[i]!); i += BATCH) {
    for (const { pk, text } of load(queue.slice(i, i + BATCH).map((c) => c.pk))) {
      const tf = countTermInText(text, term);
      if (tf > 0) keepBest(top, { pk, score: termWeight(tf, length.get(pk)!, avgLength) }, need);
    }
  }
  const complete = outside.theta === 0;
  if (!complete && (top.length < need || !proves(top[need - 1]!, outside))) return undefined;
  return top.map((r) => ({ pk: r.pk, score: termIdf * r.score }));
}

/**
 * The best `need` of a list's members (those that passed the filters), or undefined when the
 * list cannot prove them. Under the statistics it was built with, the list is a prefix of the
 * term's ranking, so its filtered members are a prefix of the filtered ranking; after the store
 * changed, the `need`-th member must beat the outsiders' bound.
 */
export function rankMembers(
  members: Member[],
  list: ListBounds,
  termIdf: number,
  avgLength: number,
  need: number,
): Ranked[] | undefined {
  const ranked = members
    .map((m) => ({ pk: m.pk, score: termIdf * termWeight(m.tf, m.length, avgLength) }))
    .sort(byScore);
  if (list.theta === 0) return ranked.slice(0, need);
  if (ranked.length < need) return undefined;
  if (avgLength === list.avgLength || ranked[need - 1]!.score > termIdf * outsideBound(list, avgLength))
    return ranked.slice(0, need);
  return undefined;
}

/**
 * Several terms from their lists: every candidate is scored, and a passage outside every list
 * weighs at most `theta` for each term, so when the `need`-th candidate scores above the sum of
 * those bounds nothing outside can enter the top `need`.
 */
export function rankCandidates(
  passages: { pk: number; text: string }[],
  terms: QueryTerm[],
  sources: Source[],
  avgLength: number,
  need: number,
): Ranked[] | undefined {
  const ranked: Ranked[] = [];
  for (const { pk, text } of passages) {
    const length = tokenCount(text);
    let score = 0;
    for (let i = 0; i < terms.length && score >= 0; i++) {
      const tf = countTermInText(text, terms[i]!);
      score = tf === 0 ? -1 : score + sources[i]!.idf * termWeight(tf, length, avgLength);
    }
    if (score > 0) ranked.push({ pk, score });
  }
  ranked.sort(byScore);
  const bound = sources.reduce((sum, s) => sum + s.idf * s.theta, 0);
  return ranked.length >= need && ranked[need - 1]!.score > bound ? ranked.slice(0, need) : undefined;
}
