import type { ProfileField } from '../../shared/domain/form';
import { normalizeValue, readAmount, readDate, readPhone, validateValue } from '../../shared/forms/validate';
import { profileField } from './support';

const field = (over: Partial<ProfileField> = {}) => profileField('f', over);

/** A 居民身份证号码 built with GB 11643's check character, so no real person's number is needed. */
function residentId(body17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body17].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return body17 + '10X98765432'[sum % 11]!;
}

describe('ID numbers', () => {
  const id = field({ validation: 'id_number' });

  it('accepts a number with a correct check character, spaced or lower-case x', () => {
    expect(validateValue(id, '11010519491231002X')).toEqual([]);
    expect(validateValue(id, '11010519491231002x')).toEqual([]);
    expect(validateValue(id, '110105 19491231 002X')).toEqual([]);
    expect(validateValue(id, residentId('44030419850612003'))).toEqual([]);
  });

  it('flags a wrong check character, an impossible birth date and a wrong length', () => {
    expect(validateValue(id, '110105194912310021')).toEqual(['invalid']);
    const good = residentId('44030419850612003');
    expect(validateValue(id, good.slice(0, 17) + (good[17] === '1' ? '2' : '1'))).toEqual(['invalid']);
    expect(validateValue(id, residentId('44030419850230003'))).toEqual(['invalid']); // 30 February
    expect(validateValue(id, residentId('44030420990101003'))).toEqual(['invalid']); // not born yet
    expect(validateValue(id, '1101051949123100')).toEqual(['invalid']);
  });

  it('normalizes to the number as issued', () => {
    expect(normalizeValue(id, ' 110105 19491231 002x ')).toBe('11010519491231002X');
  });
});

describe('credit codes', () => {
  const code = field({ validation: 'credit_code' });

  it('accepts a valid code and flags one character changed', () => {
    expect(validateValue(code, '91110000600037341L')).toEqual([]);
    expect(validateValue(code, '91110000600037342L')).toEqual(['invalid']);
    expect(validateValue(code, '91110000600037341M')).toEqual(['invalid']);
    expect(validateValue(code, '9111000060003734')).toEqual(['invalid']);
  });
});

describe('phones', () => {
  const phone = field({ validation: 'phone' });

  it.each([
    '13800138000',
    '138 0013 8000',
    '138-0013-8000',
    '+86 138 0013 8000',
    '0086 13800138000',
    '010-12345678',
    '0755-1234567',
    '(010)12345678',
    '０１０－１２３４５６７８',
  ])('accepts %s', (value) => expect(validateValue(phone, value)).toEqual([]));

  it.each(['12800138000', '1380013800', '138001380001', '12345678', 'abc', '010-123'])('flags %s', (value) =>
    expect(validateValue(phone, value)).toEqual(['invalid']),
  );

  it('normalizes mobiles to 11 digits and landlines to 区号-号码', () => {
    expect(readPhone('+86 138-0013-8000')).toBe('13800138000');
    expect(normalizeValue(phone, '(010) 1234 5678')).toBe('010-12345678');
    expect(normalizeValue(phone, '075512345678')).toBe('0755-12345678');
    expect(normalizeValue(phone, '不详')).toBe('不详');
  });
});

describe('dates', () => {
  const date = field({ validation: 'date' });

  it.each([
    '2026年3月5日',
    '2026-03-05',
    '2026/3/5',
    '2026.3.5',
    '二〇二六年三月五日',
    '２０２６年３月５日',
    '1990年5月',
  ])('accepts %s', (value) => expect(validateValue(date, value)).toEqual([]));

  it.each(['2026年2月30日', '2026-13-01', '3月5日', '2026年', '下周一', '2026年3月5日至6日'])('flags %s', (value) =>
    expect(validateValue(date, value)).toEqual(['invalid']),
  );

  it('reads every notation as the same date and writes it as 公文 do', () => {
    for (const value of ['2026年3月5日', '2026-03-05', '2026/3/5', '二〇二六年三月五日']) {
      expect(readDate(value)).toEqual({ year: 2026, month: 3, day: 5 });
      expect(normalizeValue(date, value)).toBe('2026年3月5日');
    }
    expect(normalizeValue(date, '1990-05')).toBe('1990-05');
    expect(normalizeValue(date, '1990年05月')).toBe('1990年5月');
  });
});

describe('amounts', () => {
  const amount = field({ validation: 'amount' });

  it('reads figures, scales and 大写', () => {
    expect(readAmount('1,234.50')).toBe(1234.5);
    expect(readAmount('1234.5元')).toBe(1234.5);
    expect(readAmount('1.2万')).toBe(12000);
    expect(readAmount('1000万元')).toBe(1e7);
    expect(readAmount('¥1,234')).toBe(1234);
    expect(readAmount('人民币3亿元')).toBe(3e8);
    expect(readAmount('壹万贰仟元整')).toBe(12000);
    expect(readAmount('壹佰元伍角')).toBe(100.5);
    expect(readAmount('一千万元')).toBe(1e7);
  });

  it.each(['约一千', '1,23', 'abc', '12元34', '元'])('flags %s', (value) =>
    expect(validateValue(amount, value)).toEqual(['invalid']),
  );
});

describe('choices', () => {
  it('takes only the options of a radio group or dropdown', () => {
    const sex = field({ type: 'radio', validation: 'choice', options: ['男', '女'] });
    expect(validateValue(sex, '男')).toEqual([]);
    expect(validateValue(sex, '男性')).toEqual(['not_an_option']);
    const list = field({ type: 'list', validation: 'choice', options: ['本科', '硕士', '博士'] });
    expect(validateValue(list, '硕士、博士')).toEqual([]);
    expect(validateValue(list, '硕士、大专')).toEqual(['not_an_option']);
    expect(normalizeValue(field({ type: 'dropdown', validation: 'choice', options: ['Yes', 'No'] }), ' yes ')).toBe(
      'Yes',
    );
  });

  it('takes true/false/是/否 or its export value for a checkbox', () => {
    const box = field({ type: 'checkbox', validation: 'choice', options: ['On'] });
    for (const value of ['true', 'false', '是', '否', 'On']) expect(validateValue(box, value)).toEqual([]);
    expect(validateValue(box, '也许')).toEqual(['not_an_option']);
    expect(normalizeValue(box, '是')).toBe('true');
    expect(normalizeValue(box, '否')).toBe('false');
  });
});

describe('any field', () => {
  it('never calls an empty value invalid', () => {
    for (const validation of ['id_number', 'credit_code', 'phone', 'date', 'amount', 'choice'] as const) {
      expect(validateValue(field({ validation, options: ['a'] }), '')).toEqual([]);
      expect(validateValue(field({ validation, options: ['a'] }), '  ')).toEqual([]);
    }
  });

  it('flags a value over maxLength, counting characters not UTF-16 units', () => {
    expect(validateValue(field({ maxLength: 4 }), '北京市海淀区')).toEqual(['too_long']);
    expect(validateValue(field({ maxLength: 2 }), '𠀀𠀀')).toEqual([]);
    expect(validateValue(field({ validation: 'phone', maxLength: 5 }), '12345')).toEqual(['invalid']);
    expect(validateValue(field({ validation: 'phone', maxLength: 5 }), '13800138000')).toEqual(['too_long']);
  });
});
