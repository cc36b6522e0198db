/**
 * The offline summary on real 公文 (two 通知, five government work reports, three NPC
 * resolutions): every sentence is quoted verbatim from the passage its marker names, counts follow
 * the preset, the output is deterministic, and a selection draws on each of its documents.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseTextDocument } from '../../electron/ingest/text-document';
import type { SummaryPreset } from '../../shared/domain/summary';
import { findCitations } from '../../shared/summarize/citations';
import { detectLanguage, sentenceSpans } from '../../shared/summarize/language';
import { offlineSummary } from '../../shared/summarize/offline';
import { parseSummary } from '../../shared/summarize/sections';
import type { SourcePassage } from '../../shared/verify/types';

const REAL = path.join(__dirname, '../../../shared/fixtures/real/gongwen');
const FILES = fs.readdirSync(REAL).filter((f) => f.endsWith('.txt'));
const HOLIDAYS = 'indexid-15485341816__tongzhi_guobanfamingdian-2024-12.txt';
const BUSINESS = 'indexid-30450065090__tongzhi_guobanfa-2022-35.txt';
const REPORT_2024 = 'chinese-political-corpora__government_work_report_2024.txt';
const PRESETS: SummaryPreset[] = ['one_sentence', 'key_points', 'detailed'];

/** The passages of the files as one selection: labels P1…Pn over all of them, ids `doc<i>#seq`. */
function selection(...fileNames: string[]): SourcePassage[] {
  let n = 0;
  return fileNames.flatMap((fileName, d) => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(REAL, fileName)));
    return parseTextDocument(bytes, fileName, 'txt').passages.map((p) => ({
      label: `P${++n}`,
      id: `doc${d}#${p.seq}`,
      documentId: `doc${d}`,
      page: p.page,
      paragraph: p.paragraph,
      text: p.text,
    }));
  });
}

const HEADING = /^【[^】]+】$/u;
const BULLET = /^(?:\d+\. |- )/u;

/**
 * Checks that each quoted piece (the text before each marker) stands verbatim in the passage the
 * marker names; in a `- who：what` or `- date：what` line, `what` is the quote and the prefix is
 * words of the same passage. Returns the pieces checked.
 */
function expectGrounded(summary: string, passages: readonly SourcePassage[]): number {
  const byLabel = new Map(passages.map((p) => [p.label, p.text]));
  let checked = 0;
  for (const line of summary.split('\n')) {
    if (HEADING.test(line)) continue;
    let from = 0;
    const markers = findCitations(line);
    expect(markers.length).toBeGreaterThan(0);
    for (const m of markers) {
      expect(m.labels).toHaveLength(1);
      const source = byLabel.get(m.labels[0]!);
      expect(source).toBeDefined();
      let quote = line.slice(from, m.start).replace(BULLET, '').trim();
      from = m.end;
      if (!source!.includes(quote) && line.startsWith('- ')) {
        const sep = quote.search(/[：:]/u);
        const prefix = quote.slice(0, sep);
        quote = quote.slice(sep + 1).trim();
        // The date or addressee comes from the same passage: every piece of it is there.
        for (const piece of prefix.split(/[至、]/u)) expect(source).toContain(piece.replace(/^\d+年/u, ''));
      }
      expect(source).toContain(quote);
      checked++;
    }
  }
  return checked;
}

describe('offline summary of one real document', () => {
  test.each(FILES.flatMap((f) => PRESETS.map((p) => [f, p] as const)))('%s, %s: verbatim and cited', (file, preset) => {
    const passages = selection(file);
    const summary = offlineSummary(passages, preset);
    expect(expectGrounded(summary, passages)).toBeGreaterThan(0);
    if (preset === 'one_sentence') {
      expect(summary).not.toContain('\n');
      expect(findCitations(summary)).toHaveLength(1);
      expect(summary).toMatch(/\[P\d+\]$/u);
    }
  });

  test('counts per preset scale with length', () => {
    const count = (file: string, preset: SummaryPreset) => parseSummary(offlineSummary(selection(file), preset));
    for (const file of [BUSINESS, REPORT_2024, 'chinese-political-corpora__government_work_report_1979.txt']) {
      const keyPoints = count(file, 'key_points');
      expect(keyPoints.points.length).toBeGreaterThanOrEqual(5);
      expect(keyPoints.points.length).toBeLessThanOrEqual(8);
      expect(keyPoints.overview).toEqual([]);
      const detailed = count(file, 'detailed');
      expect(detailed.points.length).toBeGreaterThanOrEqual(10);
      expect(detailed.points.length).toBeLessThanOrEqual(15);
      expect(detailed.overview.length).toBeGreaterThan(0);
    }
    const short = count(BUSINESS, 'key_points').points.length;
    const long = count(REPORT_2024, 'key_points').points.length;
    expect(long).toBeGreaterThan(short);
  });

  test('国办发〔2022〕35号, detailed: the purpose sentence opens, the directives and the deadline are listed', () => {
    const summary = offlineSummary(selection(BUSINESS), 'detailed');
    const lines = summary.split('\n');
    expect(lines[0]).toBe('【概述】');
    expect(lines[1]).toContain(
      '为进一步扩大改革效果，推动全国营商环境整体改善，经国务院同意，决定在全国范围内复制推广一批营商环境创新试点改革举措。[P5]',
    );
    expect(lines).toContain('【要点】');
    expect(lines).toContain('【行动事项】');
    expect(summary).toMatch(/^- 国务院各有关部门：要结合自身职责.*确保2022年底前落实到位。\[P17\]$/mu);
    expect(summary).toMatch(/^- 2022年底：.*\[P17\]$/mu);
    // 版头: the 文号 and the 主送 line are never quoted.
    expect(summary).not.toContain('国办发〔2022〕35号');
    expect(summary).not.toContain('国务院各部委、各直属机构：');
  });

  test('the holiday notice, key points: the holidays are the points and the dates', () => {
    const summary = offlineSummary(selection(HOLIDAYS), 'key_points');
    expect(summary).toContain('【重要日期】');
    expect(summary).toContain(
      '- 1月28日至2月4日：春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。[P8]',
    );
    expect(summary).toContain('- 各地区、各部门：节假日期间，各地区、各部门要妥善安排好值班');
    const parsed = parseSummary(summary);
    // Points do not repeat a line listed under the dates while there are others to say.
    const listed = new Set(parsed.dates.map((d) => d.what));
    expect(parsed.points.every((p) => !listed.has(p.text))).toBe(true);
  });

  test('one sentence: the purpose of a 通知', () => {
    expect(offlineSummary(selection(BUSINESS), 'one_sentence')).toBe(
      '为进一步扩大改革效果，推动全国营商环境整体改善，经国务院同意，决定在全国范围内复制推广一批营商环境创新试点改革举措。[P5]',
    );
  });

  test('deterministic: the same passages give the same text', () => {
    for (const preset of PRESETS) {
      const a = offlineSummary(selection(REPORT_2024, BUSINESS), preset);
      const b = offlineSummary(selection(REPORT_2024, BUSINESS), preset);
      expect(b).toBe(a);
    }
  });

  test('headings in English when asked; the quotes stay as written', () => {
    const summary = offlineSummary(selection(BUSINESS), 'detailed', { language: 'en' });
    expect(summary.split('\n').filter((l) => HEADING.test(l))).toEqual([
      '【Overview】',
      '【Key points】',
      '【Action items】',
      '【Key dates】',
    ]);
    expect(summary).toContain('- 国务院各有关部门: 要结合自身职责');
    expectGrounded(summary, selection(BUSINESS));
  });

  test('a title given is not quoted, and its words mark sentences as on topic', () => {
    const passages = selection(HOLIDAYS);
    const title = '国务院办公厅关于2025年部分节假日安排的通知';
    const summary = offlineSummary(passages, 'detailed', { titles: { doc0: title } });
    expect(summary).not.toContain('国务院办公厅关于2025年');
    expectGrounded(summary, passages);
  });
});

describe('offline summary of a selection', () => {
  const files = [HOLIDAYS, BUSINESS, REPORT_2024];
  const passages = selection(...files);
  const documentOf = new Map(passages.map((p) => [p.label, p.documentId!]));
  /** How many citations of the lines name each document, in order of first citation. */
  const docsCited = (lines: { citations: string[] }[]): Map<string, number> =>
    lines
      .flatMap((l) => l.citations.map((c) => documentOf.get(c)!))
      .reduce((n, d) => n.set(d, (n.get(d) ?? 0) + 1), new Map<string, number>());

  test.each(PRESETS)('%s: verbatim and cited, labels over all documents', (preset) => {
    expectGrounded(offlineSummary(passages, preset), passages);
  });

  test('points come from every document, in proportion to its length, in document order', () => {
    const parsed = parseSummary(offlineSummary(passages, 'detailed'));
    const perDoc = docsCited(parsed.points);
    expect([...perDoc.keys()]).toEqual(['doc0', 'doc1', 'doc2']);
    expect(perDoc.get('doc2')).toBeGreaterThan(perDoc.get('doc0')!);
    const labels = parsed.points.map((p) => Number(p.citations[0]!.slice(1)));
    expect(labels).toEqual([...labels].sort((a, b) => a - b));
    // The overview opens each document.
    expect([...docsCited(parsed.overview).keys()]).toEqual(['doc0', 'doc1', 'doc2']);
  });

  test('action items and dates are drawn from each document that has them', () => {
    const parsed = parseSummary(offlineSummary(passages, 'key_points'));
    expect([...docsCited(parsed.actions).keys()]).toEqual(['doc0', 'doc1', 'doc2']);
    expect(parsed.actions.length).toBeLessThanOrEqual(5);
    expect(new Set(docsCited(parsed.dates).keys()).size).toBe(3);
  });
});

describe('small and unusual sources', () => {
  const one = (text: string): SourcePassage[] => [{ label: 'P1', id: 'd#0', documentId: 'd', text }];

  test('no passages, or passages without words: nothing to say', () => {
    for (const preset of PRESETS) {
      expect(offlineSummary([], preset)).toBe('');
      expect(offlineSummary(one('- 3 -'), preset)).toBe('');
    }
  });

  test('one tiny passage: the only sentence there is', () => {
    const passages = one('会议于3月5日召开。');
    expect(offlineSummary(passages, 'one_sentence')).toBe('会议于3月5日召开。[P1]');
    expect(offlineSummary(passages, 'key_points')).toBe(
      '【要点】\n1. 会议于3月5日召开。[P1]\n【重要日期】\n- 3月5日：会议于3月5日召开。[P1]',
    );
    expect(offlineSummary(passages, 'detailed')).toBe(
      '【概述】\n会议于3月5日召开。[P1]\n【重要日期】\n- 3月5日：会议于3月5日召开。[P1]',
    );
    expect(offlineSummary(one('通知'), 'one_sentence')).toBe('通知[P1]');
  });

  test('English text: English sentences, quoted whole', () => {
    const passages: SourcePassage[] = [
      'The city council met on Monday to review the annual budget. Members approved a plan to repair 40 bridges.',
      'Dr. Li presented the transport report, e.g. the new bus lines. The council must publish the final budget by June.',
      'Residents may send comments to the council office. The next meeting is planned for the autumn.',
    ].map((text, i) => ({ label: `P${i + 1}`, id: `en#${i}`, documentId: 'en', text }));
    const summary = offlineSummary(passages, 'key_points', { language: 'en' });
    expect(summary.split('\n')[0]).toBe('【Key points】');
    expect(summary).toContain('Dr. Li presented the transport report, e.g. the new bus lines.[P2]');
    expectGrounded(summary, passages);
    expect(parseSummary(summary).points).toHaveLength(5);
  });
});

describe('language', () => {
  test('detectLanguage by the share of Han characters', () => {
    expect(detectLanguage('国务院办公厅关于WTO规则的通知')).toBe('zh');
    expect(detectLanguage('The Ministry of Finance (财政部) issued the notice on Monday.')).toBe('en');
    expect(detectLanguage('')).toBe('zh');
    expect(detectLanguage(fs.readFileSync(path.join(REAL, REPORT_2024), 'utf8'))).toBe('zh');
  });

  test('sentenceSpans: Chinese marks with their closing quotes; English stops, abbreviations kept', () => {
    const zh = '他说：“今年要完成任务。”随后散会。第三句没有句号';
    expect(sentenceSpans(zh).map((s) => zh.slice(s.start, s.end))).toEqual([
      '他说：“今年要完成任务。”',
      '随后散会。',
      '第三句没有句号',
    ]);
    const en = 'Mr. Wang arrived at 5.30 today, e.g. by bus. He left early! Did he? (Yes.)';
    expect(sentenceSpans(en).map((s) => en.slice(s.start, s.end))).toEqual([
      'Mr. Wang arrived at 5.30 today, e.g. by bus.',
      'He left early!',
      'Did he?',
      '(Yes.)',
    ]);
  });
});
