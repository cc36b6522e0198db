import { buildSnippet, occurrences } from '../../shared/search/snippet';

const marked = (text: string, query: string, width?: number) => {
  const { snippet, highlights } = buildSnippet(text, query, width);
  return { snippet, marks: highlights.map(([a, b]) => snippet.slice(a, b)) };
};

describe('snippets', () => {
  test('a short passage is shown whole with every occurrence marked', () => {
    expect(marked('请各单位做好预算编制，预算编制要细。', '预算编制')).toEqual({
      snippet: '请各单位做好预算编制，预算编制要细。',
      marks: ['预算编制', '预算编制'],
    });
  });

  test('a long passage is cut around the densest matches, with ellipses', () => {
    const text = `${'甲'.repeat(200)}社保基金管理和社保政策${'乙'.repeat(200)}`;
    const { snippet, marks } = marked(text, '社保');
    expect(snippet.startsWith('…') && snippet.endsWith('…')).toBe(true);
    expect(snippet.length).toBeLessThanOrEqual(82);
    expect(marks).toEqual(['社保', '社保']);
  });

  test('Latin words match from their start, case-insensitively, in full-width forms too', () => {
    expect(marked('The Budget, budgetary plans and ＢＵＤＧＥＴ; not nobudget.', 'budg').marks).toEqual([
      'Budget',
      'budgetary',
      'ＢＵＤＧＥＴ',
    ]);
  });

  test('single characters, mixed terms and several terms', () => {
    expect(marked('批税 税收', '税').marks).toEqual(['税', '税']);
    expect(marked('2026年度预算；12026年', '2026年').marks).toEqual(['2026年']);
    expect(marked('通知：预算和社保', '社保 通知').marks).toEqual(['通知', '社保']);
  });

  test('overlapping terms make one range', () => {
    expect(occurrences('预算编制', '预算 预算编制')).toEqual([[0, 4]]);
  });

  test('characters outside the BMP are never split', () => {
    const text = `${'𠀀'.repeat(60)}测试${'𠀀'.repeat(60)}`;
    const { snippet, marks } = marked(text, '测试');
    expect(marks).toEqual(['测试']);
    expect(snippet.replace(/…/g, '')).toMatch(/^(?:𠀀)+测试(?:𠀀)+$/u);
  });

  test('no occurrence (or an unsearchable query): the start of the passage, nothing marked', () => {
    expect(buildSnippet('甲'.repeat(100), '乙')).toEqual({ snippet: `${'甲'.repeat(80)}…`, highlights: [] });
    expect(buildSnippet('短文', '"*')).toEqual({ snippet: '短文', highlights: [] });
  });
});
