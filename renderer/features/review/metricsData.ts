import type { WeekMetrics } from '../../../shared/domain/draft';
import { TOOLS } from './useReviewText';

export interface ToolMetrics {
  tool: string;
  /** Oldest week first, as the charts read. */
  weeks: WeekMetrics[];
  created: number;
  approved: number;
  rejected: number;
  /** Rejection reasons over all weeks, most frequent first. */
  reasons: { reason: string; count: number }[];
}

/** The rows per tool (known tools in their menu order, then others by name), with totals. */
export function byTool(rows: WeekMetrics[]): ToolMetrics[] {
  const tools = [...new Set(rows.map((r) => r.tool))].sort((a, b) => {
    const ia = (TOOLS as readonly string[]).indexOf(a);
    const ib = (TOOLS as readonly string[]).indexOf(b);
    if (ia !== ib) return (ia === -1 ? TOOLS.length : ia) - (ib === -1 ? TOOLS.length : ib);
    return a.localeCompare(b);
  });
  return tools.map((tool) => {
    const weeks = rows.filter((r) => r.tool === tool).sort((a, b) => a.week.localeCompare(b.week));
    const reasons = new Map<string, number>();
    for (const w of weeks)
      for (const [reason, n] of Object.entries(w.rejectionReasons)) reasons.set(reason, (reasons.get(reason) ?? 0) + n);
    return {
      tool,
      weeks,
      created: weeks.reduce((n, w) => n + w.created, 0),
      approved: weeks.reduce((n, w) => n + w.approved, 0),
      rejected: weeks.reduce((n, w) => n + w.rejected, 0),
      reasons: [...reasons]
        .map(([reason, count]) => ({ reason, count }))
        .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
    };
  });
}

/** "2026-W09" → { year: 2026, week: 9 }. */
export function parseWeek(week: string): { year: number; week: number } {
  const [year = '0', n = '0'] = week.split('-W');
  return { year: Number(year), week: Number(n) };
}

/** A round top for a bar chart's scale, and its ticks (whole numbers only). */
export function scale(max: number): { top: number; ticks: number[] } {
  if (max <= 0) return { top: 1, ticks: [0, 1] };
  if (max <= 5) return { top: max, ticks: Array.from({ length: max + 1 }, (_, i) => i) };
  const magnitude = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => max / s <= 5) ?? 10 * magnitude;
  const top = Math.ceil(max / step) * step;
  return { top, ticks: Array.from({ length: top / step + 1 }, (_, i) => i * step) };
}
