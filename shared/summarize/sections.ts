/**
 * Reads a summary's layout back into its sections for the structured view (overview, points,
 * the action-items table, the dates): Wenshu's own `【要点】` layout and the variations a model
 * writes (`要点：`, `## Key points`, `**行动事项**`, bullets `- ` `1. ` `1．` `（一）`, table rows).
 */
import { addresseeOf, findDate, findDeadline } from './actions';
import { findCitations, stripCitations } from './citations';
import { sectionOfHeading } from './headings';
import type { SummarySection } from './headings';

export interface SummaryLine {
  /** The line's text without its bullet and citation markers, trimmed. */
  text: string;
  /** Labels it cites, in order, once each (`P3`). */
  citations: string[];
  /** Offsets of the line's content (bullet excluded, markers included) in the summary. */
  start: number;
  end: number;
}

export interface SummaryAction {
  who: string | null;
  what: string;
  deadline: string | null;
  citations: string[];
  start: number;
  end: number;
}

export interface SummaryDate {
  /** The date as the summary writes it; '' when the line names none. */
  date: string;
  what: string;
  citations: string[];
  start: number;
  end: number;
}

export interface ParsedSummary {
  overview: SummaryLine[];
  points: SummaryLine[];
  actions: SummaryAction[];
  dates: SummaryDate[];
  /** Lines before any heading (a one-sentence summary) or under a heading of no known section. */
  other: SummaryLine[];
}

function citationsOf(text: string): { plain: string; labels: string[] } {
  const labels = [...new Set(findCitations(text).flatMap((c) => c.labels))];
  // Markdown bold (**各省级人民政府**) is emphasis, not text.
  return { plain: stripCitations(text).replace(/\*\*/gu, '').trim(), labels };
}

/** Heading forms around a section word: 【要点】, ## 要点, **要点**, 要点：, 一、要点, 要点. */
const HEADING_FORMS = [
  /^【([^】]{1,24})】\s*(.*)$/u,
  /^#{1,6}\s*(.{1,24}?)\s*#*$/u,
  /^\*\*(.{1,24}?)[:：]?\*\*[:：]?\s*(.*)$/u,
  /^(?:[一二三四五六七八九十]{1,2}[、.．]\s*)?([^：:]{1,24}?)\s*[:：]\s*(.*)$/u,
  /^(?:[一二三四五六七八九十]{1,2}[、.．]\s*)?(\S.{0,15})$/u,
];

/** The section a line opens and the content after its heading, or null for a line of content. */
function headingOf(line: string): { section: SummarySection | 'other'; rest: string; restAt: number } | null {
  for (const [i, form] of HEADING_FORMS.entries()) {
    const m = form.exec(line);
    if (!m) continue;
    const word = m[1]!.replace(/^\*+|\*+$/gu, '').replace(/^(?:[一二三四五六七八九十]{1,2}[、.．]\s*)/u, '');
    const section = sectionOfHeading(word);
    const rest = m[2] ?? '';
    // A 【…】 or ## line of no known section is still a heading; a `word：` line is content.
    if (section || (i < 2 && !rest)) return { section: section ?? 'other', rest, restAt: line.length - rest.length };
  }
  return null;
}

/** Bullets a list item starts with: - * • 1. 1．1、(1) （一） 一、. */
const BULLET =
  /^(?:[-*+]\s+|[•·●▪]\s*|\d{1,2}[.．、)）](?!\d)\s*|[（(](?:\d{1,2}|[一二三四五六七八九十]{1,3})[）)]\s*|[一二三四五六七八九十]{1,3}、\s*)/u;
const TABLE_RULE = /^\|?[\s:|-]+\|?$/u;

/** Labelled fields of an action line: 责任方：…；事项：…；期限：…. */
const FIELD =
  /(责任方|责任单位|负责单位|牵头单位|who|owner|事项|任务|内容|what|task|期限|截止时间|时限|deadline|due)\s*[:：]\s*([^；;|]+)/giu;
const FIELD_OF: Record<string, 'who' | 'what' | 'deadline'> = {
  责任方: 'who',
  责任单位: 'who',
  负责单位: 'who',
  牵头单位: 'who',
  who: 'who',
  owner: 'who',
  事项: 'what',
  任务: 'what',
  内容: 'what',
  what: 'what',
  task: 'what',
  期限: 'deadline',
  截止时间: 'deadline',
  时限: 'deadline',
  deadline: 'deadline',
  due: 'deadline',
};

/** The fields of an action line: `who：what（期限：…）`, labelled fields, or a table row `| who | what | deadline |`. */
function actionOf(content: string, line: SummaryLine): SummaryAction | null {
  const fields = [...line.text.matchAll(FIELD)];
  if (fields.length >= 2) {
    const get = (f: 'who' | 'what' | 'deadline'): string | null => {
      const field = fields.find((m) => FIELD_OF[m[1]!.toLowerCase()] === f);
      return field ? field[2]!.trim().replace(/[。.]$/u, '') || null : null;
    };
    const what = get('what') ?? line.text;
    return { ...line, who: get('who'), what, deadline: get('deadline') ?? findDeadline(what) };
  }
  if (content.startsWith('|')) {
    const cells = content
      .replace(/^\||\|$/gu, '')
      .split('|')
      .map((c) => citationsOf(c).plain);
    if (TABLE_RULE.test(content) || !cells[1] || /^(?:责任|事项|who|what)/iu.test(cells[0] ?? '')) return null;
    return { ...line, who: cells[0] || null, what: cells[1], deadline: cells[2] || findDeadline(cells[1]) };
  }
  let what = line.text;
  let deadline: string | null = null;
  const limit = /[（(]\s*(?:期限|截止|时限|deadline|due|by)\s*[:：]?\s*([^）)]+)[）)]/iu.exec(what);
  if (limit) {
    deadline = limit[1]!.trim();
    what = (what.slice(0, limit.index) + what.slice(limit.index + limit[0].length)).trim();
  }
  const who = /^([^：:，。；,;]{1,30})[：:]\s*(.+)$/u.exec(what);
  if (who) what = who[2]!;
  return { ...line, who: who ? who[1]!.trim() : addresseeOf(what), what, deadline: deadline ?? findDeadline(what) };
}

function dateOf(line: SummaryLine): SummaryDate {
  const m = /^([^：:，。；]{1,40}?)\s*(?:[：:]|\s[—–-]\s)\s*(.+)$/u.exec(line.text);
  if (m && (findDate(m[1]!) || /\d/u.test(m[1]!))) return { ...line, date: m[1]!.trim(), what: m[2]! };
  return { ...line, date: findDate(line.text) ?? '', what: line.text };
}

export function parseSummary(text: string): ParsedSummary {
  const out: ParsedSummary = { overview: [], points: [], actions: [], dates: [], other: [] };
  let section: SummarySection | 'other' = 'other';
  let at = 0;
  for (const raw of text.split('\n')) {
    const lineStart = at;
    at += raw.length + 1;
    const lead = raw.length - raw.trimStart().length;
    let content = raw.trim();
    let contentAt = lineStart + lead;
    if (!content) continue;
    const head = headingOf(content);
    if (head) {
      section = head.section;
      content = head.rest.trim();
      contentAt += head.restAt;
      if (!content) continue;
    }
    const bullet = BULLET.exec(content)?.[0].length ?? 0;
    content = content.slice(bullet);
    const { plain, labels } = citationsOf(content);
    if (!plain && !labels.length) continue;
    const line: SummaryLine = {
      text: plain,
      citations: labels,
      start: contentAt + bullet,
      end: contentAt + bullet + content.length,
    };
    if (section === 'actions') {
      const action = actionOf(content, line);
      if (action) out.actions.push(action);
    } else if (section === 'dates') out.dates.push(dateOf(line));
    else out[section].push(line);
  }
  return out;
}
