import { checkQuote, findQuotes } from '../../shared/verify/quotes';
import { compact } from '../../shared/verify/text';

describe('findQuotes', () => {
  test('every kind of mark, titles apart', () => {
    const text = '坚持“藏粮于地”，「一网通办」、『放管服』、‘一照多址’，"open data"，根据《全国年节及纪念日放假办法》';
    expect(findQuotes(text).map((q) => [q.text, q.kind])).toEqual([
      ['藏粮于地', 'quote'],
      ['一网通办', 'quote'],
      ['放管服', 'quote'],
      ['一照多址', 'quote'],
      ['open data', 'quote'],
      ['全国年节及纪念日放假办法', 'title'],
    ]);
  });

  test('offsets are those of the quoted words', () => {
    const text = '要求“确保落实到位”。';
    const [q] = findQuotes(text);
    expect(text.slice(q!.start, q!.end)).toBe('确保落实到位');
  });

  test('an outer quotation holds its inner one', () => {
    expect(findQuotes('“开展‘一照多址’改革”').map((q) => q.text)).toEqual(['开展‘一照多址’改革']);
  });

  test('one character quoted, or an apostrophe, is no quotation', () => {
    expect(findQuotes('“好”字当头，it’s the city’s plan')).toEqual([]);
  });
});

describe('checkQuote', () => {
  const source = compact(
    '会议强调，要坚持“藏粮于地、藏粮于技”，严守 耕地 红线。The mayor said it “protects essential services”.',
  );

  test.each([
    '藏粮于地、藏粮于技',
    '严守耕地红线',
    '严守 耕地红线',
    'protects essential services',
    'Protects  essential services',
  ])('“%s” stands in the source', (quote) => expect(checkQuote(quote, source)).toEqual({ found: true }));

  test('half of it standing there: altered, with the place it differs from', () => {
    const check = checkQuote('藏粮于地、藏粮于科技', source);
    expect(check.found).toBe(false);
    expect(check.found === false && check.near && source.slice(check.near.start, check.near.end)).toBe(
      '藏粮于地、藏粮于技,',
    ); // compact: width folded
  });

  test('nothing of it there: absent', () => {
    expect(checkQuote('全面取消农业税附加', source)).toEqual({ found: false, near: null });
  });

  test('a short quotation is absent, never altered', () => {
    expect(checkQuote('藏粮于天', source)).toEqual({ found: false, near: null });
  });
});
