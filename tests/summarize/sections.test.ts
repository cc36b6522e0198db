/**
 * parseSummary: the offline summary of real 通知 read back section by section (Chinese and English
 * headings), and a model's output with the variations models write.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseTextDocument } from '../../electron/ingest/text-document';
import { findActionItems } from '../../shared/summarize/actions';
import { heading, sectionOfHeading, SECTION_HEADINGS } from '../../shared/summarize/headings';
import { offlineSummary } from '../../shared/summarize/offline';
import { parseSummary } from '../../shared/summarize/sections';
import type { SourcePassage } from '../../shared/verify/types';

const REAL = path.join(__dirname, '../../../shared/fixtures/real/gongwen');
const BUSINESS = 'indexid-30450065090__tongzhi_guobanfa-2022-35.txt';
const HOLIDAYS = 'indexid-15485341816__tongzhi_guobanfamingdian-2024-12.txt';

function passagesOf(fileName: string): SourcePassage[] {
  const parsed = parseTextDocument(new Uint8Array(fs.readFileSync(path.join(REAL, fileName))), fileName, 'txt');
  return parsed.passages.map((p) => ({ label: `P${p.seq + 1}`, id: `doc#${p.seq}`, documentId: 'doc', text: p.text }));
}

describe('headings', () => {
  test('the heading line per section and language; the words a model uses map back', () => {
    expect(heading('points', 'zh')).toBe('【要点】');
    expect(heading('actions', 'en')).toBe('【Action items】');
    for (const [section, words] of Object.entries(SECTION_HEADINGS)) {
      expect(sectionOfHeading(words.zh)).toBe(section);
      expect(sectionOfHeading(words.en.toUpperCase())).toBe(section);
    }
    expect(sectionOfHeading('Key Points')).toBe('points');
    expect(sectionOfHeading('行动项')).toBe('actions');
    expect(sectionOfHeading('各省级人民政府')).toBeNull();
  });
});

describe('the offline summary, read back', () => {
  test.each(['zh', 'en'] as const)('国办发〔2022〕35号, detailed, %s headings: every section and line', (language) => {
    const passages = passagesOf(BUSINESS);
    const summary = offlineSummary(passages, 'detailed', { language });
    const parsed = parseSummary(summary);
    const lines = summary.split('\n');

    expect(parsed.overview).toHaveLength(1);
    expect(parsed.overview[0]!.citations).toEqual(['P5']);
    expect(parsed.points).toHaveLength(lines.filter((l) => /^\d+\. /u.test(l)).length);
    expect(parsed.other).toEqual([]);
    // Offsets point at the line's content in the summary, its markers included.
    const all: { text: string; citations: string[]; start: number; end: number }[] = [
      ...parsed.overview,
      ...parsed.points,
      ...parsed.actions.map((a) => ({ ...a, text: a.what })),
      ...parsed.dates.map((d) => ({ ...d, text: d.what })),
    ];
    for (const line of all) {
      const span = summary.slice(line.start, line.end);
      expect(span.endsWith(`[${line.citations.at(-1)}]`)).toBe(true);
      expect(span.replace(/\[P\d+\]/gu, '')).toContain(line.text.slice(-10));
    }
    // The action items table: who / what / deadline as the finder read them from the source.
    const found = findActionItems(passages);
    expect(
      parsed.actions.map(({ who, what, deadline, citations }) => ({ who, what, deadline, label: citations[0] })),
    ).toEqual(found.map(({ who, what, deadline, label }) => ({ who, what, deadline, label })));
    expect(parsed.actions[1]).toMatchObject({ who: '国务院各有关部门', deadline: '2022年底前', citations: ['P17'] });
    expect(parsed.dates).toEqual([expect.objectContaining({ date: '2022年底', citations: ['P17'] })]);
  });

  test('the holiday notice: dates with what happens then', () => {
    const parsed = parseSummary(offlineSummary(passagesOf(HOLIDAYS), 'detailed'));
    expect(parsed.dates.map((d) => d.date)).toEqual(
      expect.arrayContaining(['2025年1月1日', '1月28日至2月4日', '4月4日至6日']),
    );
    expect(parsed.dates.find((d) => d.date === '4月4日至6日')).toMatchObject({
      what: '清明节：4月4日（周五）至6日（周日）放假，共3天。',
      citations: ['P9'],
    });
    expect(parsed.actions).toEqual([
      expect.objectContaining({ who: '各地区、各部门', deadline: null, citations: ['P13'] }),
    ]);
  });

  test('one sentence: no heading, one line of other text', () => {
    const summary = offlineSummary(passagesOf(BUSINESS), 'one_sentence');
    const parsed = parseSummary(summary);
    expect(parsed.other).toEqual([
      { text: summary.replace('[P5]', ''), citations: ['P5'], start: 0, end: summary.length },
    ]);
    expect([parsed.overview, parsed.points, parsed.actions, parsed.dates]).toEqual([[], [], [], []]);
  });
});

describe("a model's variations", () => {
  const MODEL = [
    '## 概述',
    '本通知部署复制推广营商环境创新试点改革举措 [P5]。',
    '',
    '**要点：**',
    '1．在全国复制推广50项改革举措。[P5, P6]',
    '（二）各地区要细化改革举措。【P17】',
    '3、试点城市继续先行先试。[P18]',
    'Key points:',
    '* Monitoring is strengthened. [p19]',
    '**行动事项**',
    '| 责任方 | 事项 | 期限 |',
    '|---|---|---|',
    '| 国务院各有关部门 | 出台配套政策 | 2022年底前 |',
    '- 责任方：各省级人民政府；事项：报送实施方案；期限：2026年3月31日前 [P12]',
    '- **各省级人民政府**：请于2026年3月31日前报送实施方案（期限：2026年3月31日前）。[P12]',
    '- 请各有关单位认真落实。[P9]',
    '- 各地区、各有关部门要及时报告重要情况。[P20][P21]',
    '重要日期：',
    '- 2026年3月5日 — 召开动员会议[P4]',
    '- 3月底前完成自查。[P4]',
    '【其他说明】',
    '以上内容仅供参考。',
  ].join('\n');

  const parsed = parseSummary(MODEL);

  test('headings as ##, **…：**, 要点：, Key points:, 重要日期：; bullets 1． （二） 3、 *', () => {
    expect(parsed.overview.map((l) => [l.text, l.citations])).toEqual([
      ['本通知部署复制推广营商环境创新试点改革举措。', ['P5']],
    ]);
    expect(parsed.points.map((l) => [l.text, l.citations])).toEqual([
      ['在全国复制推广50项改革举措。', ['P5', 'P6']],
      ['各地区要细化改革举措。', ['P17']],
      ['试点城市继续先行先试。', ['P18']],
      ['Monitoring is strengthened.', ['P19']],
    ]);
    expect(parsed.other.map((l) => l.text)).toEqual(['以上内容仅供参考。']);
    const second = parsed.points[1]!;
    expect(MODEL.slice(second.start, second.end)).toBe('各地区要细化改革举措。【P17】');
  });

  test('action items: table rows, labelled fields, who：what（期限：…）, an addressee in the sentence', () => {
    expect(parsed.actions.map(({ who, what, deadline, citations }) => ({ who, what, deadline, citations }))).toEqual([
      { who: '国务院各有关部门', what: '出台配套政策', deadline: '2022年底前', citations: [] },
      { who: '各省级人民政府', what: '报送实施方案', deadline: '2026年3月31日前', citations: ['P12'] },
      {
        who: '各省级人民政府',
        what: '请于2026年3月31日前报送实施方案。',
        deadline: '2026年3月31日前',
        citations: ['P12'],
      },
      { who: '各有关单位', what: '请各有关单位认真落实。', deadline: null, citations: ['P9'] },
      {
        who: '各地区、各有关部门',
        what: '各地区、各有关部门要及时报告重要情况。',
        deadline: null,
        citations: ['P20', 'P21'],
      },
    ]);
  });

  test('dates: `date — what`, or the date found in the line', () => {
    expect(parsed.dates.map(({ date, what }) => ({ date, what }))).toEqual([
      { date: '2026年3月5日', what: '召开动员会议' },
      { date: '3月底', what: '3月底前完成自查。' },
    ]);
  });

  test('empty text and text without layout', () => {
    expect(parseSummary('')).toEqual({ overview: [], points: [], actions: [], dates: [], other: [] });
    expect(parseSummary('\n\n  \n').other).toEqual([]);
    const plain = '会议决定成立工作组。[P1] 工作组由办公厅牵头。[P2]';
    expect(parseSummary(plain).other).toEqual([
      { text: '会议决定成立工作组。 工作组由办公厅牵头。', citations: ['P1', 'P2'], start: 0, end: plain.length },
    ]);
  });
});
