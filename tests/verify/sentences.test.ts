import { isHeading, splitSentences } from '../../shared/verify/sentences';

const bodies = (summary: string) => splitSentences(summary).map((s) => s.body);

describe('splitSentences', () => {
  test('ends sentences at 。！？ and line breaks', () => {
    expect(bodies('经济回升。就业稳定！物价如何？\n收支平衡')).toEqual([
      '经济回升。',
      '就业稳定！',
      '物价如何？',
      '收支平衡',
    ]);
  });

  test('English: ! ? and . before a blank, not inside figures or after abbreviations', () => {
    expect(bodies('GDP grew 5.2 percent. Mr. Li spoke! Was it 3.5? Yes.')).toEqual([
      'GDP grew 5.2 percent.',
      'Mr. Li spoke!',
      'Was it 3.5?',
      'Yes.',
    ]);
  });

  test('markers right after the end, or right before it, belong to the sentence', () => {
    const summary = '经济回升向好。[P3] [P4]就业稳定[P5]。物价平稳。';
    const sentences = splitSentences(summary);
    expect(sentences.map((s) => [s.raw, s.labels])).toEqual([
      ['经济回升向好。[P3] [P4]', ['P3', 'P4']],
      ['就业稳定[P5]。', ['P5']],
      ['物价平稳。', []],
    ]);
    expect(sentences[1]!.body).toBe('就业稳定。');
    for (const s of sentences) expect(summary.slice(s.start, s.end)).toBe(s.raw);
  });

  test('marker offsets are offsets in the whole summary', () => {
    const summary = '【要点】\n1. 增长5%。【P3、P7】';
    const [s] = splitSentences(summary);
    expect(s!.citations.map((m) => summary.slice(m.start, m.end))).toEqual(['【P3、P7】']);
    expect(s!.labels).toEqual(['P3', 'P7']);
  });

  test.each([
    ['- 事项。[P1]', '事项。'],
    ['* 事项。', '事项。'],
    ['1. 事项。', '事项。'],
    ['1．事项。', '事项。'],
    ['（一）事项。', '事项。'],
    ['一、事项。', '事项。'],
    ['【概述】事项。', '事项。'],
  ])('bullet %s is not part of the body', (line, body) => {
    const [s] = splitSentences(line);
    expect(s!.body).toBe(body);
    expect(line.slice(s!.start)).toMatch(/^事项/);
  });

  test('a decimal at the start of a line is no bullet', () => {
    expect(bodies('1.2万人参加。')).toEqual(['1.2万人参加。']);
  });

  test("Wenshu's layout: headings skipped, each line's sentences in order with their markers", () => {
    const summary = [
      '【概述】',
      '国务院部署营商环境创新试点。[P3]',
      '【要点】',
      '1. 国内生产总值超过126万亿元，增长5.2%。[P5]',
      '【行动事项】',
      '- 各地区、各部门：妥善安排值班（期限：节假日期间）。[P12]',
      '【重要日期】',
      '- 2026年3月5日：召开会议。[P4]',
    ].join('\n');
    expect(splitSentences(summary).map((s) => [s.index, s.body, s.labels])).toEqual([
      [0, '国务院部署营商环境创新试点。', ['P3']],
      [1, '国内生产总值超过126万亿元，增长5.2%。', ['P5']],
      [2, '各地区、各部门：妥善安排值班（期限：节假日期间）。', ['P12']],
      [3, '2026年3月5日：召开会议。', ['P4']],
    ]);
  });

  test('empty segments and marker-only lines are dropped', () => {
    expect(bodies('\n\n。。\n[P3]\n  \n事项。')).toEqual(['事项。']);
  });
});

describe('isHeading', () => {
  test.each([
    '【要点】',
    '【行动事项】',
    '【Key points】',
    '# 摘要',
    '### Summary',
    '主要内容：',
    'Key points:',
    '  【概述】  ',
  ])('%s is a heading', (line) => expect(isHeading(line)).toBe(true));
  test.each([
    '【P3】',
    '【要点】国务院部署试点。',
    '2026年3月5日：',
    '各地区、各部门要妥善安排值班：',
    '截至3月底：',
    '主要内容：[P3]',
    '国务院部署试点。',
  ])('%s is not', (line) => expect(isHeading(line)).toBe(false));
});
