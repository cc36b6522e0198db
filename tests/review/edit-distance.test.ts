import { codePoints, contentEditDistance, editRatio } from '../../electron/services/metrics';
import { mulberry32 } from '../support/random';

const d = (a: string, b: string) => contentEditDistance({ text: a, fields: {} }, { text: b, fields: {} }).distance;

/** Levenshtein by the textbook dynamic programme over code points, for small inputs. */
function levenshtein(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) {
      row[j] = Math.min(
        (prev[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (prev[j - 1] as number) + (x[i - 1] === y[j - 1] ? 0 : 1),
      );
    }
    prev = row;
  }
  return prev[y.length] as number;
}

describe('character edit distance', () => {
  test.each([
    ['', '', 0],
    ['同意', '同意', 0],
    ['abcdefghij', 'abcdefghiX', 1], // a replaced character counts 1
    ['一二三四五', '一二三四五六七八九十', 5],
    ['hello world', 'hello, world!', 2],
    ['kitten', 'sitting', 3],
    ['同意拨付经费', '不同意拨付经费', 1],
    ['关于做好预算编制工作的通知', '关于做好二〇二六年预算编制工作的通知', 5],
    ['文😀', '文😃', 1], // code points, not UTF-16 units
    ['abc', '', 3],
    ['', '新增', 2],
  ])('%j → %j: %i', (a, b, expected) => {
    expect(d(a, b)).toBe(expected);
  });

  test('never below Levenshtein, never above the longer text; equal on small random edits', () => {
    const random = mulberry32(5);
    const alphabet = '预算编制工作通知，。\n各单位ab';
    const pick = () => alphabet[Math.floor(random() * alphabet.length)] as string;
    let equal = 0;
    for (let i = 0; i < 300; i++) {
      const a = Array.from({ length: 1 + Math.floor(random() * 40) }, pick).join('');
      const chars = Array.from(a);
      for (let k = Math.floor(random() * 4); k > 0; k--) {
        const p = Math.floor(random() * (chars.length + 1));
        const op = random();
        if (op < 0.33) chars.splice(p, 1, pick());
        else if (op < 0.66) chars.splice(p, 1);
        else chars.splice(p, 0, pick());
      }
      const b = chars.join('');
      const ours = d(a, b);
      const exact = levenshtein(a, b);
      expect(ours).toBeGreaterThanOrEqual(exact);
      expect(ours).toBeLessThanOrEqual(Math.max(codePoints(a), codePoints(b)));
      if (ours === exact) equal++;
    }
    expect(equal).toBeGreaterThan(270);
  });

  test('fields count like the text; the ratio divides by the approved length', () => {
    const r = contentEditDistance(
      { text: 'abcd', fields: { a: 'x', gone: 'yy' } },
      { text: 'abXd', fields: { a: 'z', b: 'ww' } },
    );
    expect(r).toEqual({ distance: 1 + 1 + 2 + 2, length: 4 + 1 + 2 });
    expect(editRatio(1, 10)).toBe(0.1);
    expect(editRatio(3, 0)).toBe(3); // everything removed: distance over 1
  });

  describe('200 KB texts', () => {
    const random = mulberry32(11);
    const words =
      '关于 做好 二〇二六年 预算 编制 工作 的 通知 各 区 财政局 市 直 各 单位 根据 要求 现将 有关 事项 如下'.split(' ');
    const sentence = () =>
      `${Array.from({ length: 6 + Math.floor(random() * 10) }, () => words[Math.floor(random() * words.length)]).join('')}。`;
    const paragraph = () => Array.from({ length: 3 + Math.floor(random() * 4) }, sentence).join('');
    let doc = '';
    while (doc.length < 200_000) doc += `${paragraph()}\n`;
    const time = (a: string, b: string) => {
      const t = performance.now();
      const distance = d(a, b);
      return { distance, ms: performance.now() - t };
    };

    test(`scattered replacements are counted exactly, well under a second (${doc.length} chars)`, () => {
      const chars = Array.from(doc);
      const positions = new Set<number>();
      while (positions.size < 500) positions.add(Math.floor(random() * chars.length));
      for (const p of positions) chars[p] = '★';
      const { distance, ms } = time(doc, chars.join(''));
      const original = Array.from(doc);
      expect(distance).toBe([...positions].filter((p) => original[p] !== '★').length);
      expect(ms).toBeLessThan(1000);
    });

    test('a term replaced throughout, a paragraph added: counted per change, well under a second', () => {
      const count = doc.split('预算').length - 1;
      const { distance, ms } = time(doc, `${doc.replaceAll('预算', '经费预算')}新增一段。\n`);
      expect(distance).toBe(count * 2 + 6);
      expect(ms).toBeLessThan(1000);
    });

    test('two unrelated texts: bounded, about everything', () => {
      let other = '';
      while (other.length < 200_000) other += `${paragraph()}\n`;
      const { distance, ms } = time(doc, other);
      expect(distance).toBeGreaterThan(0.5 * Math.max(codePoints(doc), codePoints(other)));
      expect(distance).toBeLessThanOrEqual(Math.max(codePoints(doc), codePoints(other)));
      expect(ms).toBeLessThan(1000);
    });
  });
});
