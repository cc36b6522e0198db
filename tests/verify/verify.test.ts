import { SourceIndex, verifySummary } from '../../shared/verify/verify';
import type { SentenceVerdict, SourcePassage } from '../../shared/verify/types';

const passages = (texts: string[]): SourcePassage[] =>
  texts.map((text, i) => ({ label: `P${i + 1}`, id: `doc#${i}`, documentId: 'doc', page: 1, paragraph: i, text }));

const SOURCE = passages([
  '关于做好2026年春季农业生产工作的通知',
  '2025年，全省粮食总产量达到1,350万吨，比上年增长2.1%，农民人均可支配收入1.8万元。',
  '今年要新建高标准农田120万亩，省财政安排专项资金35亿元，重点支持粮食主产县。',
  '各市县要在2026年3月5日前完成春播物资储备检查，确保化肥、农药、种子供应充足。',
  '省农业农村厅负责统筹协调，省财政厅负责资金保障，广州、韶关等地要做好示范。',
  '会议强调，要坚持“藏粮于地、藏粮于技”，严守耕地红线，国产C919客机参与农业航空测绘。',
  '全体公民放假的假日增加2天，其中春节、劳动节各增加1天。春节自农历除夕起放假调休8天，劳动节放假调休5天。',
]);

function check(summary: string, options = { requireCitations: true }): SentenceVerdict[] {
  const verdicts = verifySummary(summary, SOURCE, options);
  // Every problem's offsets point at its words in the summary, for inline highlighting.
  for (const v of verdicts) {
    for (const p of v.problems) expect(summary.slice(p.start, p.end)).toBe(p.text);
    expect(v.start).toBeLessThan(v.end);
  }
  return verdicts;
}
const only = (summary: string, options?: { requireCitations: boolean }) => {
  const verdicts = check(summary, options);
  expect(verdicts).toHaveLength(1);
  return verdicts[0]!;
};
const kinds = (v: SentenceVerdict) => v.problems.map((p) => p.kind);

describe('verifySummary: supported', () => {
  test.each([
    ['verbatim', '今年要新建高标准农田120万亩，省财政安排专项资金35亿元。[P3]'],
    ['marker before the stop', '今年计划新建高标准农田120万亩[P3]。'],
    ['another notation', '2025年全省粮食总产量达到1350万吨，增长百分之二点一。[P2]'],
    ['approximately, rounded', '农民人均可支配收入约2万元。[P2]'],
    ['a discourse phrase added', '通知要求，各市县在2026年3月5日前完成春播物资储备检查。[P4]'],
    ['the year of a month-day known', '各市县要在3月5日前完成春播物资储备检查。[P4]'],
    ['an action line', '- 各市县：完成春播物资储备检查（期限：2026年3月5日前）。[P4]'],
    ['a quotation', '要坚持“藏粮于地、藏粮于技”。[P6]'],
  ])('%s', (_name, summary) => {
    const v = only(summary);
    expect(v.problems).toEqual([]);
    expect(v.verdict).toBe('supported');
    expect(v.evidence?.label).toBe(summary.match(/P\d+/)![0]);
  });

  test('the verdict carries the sentence, its span, its labels and its evidence', () => {
    const summary = '【要点】\n1. 今年要新建高标准农田120万亩。[P3]';
    const v = only(summary);
    expect(v).toMatchObject({
      index: 0,
      text: '今年要新建高标准农田120万亩。',
      citations: ['P3'],
      verdict: 'supported',
    });
    expect(summary.slice(v.start, v.end)).toBe('今年要新建高标准农田120万亩。[P3]');
    expect(v.evidence).toEqual({ passageId: 'doc#2', label: 'P3', page: 1, paragraph: 2, text: SOURCE[2]!.text });
  });
});

describe('verifySummary: figures', () => {
  test.each([
    ['a number', '今年要新建高标准农田130万亩。[P3]', 'number', '130万亩', '120万亩'],
    ['a percentage', '全省粮食总产量比上年增长2.2%。[P2]', 'percent', '2.2%', '2.1%'],
    ['a sum of money', '省财政安排专项资金36亿元。[P3]', 'amount', '36亿元', '35亿元'],
    ['a scale', '省财政安排专项资金35万元。[P3]', 'unit', '35万元', '35亿元'],
    ['a date', '各市县要在2026年3月6日前完成春播物资储备检查。[P4]', 'date', '2026年3月6日', '2026年3月5日'],
    ['a designation', '国产C929客机参与农业航空测绘。[P6]', 'number', 'C929', 'C919'],
  ])('%s changed: contradicted, saying what the source says', (_name, summary, kind, words, says) => {
    const v = only(summary);
    expect(v.verdict).toBe('contradicted');
    expect(v.problems).toHaveLength(1);
    expect(v.problems[0]).toMatchObject({ kind, text: words });
    expect(v.problems[0]!.detail).toBe(`${words} not in the cited passage (it says ${says})`);
  });

  test('a figure equal to one elsewhere in the passage is still caught at its own place', () => {
    const v = only('春节、劳动节各增加8天。[P7]');
    expect(v.verdict).toBe('contradicted');
    expect(v.problems[0]!.detail).toBe('8天 not in the cited passage (it says 1天)');
  });

  test('a figure the evidence has nothing like: unsupported', () => {
    const v = only('全省将在三年内建成二十个智慧农业示范园区。[P2]');
    expect(v.verdict).toBe('unsupported');
    expect(kinds(v)).toEqual(['no_support', 'number', 'number']);
    expect(v.evidence).toBeNull();
  });

  test('a bare year the source names elsewhere is the document’s; one it never names is not', () => {
    expect(only('2026年今年要新建高标准农田120万亩。[P3]').verdict).toBe('supported');
    const v = only('2019年今年要新建高标准农田120万亩。[P3]');
    expect(v.problems.map((p) => [p.kind, p.text])).toEqual([['date', '2019年']]);
  });
});

describe('verifySummary: words', () => {
  test('an altered quotation is contradicted', () => {
    const v = only('要坚持“藏粮于地、藏粮于科技”。[P6]');
    expect(v.verdict).toBe('contradicted');
    expect(v.problems).toEqual([
      expect.objectContaining({
        kind: 'quote',
        text: '藏粮于地、藏粮于科技',
        detail: '“藏粮于地、藏粮于科技” is not verbatim in the source (it says “藏粮于地、藏粮于技”)',
      }),
    ]);
  });

  test('a quotation the source does not hold is unsupported', () => {
    const v = only('会议要求“坚决杜绝撂荒”，严守耕地红线。[P6]');
    expect(v.verdict).toBe('unsupported');
    expect(kinds(v)).toContain('quote');
  });

  test('a place the source does not name', () => {
    const v = only('深圳、韶关等地要做好示范。[P5]');
    expect(v.verdict).toBe('unsupported');
    expect(v.problems).toEqual([expect.objectContaining({ kind: 'entity', text: '深圳' })]);
  });

  test('an organisation the source does not name', () => {
    const v = only('省水利厅负责资金保障。[P5]');
    expect(v.problems.map((p) => [p.kind, p.text])).toEqual([['entity', '省水利厅']]);
  });

  test('an invented clause after a true one is caught at the clause', () => {
    const v = only('今年要新建高标准农田120万亩，同时全面取消农业税附加费用。[P3]');
    expect(v.verdict).toBe('unsupported');
    expect(v.problems.map((p) => [p.kind, p.text])).toEqual([['no_support', '同时全面取消农业税附加费用。']]);
  });

  test('an invented sentence', () => {
    const v = only('国务院决定在全国设立乡村振兴专项督察组，对各地落实情况进行季度巡查。[P2]');
    expect(v.verdict).toBe('unsupported');
    expect(kinds(v)).toEqual(['no_support']);
  });
});

describe('verifySummary: citations', () => {
  test('a label that names no passage (always)', () => {
    const v = only('农民人均可支配收入1.8万元。[P9]', { requireCitations: false });
    expect(v.verdict).toBe('supported');
    expect(v.problems).toEqual([
      expect.objectContaining({ kind: 'citation', text: '[P9]', detail: 'P9 names no passage' }),
    ]);
  });

  test('no marker: a problem only when citations are required', () => {
    expect(only('省农业农村厅负责统筹协调。').problems.map((p) => p.detail)).toEqual(['no citation']);
    expect(only('省农业农村厅负责统筹协调。', { requireCitations: false }).problems).toEqual([]);
  });

  test('words only in a passage it does not cite: supported there, and the label named', () => {
    const v = only('农民人均可支配收入1.8万元。[P6]');
    expect(v.verdict).toBe('supported');
    expect(v.evidence?.label).toBe('P2');
    expect(v.problems).toEqual([
      expect.objectContaining({ kind: 'citation', text: '[P6]', detail: 'the words are in P2, not in the cited P6' }),
    ]);
  });

  test('several labels: the sentence drawn from both is fine', () => {
    const v = only('全省粮食总产量达到1350万吨，今年要新建高标准农田120万亩。[P2][P3]');
    expect(v.problems).toEqual([]);
  });
});

describe('verifySummary: English', () => {
  const english = passages([
    'The City Council adopted the 2025 budget on March 5, 2025. Total spending will reach $1.2 billion, an increase of 4.5 percent over the previous year.',
    'Education receives 38 percent of the general fund. The Riverton School District will hire 120 new teachers.',
    'Mayor Ellen Park said the budget "protects essential services while investing in the future".',
  ]);
  const verdicts = (summary: string) => verifySummary(summary, english, { requireCitations: true });

  test('supported sentences', () => {
    const v = verdicts(
      'The City Council adopted the 2025 budget on March 5, 2025, with total spending of $1.2 billion. [P1] The Riverton School District will hire 120 new teachers. [P2]',
    );
    expect(v.map((s) => [s.verdict, s.problems])).toEqual([
      ['supported', []],
      ['supported', []],
    ]);
  });

  test('changed figures, dates, quotations and names', () => {
    const v = verdicts(
      [
        'Total spending will reach $1.5 billion. [P1]',
        'Spending grows 5.5 percent over the previous year. [P1]',
        'The budget was adopted on March 6, 2025. [P1]',
        'The mayor said the budget "cuts essential services while investing in the future". [P3]',
        'The Texas School District will hire 120 new teachers. [P2]',
      ].join('\n'),
    );
    expect(v.map((s) => [s.verdict, s.problems.map((p) => p.kind)])).toEqual([
      ['contradicted', ['amount']],
      ['contradicted', ['percent']],
      ['contradicted', ['date']],
      ['contradicted', ['quote']],
      ['unsupported', ['entity']],
    ]);
    expect(v[3]!.problems[0]!.detail).toContain(
      '(it says “protects essential services while investing in the future”)',
    );
  });
});

describe('SourceIndex', () => {
  test('checks again with the same results as verifySummary', () => {
    const index = new SourceIndex(SOURCE);
    const summary = '今年要新建高标准农田130万亩。[P3]\n深圳、韶关等地要做好示范。[P5]';
    const first = index.verify(summary, { requireCitations: true });
    expect(index.verify(summary, { requireCitations: true })).toEqual(first);
    expect(verifySummary(summary, SOURCE, { requireCitations: true })).toEqual(first);
  });

  test('an empty source supports nothing and crashes on nothing', () => {
    const verdicts = verifySummary('省农业农村厅负责统筹协调。[P3]\n今年要新建高标准农田120万亩。', []);
    expect(verdicts.map((v) => [v.verdict, v.evidence, v.problems.map((p) => p.kind)])).toEqual([
      ['unsupported', null, ['no_support', 'entity', 'citation']],
      ['unsupported', null, ['no_support', 'number']],
    ]);
  });
});
