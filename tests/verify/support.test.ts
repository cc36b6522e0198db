import { CLAUSE_COVERAGE, clausesOf, judgeSupport } from '../../shared/verify/coverage';
import { Postings } from '../../shared/verify/postings';
import { NgramIndex, stem } from '../../shared/verify/support';
import { mulberry32 } from '../support/random';

const PASSAGES = [
  '国内生产总值超过126万亿元，增长5.2%，增速居世界主要经济体前列。',
  '城镇新增就业1244万人，城镇调查失业率平均为5.2%。',
  '粮食产量1.39万亿斤，再创历史新高。',
  '国 产 大 飞 机 投 入 商 业 运 营。',
  'Total spending will reach $1.2 billion, an increase over the previous year.',
];

describe('Postings', () => {
  test('the same lists as a Map of arrays, through many rehashes', () => {
    const rng = mulberry32(7);
    const postings = new Postings();
    const reference = new Map<number, number[]>();
    for (let p = 0; p < 400; p++) {
      for (let k = 0; k < 300; k++) {
        const key = Math.floor(rng() * 2 ** (rng() < 0.5 ? 12 : 40));
        postings.add(key, p);
        const list = reference.get(key) ?? [];
        if (list[list.length - 1] !== p) list.push(p);
        reference.set(key, list);
      }
    }
    postings.seal();
    for (const [key, list] of reference) expect([...postings.get(key)]).toEqual(list);
    expect(postings.get(2 ** 41).length).toBe(0);
  });
});

describe('NgramIndex', () => {
  const index = new NgramIndex(PASSAGES);
  const keys = (text: string, kind: 'char' | 'pair' | 'word') =>
    index.units(text, new Uint8Array(text.length)).filter((u) => u.kind === kind);

  test('a sentence has its Han characters, bigrams and content words', () => {
    const text = '增长5.2%，the spending';
    const units = index.units(text, new Uint8Array(text.length));
    expect(units.map((u) => [u.kind, text.slice(u.start, u.end)])).toEqual([
      ['char', '增'],
      ['char', '长'],
      ['pair', '增长'],
      ['word', 'spending'],
    ]);
  });

  test('masked positions are skipped and break bigrams', () => {
    const text = '增长超过';
    const masked = new Uint8Array([0, 1, 0, 0]);
    expect(index.units(text, masked).map((u) => text.slice(u.start, u.end))).toEqual(['增', '超', '过', '超过']);
  });

  test('white space between Han characters does not break a bigram (PDF text)', () => {
    const [pair] = keys('大飞机', 'pair');
    expect(index.has(3, pair!.key)).toBe(true);
    expect(index.has(0, pair!.key)).toBe(false);
  });

  test('rarer units weigh more; units no passage has weigh most', () => {
    const [common] = keys('万亿', 'pair');
    const [rare] = keys('粮食', 'pair');
    const [absent] = keys('淡化', 'pair');
    expect(index.weight(common!.key)).toBeLessThan(index.weight(rare!.key));
    expect(index.weight(rare!.key)).toBeLessThan(index.weight(absent!.key));
    expect(index.has(2, absent!.key)).toBe(false);
  });

  test('words are stemmed and stopwords left out', () => {
    expect(keys('The increases of spending', 'word').length).toBe(2);
    expect(stem('policies')).toBe('policy');
    expect(stem("China's")).toBe('China');
    expect(stem('process')).toBe('process');
  });

  test('rank finds the passages holding most weight, best first', () => {
    const units = keys('城镇调查失业率平均为5.2%', 'pair');
    expect(index.rank([...new Set(units.map((u) => u.key))], 2)[0]).toBe(1);
    expect(
      index.rank(
        keys('spending previous year', 'word').map((u) => u.key),
        1,
      ),
    ).toEqual([4]);
  });
});

describe('coverage', () => {
  const index = new NgramIndex(PASSAGES);
  const clauses = (text: string) => clausesOf(index, text, new Uint8Array(text.length), []);

  test('short clauses are judged with their neighbour', () => {
    const text = '增长，城镇新增就业人数，平均失业率有所下降，平稳';
    const second = text.indexOf('平均');
    expect(clauses(text).map((c) => [c.start, c.end])).toEqual([
      [0, second - 1],
      [second, text.length],
    ]);
  });

  test('a quotation is not cut at its commas', () => {
    const text = '坚持“藏粮于地、藏粮于技”';
    expect(clausesOf(index, text, new Uint8Array(text.length), [{ start: 3, end: 12 }])).toHaveLength(1);
  });

  test('a true sentence is covered; an invented clause after it is weak', () => {
    const said = judgeSupport(index, clauses('城镇新增就业，城镇调查失业率平均'), [1], [1], [0]);
    expect(said.coverage).toBe(1);
    expect(said.weak).toEqual([]);
    const invented = clauses('城镇新增就业，同时全面取消农业税附加费');
    const judged = judgeSupport(index, invented, [1], [1], [0]);
    expect(judged.weak.map((c) => [c.start, c.end])).toEqual([[7, 19]]);
    expect(CLAUSE_COVERAGE).toBeGreaterThan(0);
  });

  test('passages cited are read together; other matches each alone', () => {
    const text = '粮食产量再创历史新高，城镇调查失业率平均';
    expect(judgeSupport(index, clauses(text), [1, 2], [1, 2], []).coverage).toBe(1);
    const apart = judgeSupport(
      index,
      [{ start: 0, end: text.length, units: clauses(text).flatMap((c) => c.units), size: 99 }],
      [],
      [],
      [1, 2],
    );
    expect(apart.coverage).toBeLessThan(0.6);
  });

  test('a paraphrase’s joints (在, 中) barely count', () => {
    const judged = judgeSupport(index, clauses('增速在世界主要经济体中居前列'), [0], [0], []);
    expect(judged.coverage).toBeGreaterThan(0.6);
  });

  test('supported by a passage it does not cite: that passage is named', () => {
    const judged = judgeSupport(index, clauses('粮食产量再创历史新高'), [0], [0], [2]);
    expect([judged.best, judged.uncited]).toEqual([2, 2]);
  });
});
