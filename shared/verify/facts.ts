/**
 * The figures, dates, designations and places of a sentence against its evidence passages. A
 * figure is fine when an equal one stands there — unless the passage's own figure at the same
 * place (the same words around it) is another one, which is what a changed figure that happens to
 * occur elsewhere looks like. When none is equal, a same-kind figure at the same place is what the
 * source says, and the sentence contradicts it.
 */
import { sameQuantity, scaleSlip } from './compare';
import { findDates, sameDate } from './dates';
import type { DateMention } from './dates';
import { findEntities } from './entities';
import type { EntityMention } from './entities';
import { findQuantities } from './numbers';
import type { Quantity } from './numbers';
import { compact, neighbourhood, similarity } from './text';
import type { Neighbourhood } from './text';
import type { ProblemKind } from './types';

/** What an evidence passage holds: each figure, date and place with the words around it. */
export class PassageFacts {
  private found: { dates: Placed<DateMention>[]; quantities: Placed<Quantity>[] } | undefined;
  private placed: Placed<EntityMention>[] | undefined;
  private compacted: string | undefined;

  // Each is read only when a sentence needs it (most sentences name no place), hence lazily.
  constructor(private readonly text: string) {}

  get dates(): Placed<DateMention>[] {
    return this.figures().dates;
  }

  get quantities(): Placed<Quantity>[] {
    return this.figures().quantities;
  }

  get places(): Placed<EntityMention>[] {
    return (this.placed ??= place(
      this.text,
      findEntities(this.text).filter((e) => e.kind === 'place'),
    ));
  }

  /** The passage in compact form (text.ts). */
  get compact(): string {
    return (this.compacted ??= compact(this.text));
  }

  private figures(): { dates: Placed<DateMention>[]; quantities: Placed<Quantity>[] } {
    if (!this.found) {
      const dates = findDates(this.text);
      this.found = { dates: place(this.text, dates), quantities: place(this.text, findQuantities(this.text, dates)) };
    }
    return this.found;
  }
}

interface Placed<T> {
  item: T;
  /** As the passage writes it. */
  text: string;
  near: Neighbourhood;
}

function place<T extends { start: number; end: number }>(text: string, items: readonly T[]): Placed<T>[] {
  return items.map((item) => ({
    item,
    text: text.slice(item.start, item.end),
    near: neighbourhood(text, item.start, item.end),
  }));
}

export interface FactProblem {
  kind: ProblemKind;
  start: number;
  end: number;
  text: string;
  detail: string;
  /** The evidence says something else at that place (not merely nothing). */
  contradicted: boolean;
  /** What the evidence says there instead, when it says something. */
  says?: string;
}

/** Same words around a figure: this much in common makes it the figure at the same place. */
const SAME_PLACE = 3;
/** …and this much more than the equal figure has, to overrule it. */
const MARGIN = 2;

function closest<T>(near: Neighbourhood, among: readonly Placed<T>[]): { p: Placed<T>; score: number } | null {
  let best: { p: Placed<T>; score: number } | null = null;
  for (const p of among) {
    const score = similarity(near, p.near);
    if (!best || score > best.score) best = { p, score };
  }
  return best;
}

const kindOf = (q: Quantity): ProblemKind =>
  q.kind === 'percent' || q.kind === 'points' ? 'percent' : q.kind === 'amount' ? 'amount' : 'number';
const sameFamily = (a: Quantity, b: Quantity) => a.kind === b.kind && (a.kind !== 'amount' || a.unit === b.unit);

/** Problems with the sentence's figures; `where` names the evidence in details ("the cited passage"). */
export function checkQuantities(
  sentence: string,
  quantities: readonly Quantity[],
  evidence: readonly PassageFacts[],
  where: string,
): FactProblem[] {
  if (quantities.length === 0) return [];
  const all = evidence.flatMap((f) => f.quantities);
  const out: FactProblem[] = [];
  for (const q of quantities) {
    const near = neighbourhood(sentence, q.start, q.end);
    const equal = closest(
      near,
      all.filter((s) => sameQuantity(q, s.item)),
    );
    const other = closest(
      near,
      all.filter((s) => sameFamily(q, s.item) && !sameQuantity(q, s.item)),
    );
    const problem = (kind: ProblemKind, says: Placed<Quantity> | null, contradicted: boolean): FactProblem => ({
      kind,
      start: q.start,
      end: q.end,
      text: q.text,
      contradicted,
      detail: `${q.text} not in ${where}${says ? ` (it says ${says.text})` : ''}`,
      ...(says && { says: says.text }),
    });
    if (equal) {
      if (other && other.score >= SAME_PLACE && other.score >= equal.score + MARGIN)
        out.push(problem(kindOf(q), other.p, true));
      continue;
    }
    const slip = closest(
      near,
      all.filter((s) => scaleSlip(q, s.item)),
    );
    if (slip) out.push(problem('unit', slip.p, slip.score >= 1));
    else out.push(problem(kindOf(q), other && other.score >= 1 ? other.p : null, !!other && other.score >= 1));
  }
  return out;
}

/**
 * Problems with the sentence's dates. A bare year also counts as stated when the source names it
 * anywhere (a summary dates "今年" by the document's year), unless its own place says another.
 */
export function checkDates(
  sentence: string,
  dates: readonly DateMention[],
  evidence: readonly PassageFacts[],
  where: string,
  yearInSource: (year: number) => boolean,
): FactProblem[] {
  if (dates.length === 0) return [];
  const all = evidence.flatMap((f) => f.dates);
  const out: FactProblem[] = [];
  for (const d of dates) {
    const near = neighbourhood(sentence, d.start, d.end);
    const equal = closest(
      near,
      all.filter((s) => sameDate(d, s.item)),
    );
    const comparable = all.filter(
      (s) =>
        !sameDate(d, s.item) &&
        ((d.year !== undefined && s.item.year !== undefined) || (d.month !== undefined && s.item.month !== undefined)),
    );
    const other = closest(near, comparable);
    const problem = (says: Placed<DateMention> | null, contradicted: boolean): FactProblem => ({
      kind: 'date',
      start: d.start,
      end: d.end,
      text: d.text,
      contradicted,
      detail: `${d.text} not in ${where}${says ? ` (it says ${says.text})` : ''}`,
      ...(says && { says: says.text }),
    });
    const overruled = other && other.score >= SAME_PLACE && other.score >= (equal?.score ?? 0) + MARGIN;
    if (equal) {
      if (overruled) out.push(problem(other.p, true));
      continue;
    }
    const bareYear = d.month === undefined && d.year !== undefined;
    if (bareYear && yearInSource(d.year!) && !overruled) continue;
    // The source's own date at that spot, or one differing in a single part (八月四日 for 八月五日):
    // the source says otherwise.
    const says = other && other.score >= 1 ? other.p : (comparable.find((s) => nearMiss(d, s.item)) ?? null);
    out.push(problem(says, says !== null));
  }
  return out;
}

/** Both state the same parts, and all but one of them agree. */
function nearMiss(said: DateMention, source: DateMention): boolean {
  const parts = (['year', 'month', 'day'] as const).filter((k) => said[k] !== undefined);
  if (parts.length < 2 || parts.some((k) => source[k] === undefined)) return false;
  return parts.filter((k) => said[k] !== source[k]).length === 1;
}

const IDENTIFIER = /(?<![A-Za-z0-9])(?:[A-Za-z]+[0-9]+|[0-9]+[A-Za-z]+)[A-Za-z0-9]*(?![A-Za-z0-9])/g;

/**
 * Designations mixing letters and digits (C919, M2, 5G) are figures too: they must stand in the
 * source; one with the same letters and other digits in the evidence is what it says instead.
 */
export function checkIdentifiers(
  sentence: string,
  compactSource: string,
  evidenceTexts: readonly string[],
  where: string,
): FactProblem[] {
  const out: FactProblem[] = [];
  for (const m of sentence.matchAll(IDENTIFIER)) {
    if (compactSource.includes(m[0].toLowerCase())) continue;
    const shape = new RegExp(`(?<![A-Za-z0-9])${m[0].replace(/[0-9]+/g, '[0-9]+')}(?![A-Za-z0-9])`, 'i');
    const says = evidenceTexts.map((t) => shape.exec(t)?.[0]).find(Boolean);
    out.push({
      kind: 'number',
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      detail: `${m[0]} not in ${where}${says ? ` (it says ${says})` : ''}`,
      contradicted: says !== undefined,
      ...(says && { says }),
    });
  }
  return out;
}

const stands = (e: EntityMention, compactText: string) =>
  e.accept.some((all) => all.every((a) => compactText.includes(a)));

/**
 * Places and organisations the source does not name; and a place the source names elsewhere but
 * whose own place in the passages the sentence draws on (`drawn`) holds another (澳门回归祖国
 * summarised as 香港回归祖国).
 */
export function checkEntities(
  sentence: string,
  drawn: readonly PassageFacts[],
  compactSource: string,
  where: string,
): FactProblem[] {
  const out: FactProblem[] = [];
  for (const e of findEntities(sentence)) {
    const problem = (detail: string, contradicted: boolean): FactProblem => ({
      kind: 'entity',
      start: e.start,
      end: e.end,
      text: e.text,
      detail,
      contradicted,
    });
    if (!stands(e, compactSource)) {
      out.push(problem(`${e.text} is not named in the source`, false));
      continue;
    }
    if (e.kind !== 'place' || drawn.some((f) => stands(e, f.compact))) continue;
    const other = closest(
      neighbourhood(sentence, e.start, e.end),
      drawn.flatMap((f) => f.places),
    );
    if (other && other.score >= SAME_PLACE)
      out.push({ ...problem(`${e.text} not in ${where} (it says ${other.p.text})`, true), says: other.p.text });
  }
  return out;
}
