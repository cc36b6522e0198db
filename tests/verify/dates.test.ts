import { findDates, sameDate } from '../../shared/verify/dates';
import type { DateMention } from '../../shared/verify/dates';

const parts = (text: string) => findDates(text).map(({ year, month, day }) => ({ year, month, day }));

describe('findDates', () => {
  test.each([
    ['2026年3月5日召开', { year: 2026, month: 3, day: 5 }],
    ['２０２６年３月５日', { year: 2026, month: 3, day: 5 }],
    ['二〇二六年三月五日', { year: 2026, month: 3, day: 5 }],
    ['二○二四年十二月十一日', { year: 2024, month: 12, day: 11 }],
    ['2026-03-05', { year: 2026, month: 3, day: 5 }],
    ['2026.3.5', { year: 2026, month: 3, day: 5 }],
    ['2026/3/5', { year: 2026, month: 3, day: 5 }],
    ['3月5日', { year: undefined, month: 3, day: 5 }],
    ['从去年7月1日起', { year: undefined, month: 7, day: 1 }],
    ['今年一月一日建交', { year: undefined, month: 1, day: 1 }],
    ['十二月三十一日', { year: undefined, month: 12, day: 31 }],
    ['2026年3月', { year: 2026, month: 3, day: undefined }],
    ['7月份', { year: undefined, month: 7, day: undefined }],
    ['确保2022年底前', { year: 2022, month: undefined, day: undefined }],
    ['一九五三年', { year: 1953, month: undefined, day: undefined }],
    ['国办发〔2022〕35号', { year: 2022, month: undefined, day: undefined }],
    ['On March 5, 2026 the council', { year: 2026, month: 3, day: 5 }],
    ['on 5 March 2026', { year: 2026, month: 3, day: 5 }],
    ['by December 2025', { year: 2025, month: 12, day: undefined }],
    ['in 2023, GDP grew', { year: 2023, month: undefined, day: undefined }],
  ])('%s', (text, expected) => expect(parts(text)).toEqual([expected]));

  test('a year range gives both years', () => {
    expect(parts('2021—2025年')).toEqual([
      { year: 2021, month: undefined, day: undefined },
      { year: 2025, month: undefined, day: undefined },
    ]);
  });

  test('a bare day after 至 takes the month before it', () => {
    expect(parts('5月1日（周四）至5日（周一）放假')).toEqual([
      { year: undefined, month: 5, day: 1 },
      { year: undefined, month: 5, day: 5 },
    ]);
  });

  test('spans are the words as written', () => {
    const text = '自2025年1月1日起，1月28日至2月4日放假';
    expect(findDates(text).map((d) => text.slice(d.start, d.end))).toEqual(['2025年1月1日', '1月28日', '2月4日']);
  });

  test.each(['2000多家', '5.2%', '三个月', '2026年13月', '1244万人', '第3季度'])('%s holds no date', (text) => {
    expect(findDates(text).filter((d) => d.month !== undefined || d.year !== undefined)).toEqual([]);
  });
});

describe('sameDate', () => {
  const date = (text: string): DateMention => findDates(text)[0]!;
  test.each([
    ['2026年3月5日', '2026-03-05'],
    ['3月5日', '2026年3月5日'],
    ['2026年3月5日', '3月5日'],
    ['2026年3月', '2026年3月5日'],
    ['2026年', '2026年3月5日'],
    ['二〇二六年三月五日', '2026.3.5'],
  ])('%s agrees with %s', (said, source) => expect(sameDate(date(said), date(source))).toBe(true));
  test.each([
    ['2026年3月6日', '2026年3月5日'],
    ['2025年3月5日', '2026年3月5日'],
    ['3月5日', '2026年3月'],
    ['2026年3月5日', '2026年'],
    ['4月5日', '3月5日'],
  ])('%s does not agree with %s', (said, source) => expect(sameDate(date(said), date(source))).toBe(false));
});
