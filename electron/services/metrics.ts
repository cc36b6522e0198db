import { diffArrays, diffChars } from 'diff';
import type { ChangeObject } from 'diff';
import type { DraftContent, Metrics, WeekMetrics } from '../../shared/domain/draft';
import type { DraftMetricsRows } from '../store/drafts-repo';

// ── Edit distance ────────────────────────────────────────────────────────────────────────────
//
// distance = Σ over change hunks of max(removed, inserted) code points, where a hunk is a maximal
// run of removals and insertions between unchanged text. A replaced character counts 1, as in
// Levenshtein; the result is an edit script's cost, so never below the Levenshtein distance, and
// equal to it for isolated replacements, insertions and deletions.
//
// The diff is Myers' O(ND) (jsdiff), run from coarse to fine: lines, then sentences, then clauses
// (split after the separators below, which stay with their token), then characters inside each
// changed hunk. A 200 KB document with scattered edits thus costs a line diff plus a few small
// character diffs instead of one O(ND) pass over 200 K characters; when too many lines changed
// for one Myers run, unique unchanged lines (or sentences) cut the texts into small pieces first.
// Every Myers run is bounded (maxEditLength) by a work budget shared by the whole comparison, so
// the worst case (two unrelated texts) is bounded too: a hunk the budget cannot afford counts
// max(removed, inserted), what rewriting it costs. The budget is a count, not a clock: the same
// texts always give the same distance.

const LEVELS = [/(?<=\n)/u, /(?<=[。！？；.!?;])/u, /(?<=[，、：,:\s])/u];

/** Σ (D² + tokens) over all Myers runs of one comparison: 0.1–0.3 s for two unrelated 200 KB texts. */
const WORK_BUDGET = 1_200_000;

interface Budget {
  left: number;
}

const SURROGATE_PAIRS = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

/** Length in Unicode code points (what jsdiff's diffChars counts). */
export const codePoints = (text: string) => text.length - (text.match(SURROGATE_PAIRS)?.length ?? 0);

/**
 * One bounded Myers run over `tokens` tokens, charged D² + tokens whether it succeeds or gives
 * up. A run may spend a quarter of what is left: one that gives up on a whole text leaves enough
 * for the pieces between its unchanged lines or sentences.
 */
function myers<T>(
  budget: Budget,
  tokens: number,
  run: (maxEditLength: number) => ChangeObject<T>[] | undefined,
): ChangeObject<T>[] | undefined {
  const spare = budget.left - tokens;
  const max = spare <= 0 ? 0 : Math.min(tokens, Math.floor(Math.sqrt(spare / 4)));
  const changes = max > 0 ? run(max) : undefined;
  const used = changes ? editLength(changes) : max;
  budget.left -= tokens + used * used;
  return changes;
}

/** Common prefix and suffix are cut without splitting a surrogate pair. */
function trim(a: string, b: string): [string, string] {
  const max = Math.min(a.length, b.length);
  let start = 0;
  while (start < max && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  if (start > 0 && start < max && /[\uD800-\uDBFF]/.test(a[start - 1] ?? '')) start--;
  let end = 0;
  while (end < max - start && a.charCodeAt(a.length - 1 - end) === b.charCodeAt(b.length - 1 - end)) end++;
  if (end > 0 && end < max - start && /[\uDC00-\uDFFF]/.test(a[a.length - end] ?? '')) end--;
  return [a.slice(start, a.length - end), b.slice(start, b.length - end)];
}

/** Never above max(|a|, |b|), which replacing everything costs. */
function textDistance(from: string, to: string, level: number, budget: Budget): number {
  const [a, b] = trim(from, to);
  if (!a || !b) return codePoints(a) + codePoints(b);
  return Math.min(hunkDistance(a, b, level, budget), Math.max(codePoints(a), codePoints(b)));
}

function hunkDistance(a: string, b: string, level: number, budget: Budget): number {
  if (budget.left <= 0) return Math.max(codePoints(a), codePoints(b));
  for (let l = level; l < LEVELS.length; l++) {
    const separator = LEVELS[l] as RegExp;
    const ta = a.split(separator);
    const tb = b.split(separator);
    if (ta.length === 1 && tb.length === 1) continue;
    const changes = myers(budget, ta.length + tb.length, (max) => diffArrays(ta, tb, { maxEditLength: max }));
    let distance = 0;
    if (changes) {
      forEachHunk(changes, (removed, added) => {
        distance += textDistance(removed.join(''), added.join(''), l + 1, budget);
      });
      return distance;
    }
    // Too many changes to align at once: cut at the tokens found once on each side, in order
    // (patience diff), and align the pieces between them, which are small. Without such tokens
    // (every line edited), finer tokens (sentences, clauses) usually have them.
    const cuts = anchors(ta, tb);
    budget.left -= ta.length + tb.length;
    if (cuts.length === 0) continue;
    let i = 0;
    let j = 0;
    for (const [x, y] of [...cuts, [ta.length, tb.length]] as const) {
      distance += textDistance(ta.slice(i, x).join(''), tb.slice(j, y).join(''), l, budget);
      i = x + 1;
      j = y + 1;
    }
    return distance;
  }
  const changes = myers(budget, codePoints(a) + codePoints(b), (max) => diffChars(a, b, { maxEditLength: max }));
  if (!changes) return Math.max(codePoints(a), codePoints(b));
  let distance = 0;
  forEachHunk(changes, (removed, added) => {
    distance += Math.max(codePoints(removed.join('')), codePoints(added.join('')));
  });
  return distance;
}

/**
 * Positions [i, j] of tokens that occur exactly once in `a` and once in `b`, the longest run of
 * them in the same order on both sides (patience sorting, O(n log n)).
 */
function anchors(a: string[], b: string[]): [number, number][] {
  const seen = new Map<string, { inA: number; inB: number; i: number; j: number }>();
  a.forEach((t, i) => {
    const s = seen.get(t);
    if (s) s.inA++;
    else seen.set(t, { inA: 1, inB: 0, i, j: -1 });
  });
  b.forEach((t, j) => {
    const s = seen.get(t);
    if (s && ++s.inB === 1) s.j = j;
  });
  const pairs = [...seen.values()]
    .filter((s) => s.inA === 1 && s.inB === 1)
    .map((s): [number, number] => [s.i, s.j])
    .sort((x, y) => x[0] - y[0]);
  // Longest increasing run of j: tails[k] = index in pairs of the smallest tail of a run of k + 1.
  const tails: number[] = [];
  const previous: number[] = [];
  pairs.forEach(([, j], p) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((pairs[tails[mid] as number] as [number, number])[1] < j) lo = mid + 1;
      else hi = mid;
    }
    previous[p] = lo > 0 ? (tails[lo - 1] as number) : -1;
    tails[lo] = p;
  });
  const run: [number, number][] = [];
  for (let p = tails.at(-1) ?? -1; p >= 0; p = previous[p] as number) run.push(pairs[p] as [number, number]);
  return run.reverse();
}

const editLength = <T>(changes: ChangeObject<T>[]) =>
  changes.reduce((n, c) => (c.added || c.removed ? n + c.count : n), 0);

/** Calls `fn` with the removed and inserted values of each run of changes between common parts. */
function forEachHunk<T>(changes: ChangeObject<T | T[]>[], fn: (removed: T[], added: T[]) => void) {
  let removed: T[] = [];
  let added: T[] = [];
  const flush = () => {
    if (removed.length || added.length) fn(removed, added);
    removed = [];
    added = [];
  };
  for (const c of changes) {
    if (!c.added && !c.removed) flush();
    else if (c.added) added = added.concat(c.value);
    else removed = removed.concat(c.value);
  }
  flush();
}

/**
 * Edit distance from one content to another (text and every field, missing fields as empty),
 * and the length of `to` in code points: the edit ratio is distance / max(length, 1).
 */
export function contentEditDistance(from: DraftContent, to: DraftContent): { distance: number; length: number } {
  const budget: Budget = { left: WORK_BUDGET };
  let distance = textDistance(from.text, to.text, 0, budget);
  const keys = [...new Set([...Object.keys(from.fields ?? {}), ...Object.keys(to.fields ?? {})])].sort();
  for (const key of keys) distance += textDistance(from.fields?.[key] ?? '', to.fields?.[key] ?? '', 0, budget);
  return { distance, length: contentLength(to) };
}

/** Code points of the text and of every field value. */
export const contentLength = (c: DraftContent) =>
  Object.values(c.fields ?? {}).reduce((n, v) => n + codePoints(v), codePoints(c.text));

export const editRatio = (distance: number, length: number) => distance / Math.max(length, 1);

// ── Weeks ────────────────────────────────────────────────────────────────────────────────────

const DAY = 86_400_000;

/** Monday 00:00 UTC of the ISO week holding `at`. */
export function weekStart(at: Date): Date {
  const day = Math.floor(at.getTime() / DAY) * DAY;
  const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return new Date(day - weekday * DAY);
}

/** ISO 8601 week, e.g. 2026-W09: the year is the one holding the week's Thursday. */
export function isoWeek(at: Date): string {
  const thursday = new Date(weekStart(at).getTime() + 3 * DAY);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

// ── Usefulness per tool and week ─────────────────────────────────────────────────────────────

/** What the store gives for metrics (times ISO 8601 UTC); see DraftsRepo.metricsRows. */
export type MetricsRows = DraftMetricsRows;

interface Cell {
  created: number;
  /** draft id → its last approval in the week. */
  approvals: Map<string, MetricsRows['approvals'][number]>;
  minutes: number[];
  /** draft id → its last rejection in the week. */
  rejections: Map<string, MetricsRows['rejections'][number]>;
}

/**
 * Per ISO week (Monday 00:00 UTC) and tool, over the last `weeks` weeks including the current
 * one; one row per week and tool with any activity, oldest week first, tools in code-unit order.
 * - created: drafts created that week (discarded generations are gone from the store).
 * - approved: drafts with an approval that week, each counted once per week (a draft edited and
 *   approved again the same week counts once; approved again a later week, once more there).
 * - rejected: likewise, drafts with a rejection that week; rejectionReasons counts the reason of
 *   each such draft's last rejection that week, so the reasons add up to `rejected`.
 * - medianMinutesToApproval: over drafts whose first approval falls that week, minutes from the
 *   request to that approval.
 * - medianEditRatio: over the drafts counted in `approved`, their last approval that week: edit
 *   distance from the last AI version to the approved content ÷ the approved length (0 when
 *   approved as generated).
 */
export function computeMetrics(rows: MetricsRows, now: Date, weeks: number): Metrics {
  const from = weekStart(now).getTime() - (Math.max(1, Math.floor(weeks)) - 1) * 7 * DAY;
  const until = weekStart(now).getTime() + 7 * DAY;
  const cells = new Map<string, Cell>();
  const cell = (at: string, tool: string): Cell | undefined => {
    const t = Date.parse(at);
    if (!(t >= from && t < until)) return undefined;
    const key = `${isoWeek(new Date(t))}\u0000${tool}`;
    let c = cells.get(key);
    if (!c) cells.set(key, (c = { created: 0, approvals: new Map(), minutes: [], rejections: new Map() }));
    return c;
  };
  const keepLatest = <T extends { at: string }>(map: Map<string, T>, id: string, row: T) => {
    const seen = map.get(id);
    if (!seen || seen.at <= row.at) map.set(id, row);
  };

  for (const r of rows.created) {
    const c = cell(r.createdAt, r.tool);
    if (c) c.created++;
  }
  for (const r of rows.approvals) {
    const c = cell(r.at, r.tool);
    if (!c) continue;
    keepLatest(c.approvals, r.draftId, r);
    if (r.at === r.firstApprovalAt) c.minutes.push((Date.parse(r.at) - Date.parse(r.requestedAt)) / 60_000);
  }
  for (const r of rows.rejections) {
    const c = cell(r.at, r.tool);
    if (c) keepLatest(c.rejections, r.draftId, r);
  }

  const out: WeekMetrics[] = [...cells.entries()].map(([key, c]) => {
    const [week = '', tool = ''] = key.split('\u0000');
    const ratios = [...c.approvals.values()]
      .filter((a) => a.editDistance !== null)
      .map((a) => editRatio(a.editDistance as number, a.approvedLength));
    const rejectionReasons: Record<string, number> = {};
    for (const r of c.rejections.values()) rejectionReasons[r.reason] = (rejectionReasons[r.reason] ?? 0) + 1;
    return {
      week,
      tool,
      created: c.created,
      approved: c.approvals.size,
      rejected: c.rejections.size,
      medianMinutesToApproval: median(c.minutes),
      medianEditRatio: median(ratios),
      rejectionReasons,
    };
  });
  out.sort((x, y) => (x.week < y.week ? -1 : x.week > y.week ? 1 : x.tool < y.tool ? -1 : x.tool > y.tool ? 1 : 0));
  return { generatedAt: now.toISOString(), weeks: out };
}
