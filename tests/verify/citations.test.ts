import { findCitations, normalizeCitations, stripCitations } from '../../shared/summarize/citations';

describe('findCitations', () => {
  test.each([
    ['增长5%。[P3]', ['P3']],
    ['[P3][P7]', ['P3'], ['P7']],
    ['[P3, P7]', ['P3', 'P7']],
    ['[P3，P7]', ['P3', 'P7']],
    ['[P3、P7]', ['P3', 'P7']],
    ['【P3】', ['P3']],
    ['〔P3〕', ['P3']],
    ['[p3]', ['P3']],
    ['[ P 12 ]', ['P12']],
    ['［Ｐ３］', ['P3']],
  ])('%s', (text, ...expected) => {
    expect(findCitations(text).map((m) => m.labels)).toEqual(expected);
  });

  test('offsets cover the whole marker', () => {
    const text = '增长5%【P3、P7】。';
    const [m] = findCitations(text);
    expect(text.slice(m!.start, m!.end)).toBe('【P3、P7】');
  });

  test.each(['[3]', '[P]', '【要点】', '(P3)', 'P3', '[Q3]'])('%s is no citation', (text) => {
    expect(findCitations(text)).toEqual([]);
  });
});

describe('normalizeCitations', () => {
  test.each([
    ['见[P3, P7]。', '见[P3][P7]。'],
    ['见[P3，P7]', '见[P3][P7]'],
    ['见[P3、p7]', '见[P3][P7]'],
    ['见【P3】〔P4〕', '见[P3][P4]'],
    ['见［Ｐ１２］', '见[P12]'],
    ['已是[P3][P7]', '已是[P3][P7]'],
  ])('%s → %s', (text, expected) => {
    expect(normalizeCitations(text)).toBe(expected);
  });
});

describe('stripCitations', () => {
  test('removes markers and the blanks before them', () => {
    expect(stripCitations('增长5%。 [P3][P4]\n城镇就业【P5、P6】稳定')).toBe('增长5%。\n城镇就业稳定');
  });
});
