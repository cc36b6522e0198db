/**
 * How much of a sentence its evidence says. A Han character of the sentence counts as said when
 * a bigram it belongs to stands in an evidence passage; a Latin word when the word does. Each
 * counts by its inverse document frequency, so rare words matter and the joints a paraphrase adds
 * (在, 的, 中) barely do. Judged per clause, so an invented clause after a true one is caught.
 */
import type { NgramIndex, Unit } from './support';

/** A sentence is supported when this share of its content (by weight) stands in its evidence … */
export const SENTENCE_COVERAGE = 0.6;
/** … and each clause at least this share. */
export const CLAUSE_COVERAGE = 0.5;
/** Clauses with less content than this (Han characters; a word counts 2) are judged with a neighbour. */
const MIN_CLAUSE = 5;
const CLAUSE_BREAK = /[，；：、,;:]/;

export interface Clause {
  start: number;
  end: number;
  units: Unit[];
  size: number;
}

/**
 * Clauses with their content units; short ones are merged with the next (the last with the one
 * before). A quotation (`spans`) is not cut: 藏粮于地、藏粮于技 is one saying.
 */
export function clausesOf(
  index: NgramIndex,
  text: string,
  masked: Uint8Array,
  spans: readonly { start: number; end: number }[],
): Clause[] {
  const units = index.units(text, masked);
  const whole = new Uint8Array(text.length);
  for (const q of spans) whole.fill(1, q.start, q.end);
  const raw: Clause[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && !(CLAUSE_BREAK.test(text[i]!) && !masked[i] && !whole[i])) continue;
    const inside = units.filter((u) => u.start >= start && u.end <= i);
    const size = inside.reduce((n, u) => n + (u.kind === 'char' ? 1 : u.kind === 'word' ? 2 : 0), 0);
    raw.push({ start, end: i, units: inside, size });
    start = i + 1;
  }
  const merged: Clause[] = [];
  const join = (a: Clause, b: Clause): Clause => ({
    start: a.start,
    end: b.end,
    units: [...a.units, ...b.units],
    size: a.size + b.size,
  });
  let open: Clause | null = null;
  for (const c of raw) {
    open = open ? join(open, c) : c;
    if (open.size >= MIN_CLAUSE) {
      merged.push(open);
      open = null;
    }
  }
  if (open) {
    const last = merged.pop();
    merged.push(last ? join(last, open) : open);
  }
  return merged.filter((c) => c.units.length > 0);
}

/** The weight of the units and how much of it the passages say. */
function coverage(
  index: NgramIndex,
  units: readonly Unit[],
  passages: readonly number[],
): { said: number; total: number } {
  const inAny = (key: number) => passages.some((p) => index.has(p, key));
  const said = new Set<number>(); // start offsets of characters inside a bigram that stands
  const paired = new Set<number>();
  for (const u of units) {
    if (u.kind !== 'pair') continue;
    paired.add(u.start).add(u.end - 1);
    if (inAny(u.key)) said.add(u.start).add(u.end - 1);
  }
  let total = 0;
  let covered = 0;
  for (const u of units) {
    if (u.kind === 'pair') continue;
    const w = index.weight(u.key);
    total += w;
    // A character between two masked spans (共2天's 共) has no bigram: it stands alone.
    const ok = u.kind === 'word' || !paired.has(u.start) ? inAny(u.key) : said.has(u.start);
    if (ok) covered += w;
  }
  return { said: covered, total };
}

const share = ({ said, total }: { said: number; total: number }) => (total === 0 ? 1 : said / total);

export interface Support {
  /** Share of the sentence its evidence says. */
  coverage: number;
  /** Clauses the evidence does not say. */
  weak: Clause[];
  /** The single passage saying most (a cited one when the cited ones say the sentence), or -1. */
  best: number;
  bestCoverage: number;
  /** A passage that says the sentence when the passages it cites do not. */
  uncited: number | null;
}

/**
 * `cited` are the passages the sentence cites; `local` adds their neighbours, read together (a
 * sentence may join adjacent paragraphs); `top` are the best matches elsewhere, each read alone,
 * so an invented clause cannot borrow its words from several.
 */
export function judgeSupport(
  index: NgramIndex,
  clauses: readonly Clause[],
  cited: readonly number[],
  local: readonly number[],
  top: readonly number[],
): Support {
  const readings = [...(local.length > 0 ? [local] : []), ...top.filter((p) => !local.includes(p)).map((p) => [p])];
  let said = 0;
  let total = 0;
  const weak: Clause[] = [];
  for (const c of clauses) {
    const best = readings.map((r) => coverage(index, c.units, r)).sort((a, b) => share(b) - share(a))[0];
    const weight = best?.total ?? coverage(index, c.units, []).total;
    said += best?.said ?? 0;
    total += weight;
    if ((best ? share(best) : 0) < CLAUSE_COVERAGE) weak.push(c);
  }
  const all = clauses.flatMap((c) => c.units);
  const alone = (p: number) => share(coverage(index, all, [p]));
  const ranked = (list: readonly number[]) =>
    list.map((p) => ({ p, c: alone(p) })).sort((a, b) => b.c - a.c || a.p - b.p)[0];
  const citedSay = cited.length > 0 && share(coverage(index, all, cited)) >= SENTENCE_COVERAGE;
  const best = ranked(citedSay ? cited : [...new Set([...local, ...top])]);
  // Named only when one passage says it all: a sentence drawn from several is no wrong citation.
  const uncited = cited.length > 0 && !citedSay && best && best.c >= SENTENCE_COVERAGE && !cited.includes(best.p);
  return {
    coverage: total === 0 ? 1 : said / total,
    weak,
    best: best?.p ?? -1,
    bestCoverage: best?.c ?? 0,
    uncited: uncited ? best.p : null,
  };
}
