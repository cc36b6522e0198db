import type { TextLanguage } from './language';

/** The sections of a summary, in the order they are written. */
export const SUMMARY_SECTIONS = ['overview', 'points', 'actions', 'dates'] as const;
export type SummarySection = (typeof SUMMARY_SECTIONS)[number];

/** The heading word of each section, as Wenshu writes it and as the model is asked to. */
export const SECTION_HEADINGS: Record<SummarySection, Record<TextLanguage, string>> = {
  overview: { zh: '概述', en: 'Overview' },
  points: { zh: '要点', en: 'Key points' },
  actions: { zh: '行动事项', en: 'Action items' },
  dates: { zh: '重要日期', en: 'Key dates' },
};

/**
 * Other words a model writes for the same sections; compared with case and spaces ignored
 * (see sectionOfHeading).
 */
const ALIASES: Record<SummarySection, readonly string[]> = {
  overview: ['摘要', '概要', '总述', '综述', '总体情况', 'summary', 'overview'],
  points: ['主要内容', '核心要点', '主要要点', '关键要点', '要点摘要', 'keypoints', 'mainpoints', 'highlights'],
  actions: ['行动项', '待办事项', '工作要求', '任务分工', '落实事项', 'actionitems', 'actions', 'todo', 'tasks'],
  dates: ['关键日期', '时间节点', '重要时间', '日期', 'keydates', 'importantdates', 'dates', 'deadlines'],
};

/** A section's heading line: `【要点】`, `【Key points】`. */
export function heading(section: SummarySection, language: TextLanguage): string {
  return `【${SECTION_HEADINGS[section][language]}】`;
}

const fold = (word: string): string => word.replace(/[\s_-]+/gu, '').toLowerCase();

const BY_WORD = new Map<string, SummarySection>(
  SUMMARY_SECTIONS.flatMap((s) =>
    [SECTION_HEADINGS[s].zh, SECTION_HEADINGS[s].en, ...ALIASES[s]].map((w) => [fold(w), s] as const),
  ),
);

/** The section a heading word names (`要点`, `Key Points`, `行动项`), or null. */
export function sectionOfHeading(word: string): SummarySection | null {
  return BY_WORD.get(fold(word)) ?? null;
}
