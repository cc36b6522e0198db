import { isoDate, parseChineseDate } from '../../shared/gongwen/dates';
import { digitValue, foldDigits, parseChineseInteger, parseDigitSequence } from '../../shared/gongwen/numerals';

describe('digitValue', () => {
  test.each([
    ['〇', 0],
    ['○', 0],
    ['零', 0],
    ['O', 0],
    ['0', 0],
    ['０', 0],
    ['一', 1],
    ['二', 2],
    ['两', 2],
    ['九', 9],
    ['7', 7],
    ['７', 7],
  ])('%s → %i', (ch, value) => {
    expect(digitValue(ch)).toBe(value);
  });

  test.each(['十', '年', 'a', ''])('%j is not a digit', (ch) => {
    expect(digitValue(ch)).toBeNull();
  });
});

describe('parseDigitSequence (years written digit by digit)', () => {
  test.each([
    ['二〇二四', 2024], // U+3007
    ['二○二四', 2024], // U+25CB, the usual typing slip
    ['二零二四', 2024],
    ['二O二四', 2024], // Latin O
    ['一九五四', 1954],
    ['2024', 2024],
    ['２０２４', 2024],
  ])('%s → %i', (text, value) => {
    expect(parseDigitSequence(text)).toBe(value);
  });

  test.each(['', '二〇二x', '二十二'])('%j → null', (text) => {
    expect(parseDigitSequence(text)).toBeNull();
  });
});

describe('parseChineseInteger (months, days, terms)', () => {
  test.each([
    ['一', 1],
    ['九', 9],
    ['十', 10],
    ['十一', 11],
    ['十二', 12],
    ['二十', 20],
    ['二十一', 21],
    ['三十一', 31],
    ['一十', 10],
    ['一百', 100],
    ['一百零五', 105],
    ['两千零二十四', 2024],
    ['12', 12],
    ['〇', 0],
  ])('%s → %i', (text, value) => {
    expect(parseChineseInteger(text)).toBe(value);
  });

  test.each(['', '十十', '二三十', '百十百', '十x', '年'])('%j → null', (text) => {
    expect(parseChineseInteger(text)).toBeNull();
  });
});

test('foldDigits turns full-width digits into ASCII and leaves the rest', () => {
  expect(foldDigits('２０２４年〔１〕号')).toBe('2024年〔1〕号');
});

describe('parseChineseDate', () => {
  test.each([
    ['2024年12月11日', '2024-12-11'],
    ['2024年1月5日', '2024-01-05'],
    ['2024 年 1 月 5 日', '2024-01-05'],
    ['２０２４年１２月１１日', '2024-12-11'],
    ['二〇二四年十二月十一日', '2024-12-11'],
    ['二○二四年十二月十一日', '2024-12-11'],
    ['二零二四年三月一日', '2024-03-01'],
    ['二〇二五年一月二十一日', '2025-01-21'],
    ['2024年2月29日', '2024-02-29'], // leap year
    ['2000年2月29日', '2000-02-29'], // divisible by 400
  ])('%s → %s', (text, iso) => {
    expect(parseChineseDate(text)).toBe(iso);
  });

  test.each([
    '2026年2月30日',
    '2025年2月29日',
    '1900年2月29日', // divisible by 100, not 400
    '2024年13月1日',
    '2024年4月31日',
    '2024年0月1日',
    '二〇二四年十三月一日',
    '24年1月1日',
    '2024.05.08',
    '2024年5月',
  ])('%s → null', (text) => {
    expect(parseChineseDate(text)).toBeNull();
  });

  test('isoDate pads and validates', () => {
    expect(isoDate(2026, 5, 8)).toBe('2026-05-08');
    expect(isoDate(2026, 2, 30)).toBeNull();
    expect(isoDate(1899, 1, 1)).toBeNull();
    expect(isoDate(2024, 1.5, 1)).toBeNull();
  });
});
