import { wrapLine } from '../../electron/export/wrap';

// Line breaking by measured width. Widths here: CJK and full-width forms 1, everything else 0.5.
const measure = (ch: string) => (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 1 : 0.5);
const width = (line: string) => Array.from(line).reduce((w, ch) => w + measure(ch), 0);

describe('wrapLine', () => {
  it('breaks Chinese text between any two characters, filling each line', () => {
    const text = '优化营商环境是培育和激发市场主体活力增强发展内生动力的关键之举';
    const lines = wrapLine(text, 10, measure);
    expect(lines.join('')).toBe(text);
    expect(lines.slice(0, -1).every((l) => width(l) === 10)).toBe(true);
  });

  it('never starts a line with closing punctuation nor ends one with opening punctuation', () => {
    // Ten characters fit: the 11th (，) may not open a line, so 十 goes down with it.
    expect(wrapLine('一二三四五六七八九十，一二三', 10, measure)).toEqual(['一二三四五六七八九', '十，一二三']);
    // （ would be the 10th character: it may not close a line, so it goes down.
    expect(wrapLine('一二三四五六七八九（注）', 10, measure)).toEqual(['一二三四五六七八九', '（注）']);
    // “ and ” likewise, and 。” together.
    expect(wrapLine('一二三四五六七八“九”。', 9, measure)).toEqual(['一二三四五六七八', '“九”。']);
  });

  it('squeezes closing punctuation into a line when it overflows by at most half its width', () => {
    expect(wrapLine('一二三四五六七八九，十', 9.5, measure)).toEqual(['一二三四五六七八九，', '十']);
    expect(wrapLine('一二三四五六七八九，十', 9.4, measure)).toEqual(['一二三四五六七八', '九，十']);
  });

  it('keeps Latin words, numbers and codes whole and breaks at spaces', () => {
    const lines = wrapLine('按照GB/T 9704-2012 the quick brown fox jumps over the lazy dog', 12, measure);
    expect(lines.every((l) => width(l) <= 12)).toBe(true);
    const words = lines.join(' ').split(/\s+/);
    expect(words).toEqual([
      '按照GB/T',
      '9704-2012',
      'the',
      'quick',
      'brown',
      'fox',
      'jumps',
      'over',
      'the',
      'lazy',
      'dog',
    ]);
    expect(lines.every((l) => l === l.trim())).toBe(true);
  });

  it('breaks a run wider than the line where the line is full', () => {
    const url = `https://example.gov.cn/${'x'.repeat(100)}`;
    const lines = wrapLine(`见${url}。`, 10, measure);
    expect(lines.join('')).toBe(`见${url}。`);
    expect(lines.every((l) => width(l) <= 10)).toBe(true);
    expect(lines.slice(1, -1).every((l) => width(l) === 10)).toBe(true);
  });

  it('keeps the paragraph indent and takes a width per line', () => {
    const lines = wrapLine('　　第一行缩进两个字符然后继续写下去直到换行', (n) => (n ? 8 : 10), measure);
    expect(lines[0]).toBe('　　第一行缩进两个字');
    expect(lines.slice(1).every((l) => width(l) <= 8)).toBe(true);
  });

  it('puts a character wider than the line on its own line and returns one line for empty text', () => {
    expect(wrapLine('中文', 0.5, measure)).toEqual(['中', '文']);
    expect(wrapLine('', 10, measure)).toEqual(['']);
  });
});
