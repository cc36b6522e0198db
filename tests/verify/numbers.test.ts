import { parseChineseNumber } from '../../shared/gongwen/numerals';
import { sameQuantity, scaleSlip } from '../../shared/verify/compare';
import { findDates } from '../../shared/verify/dates';
import { findQuantities } from '../../shared/verify/numbers';
import type { Quantity } from '../../shared/verify/numbers';

/** The quantities of a text, dates left out as the verifier does. */
const quantities = (text: string) => findQuantities(text, findDates(text));
const one = (text: string): Quantity => {
  const found = quantities(text);
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe('parseChineseNumber', () => {
  test.each([
    ['三十五', 35],
    ['一百二十', 120],
    ['两千', 2000],
    ['十二点五', 12.5],
    ['零点五', 0.5],
    ['二千零四十六万', 20460000],
    ['三亿零四百七十万', 304700000],
    ['一万三千五百', 13500],
    ['五萬萬', 500000000],
    ['二百十七', 217],
    ['三十六點九', 36.9],
    ['千万', 10000000],
  ])('%s → %d', (text, value) => expect(parseChineseNumber(text)).toBe(value));

  test.each(['十三五', '万一', '十百', '点五', '五点', '一点二点三'])('%s is no number', (text) => {
    expect(parseChineseNumber(text)).toBeNull();
  });
});

describe('findQuantities', () => {
  test.each([
    ['城镇新增就业1244万人', 12_440_000, 'number', '人'],
    ['12,000人', 12_000, 'number', '人'],
    ['１２，０００人', 12_000, 'number', '人'],
    ['增长5.2%', 5.2, 'percent', '%'],
    ['增长５．２％', 5.2, 'percent', '%'],
    ['增长百分之五点二', 5.2, 'percent', '%'],
    ['占百分之三十六點九', 36.9, 'percent', '%'],
    ['上升5.2个百分点', 5.2, 'points', '个百分点'],
    ['1.2万', 12_000, 'number', ''],
    ['3.5亿', 350_000_000, 'number', ''],
    ['1.2万亿元', 1.2e12, 'amount', '元'],
    ['资金35万元', 350_000, 'amount', '元'],
    ['资金35亿元', 3.5e9, 'amount', '元'],
    ['出口1949亿美元', 1.949e11, 'amount', '美元'],
    ['十二点五亿元', 1.25e9, 'amount', '元'],
    ['三十五个城市', 35, 'number', '个'],
    ['一百二十项', 120, 'number', '项'],
    ['两千万吨', 20_000_000, 'number', '吨'],
    ['我国六萬萬人民', 600_000_000, 'number', '人'],
    ['五年内', 5, 'number', '年'],
    ['5年内', 5, 'number', '年'],
    ['第十四届', 14, 'number', '届'],
    ['$1.2 billion', 1.2e9, 'amount', '美元'],
    ['5.2 percent', 5.2, 'percent', '%'],
    ['3.5 percentage points', 3.5, 'points', '个百分点'],
    ['126 trillion yuan', 1.26e14, 'amount', '元'],
    ['12 million people', 12e6, 'number', ''],
  ])('%s', (text, value, kind, unit) => {
    const q = one(text);
    expect([q.low, q.kind, q.unit]).toEqual([value, kind, unit]);
    expect(q.high).toBe(q.low);
  });

  test.each([
    ['3—5年', 3, 5, 'number'],
    ['3至5个', 3, 5, 'number'],
    ['3-5%', 3, 5, 'percent'],
    ['3%-5%', 3, 5, 'percent'],
    ['3～5', 3, 5, 'number'],
    ['百分之三至百分之五', 3, 5, 'percent'],
    ['2至3万元', 20_000, 30_000, 'amount'],
  ])('range %s', (text, low, high, kind) => {
    const q = one(text);
    expect([q.low, q.high, q.kind]).toEqual([low, high, kind]);
  });

  test.each([
    ['约5%', 'about'],
    ['5%左右', 'about'],
    ['近1000人', 'under'],
    ['超过126万亿元', 'over'],
    ['1200多人', 'over'],
    ['100余家', 'over'],
    ['10多万人', 'over'],
    ['60%以上', 'over'],
    ['about 5 percent', 'about'],
    ['more than 3 million', 'over'],
  ])('approximation %s', (text, approx) => expect(one(text).approx).toBe(approx));

  test('the approximation inside a Chinese number: 二十五億七千多萬元', () => {
    const q = one('二十五億七千多萬元');
    expect([q.low, q.kind, q.approx]).toEqual([2_570_000_000, 'amount', 'over']);
  });

  test('spans are the words as written', () => {
    const text = '国内生产总值超过126万亿元，增长5.2%，城镇新增就业1244万人。';
    expect(quantities(text).map((q) => q.text)).toEqual(['超过126万亿元', '5.2%', '1244万人']);
    for (const q of quantities(text)) expect(text.slice(q.start, q.end)).toBe(q.text);
  });

  test.each([
    '一些地方统一部署',
    '第一，坚持一带一路',
    '十三五时期',
    '三农问题',
    '千家万户',
    '十分重要',
    '一批重大成果',
    '一个伟大的转变',
    '国产大飞机C919',
    '5G用户',
    '[P3]',
  ])('%s holds no quantity', (text) => expect(quantities(text)).toEqual([]));

  test('years and dates are dates, not quantities', () => {
    expect(quantities('2024年3月5日，二〇二六年，1999年')).toEqual([]);
    expect(quantities('2021—2025年')).toEqual([]);
  });
});

describe('sameQuantity', () => {
  const same = (said: string, source: string) => sameQuantity(one(said), one(source));

  test.each([
    ['5.2%', '百分之五点二'],
    ['12,000人', '1.2万人'],
    ['1.2万亿元', '12000亿元'],
    ['3.5亿', '350,000,000'],
    ['1244万人', '1244万名'],
    ['约5%', '5.2%'],
    ['超过126万亿元', '126.06万亿元'],
    ['近1000人', '998人'],
    ['1200多人', '1260人'],
    ['3至5年', '3—5年'],
    ['5年', '3至5年'],
    ['$1.2 billion', '1.2 billion dollars'],
  ])('%s = %s', (said, source) => expect(same(said, source)).toBe(true));

  test.each([
    ['5.2%', '5.3%'],
    ['5.2%', '5.2个百分点'],
    ['35万元', '35亿元'],
    ['35万元', '35万美元'],
    ['约5%', '5.6%'],
    ['超过126万亿元', '125.9万亿元'],
    ['近1000人', '1002人'],
    ['三倍多', '两倍多'],
    ['3年', '3天'],
    ['3个', '3年'],
    ['126万亿元', '126.06万亿元'],
  ])('%s ≠ %s', (said, source) => expect(same(said, source)).toBe(false));
});

describe('scaleSlip', () => {
  const slip = (said: string, source: string) => scaleSlip(one(said), one(source));
  test.each([
    ['35万元', '35亿元'],
    ['1000亿人', '1000万人'],
    ['1.2万', '1.2亿'],
    ['5.2%', '5.2个百分点'],
  ])('%s for %s is a slip of scale', (said, source) => expect(slip(said, source)).toBe(true));
  test.each([
    ['36万元', '35亿元'],
    ['35万元', '35万元'],
    ['50年', '5年'],
    ['35万美元', '35亿元'],
  ])('%s for %s is not', (said, source) => expect(slip(said, source)).toBe(false));
});
