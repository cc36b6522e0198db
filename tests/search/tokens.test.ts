import { countTerm, idf, termWeight } from '../../shared/search/bm25';
import { indexTokens, queryTerms, termExpression, tokenList } from '../../shared/search/tokens';

describe('search tokens', () => {
  test('Han runs become overlapping bigrams plus the last character; words are lower-cased', () => {
    expect(indexTokens('关于预算编制的通知')).toBe('关于 于预 预算 算编 编制 制的 的通 通知 知');
    expect(indexTokens('批税。Budget 2026年度')).toBe('批税 税 budget 2026 年度 度');
    expect(indexTokens('税')).toBe('税');
    expect(indexTokens('，。！ ')).toBe('');
  });

  test('NFKC folds full-width forms; characters outside the BMP stay whole', () => {
    expect(indexTokens('ＢＵＤＧＥＴ２０２６')).toBe('budget2026');
    expect(indexTokens('𠀀𠀁中')).toBe('𠀀𠀁 𠀁中 中');
  });

  test('tokenList is indexTokens as an array', () => {
    for (const text of ['关于预算编制的通知', 'a b', '', '𠀀中x']) {
      expect(tokenList(text)).toEqual(indexTokens(text) ? indexTokens(text).split(' ') : []);
    }
  });

  test('a query term mirrors the index: trailing unigram where a Han run ended, prefix at the end', () => {
    expect(queryTerms('预算编制')).toEqual([{ tokens: ['预算', '算编', '编制'], prefix: false }]);
    expect(queryTerms('税')).toEqual([{ tokens: ['税'], prefix: true }]);
    expect(queryTerms('budg')).toEqual([{ tokens: ['budg'], prefix: true }]);
    expect(queryTerms('2026年')).toEqual([{ tokens: ['2026', '年'], prefix: true }]);
    // 预算 ended before 2026 in any text that matches, so its unigram 算 sits between them.
    expect(queryTerms('预算2026')).toEqual([{ tokens: ['预算', '算', '2026'], prefix: true }]);
    expect(queryTerms('  通知   预算 ')).toHaveLength(2);
  });

  test('term expressions quote every token, so query syntax is inert', () => {
    const expressions = (q: string) => queryTerms(q).map(termExpression);
    expect(expressions('预算编制 budg')).toEqual(['"预算" + "算编" + "编制"', '"budg"*']);
    expect(expressions('a" OR NEAR(b*) -c')).toEqual(['"a"*', '"or"*', '"near" + "b"*', '"c"*']);
    for (const q of ['', '   ', '"', '*', '-', '()', '^', '。，']) expect(expressions(q)).toEqual([]);
  });
});

describe('bm25', () => {
  test('counts phrase instances as FTS5 does, prefix on the last token only', () => {
    const tokens = tokenList('预算编制预算编制 budget budgets');
    expect(countTerm(tokens, queryTerms('预算编制')[0]!)).toBe(2);
    expect(countTerm(tokens, queryTerms('budg')[0]!)).toBe(2);
    expect(countTerm(tokens, { tokens: ['budg'], prefix: false })).toBe(0);
    expect(countTerm(tokenList('哈哈哈'), queryTerms('哈哈')[0]!)).toBe(2);
  });

  test('weights grow with occurrences and shrink with length; IDF is floored like FTS5', () => {
    expect(termWeight(2, 50, 50)).toBeGreaterThan(termWeight(1, 50, 50));
    expect(termWeight(1, 20, 50)).toBeGreaterThan(termWeight(1, 80, 50));
    expect(termWeight(0, 20, 50)).toBe(0);
    expect(idf(10, 1000)).toBeCloseTo(Math.log(990.5 / 10.5));
    expect(idf(900, 1000)).toBe(1e-6);
  });
});
