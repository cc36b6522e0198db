import fs from 'node:fs';
import path from 'node:path';
import { detectPii } from '../../shared/pii/detect';
import { FIXTURES } from '../support/temp';

const found = (text: string) => detectPii(text).map((e) => [e.type, e.value]);

describe('detectPii: what is found, as written', () => {
  test.each([
    ['身份证号码：360426199101010071。', 'id_number', '360426199101010071'],
    ['身份证 110105 19491231 002X 已核验', 'id_number', '110105 19491231 002X'],
    ['身份证110105-19491231-002x', 'id_number', '110105-19491231-002x'],
    ['ID no. 11010519491231002X, issued 2010.', 'id_number', '11010519491231002X'],
    ['电话13800138000', 'mobile', '13800138000'],
    ['手机：138 0013 8000。', 'mobile', '138 0013 8000'],
    ['手机：138-0013-8000。', 'mobile', '138-0013-8000'],
    ['Call +86 138-0013-8000 now', 'mobile', '+86 138-0013-8000'],
    ['Call +8613800138000 now', 'mobile', '+8613800138000'],
    ['联系（+86）13800138000', 'mobile', '（+86）13800138000'],
    ['call (+86) 139 1234 5678.', 'mobile', '(+86) 139 1234 5678'],
    ['tel 0086 19912345678', 'mobile', '0086 19912345678'],
    ['卡号：4111111111111111', 'bank_card', '4111111111111111'],
    ['银行卡 4111 1111 1111 1111，', 'bank_card', '4111 1111 1111 1111'],
    ['Card number: 4111-1111-1111-1111.', 'bank_card', '4111-1111-1111-1111'],
    ['a/c 4111111111111111', 'bank_card', '4111111111111111'],
    ['转入6222021234567890128即可', 'bank_card', '6222021234567890128'],
    ['转入 6222 0212 3456 7890 128 即可', 'bank_card', '6222 0212 3456 7890 128'],
    ['开户行：中国工商银行北京分行，账号：4111111111111111', 'bank_card', '4111111111111111'],
    ['邮箱：zhang.san@example.gov.cn。', 'email', 'zhang.san@example.gov.cn'],
    ['（邮箱zhangsan@mail.example.com）', 'email', 'zhangsan@mail.example.com'],
    ['Write to first.last+tag@sub.example.org.', 'email', 'first.last+tag@sub.example.org'],
    ['请发至13800138000@163.com', 'email', '13800138000@163.com'],
  ])('%s', (text, type, value) => {
    expect(found(text)).toEqual([[type, value]]);
    const [e] = detectPii(text);
    expect(text.slice(e!.start, e!.end)).toBe(value);
  });

  test('full-width digits and letters (IME full-width mode), with offsets into the text as written', () => {
    const text =
      '身份证号：１１０１０５１９４９１２３１００２Ｘ，手机１３８００１３８０００，邮箱ｚｓ＠ｅｘａｍｐｌｅ．ｃｎ';
    expect(found(text)).toEqual([
      ['id_number', '１１０１０５１９４９１２３１００２Ｘ'],
      ['mobile', '１３８００１３８０００'],
      ['email', 'ｚｓ＠ｅｘａｍｐｌｅ．ｃｎ'],
    ]);
    expect(found('金额１２３４５６７８９０１２３４５６７元，文号国办发〔２０２２〕３５号')).toEqual([]);
  });

  test('numbers separated only by a Chinese comma are separate numbers', () => {
    expect(found('身份证360426199101010071，13800138000').map(([t]) => t)).toEqual(['id_number', 'mobile']);
  });

  test('several in one text, sorted by start', () => {
    const text = '张三，身份证360426199101010071，手机13800138000，邮箱zs@example.cn，卡号4111111111111111。';
    expect(found(text)).toEqual([
      ['id_number', '360426199101010071'],
      ['mobile', '13800138000'],
      ['email', 'zs@example.cn'],
      ['bank_card', '4111111111111111'],
    ]);
  });

  test('a number that is both a valid ID and a valid credit code: the label decides, else it is an ID', () => {
    // Both also carry a valid 组织机构代码 in positions 9–17; leaking an ID is the worse mistake.
    for (const both of ['11110119850612468X', '451918197601081969']) {
      expect(found(`统一社会信用代码：${both}`)).toEqual([]);
      expect(found(`税号 ${both}`)).toEqual([]);
      expect(found(`号码：${both}`)).toEqual([['id_number', both]]);
    }
  });

  test('rules switch types off; their digits are still not read as another type', () => {
    const text = '身份证360426199101010071，手机13800138000，信箱13900139000@qq.com';
    expect(detectPii(text, { mobile: false }).map((e) => e.type)).toEqual(['id_number', 'email']);
    expect(detectPii(text, { email: false }).map((e) => e.value)).toEqual(['360426199101010071', '13800138000']);
    expect(detectPii(text, { id_number: false, mobile: false, email: false })).toEqual([]);
  });
});

describe('detectPii: decoys stay untouched', () => {
  const decoys = [
    // 文号 and dates
    '国办发〔2022〕35号',
    '国办函〔2024〕12号、京政发〔2023〕1号',
    '2026年3月5日',
    '成文日期20260305，印发日期2026-03-05 14:30',
    '19491001',
    // amounts
    '合计1,234,567.89元',
    '总额12345678901234567元',
    '拨付13800000000元',
    '余额￥4111111111111111',
    '账号余额 4111111111111111 元',
    '增长13.8%，达到1380013800.5万元',
    // 统一社会信用代码, including an all-digit one and one that also passes the ID check
    '统一社会信用代码：91110000600037341L',
    '统一社会信用代码911101081234560169',
    '信用代码 11110119850612468X',
    '91MA1380013800000T',
    // ID-like numbers that fail
    '身份证号码360426199101010072', // check character
    '身份证号码11010519990230001X', // 30 February
    '身份证号码110105209901010011', // born in the future
    '身份证号码010105194912310027', // region
    '3604261991010100711', // longer run
    'X360426199101010071',
    // phone-like numbers inside longer runs, landlines
    '编号201913800138000123',
    '流水号138001380001',
    'SN13800138000A',
    '电话010-12345678，传真0755-88886666',
    '电话(010) 6512 3456',
    '+86 10 6512 3456',
    '1 138 0013 8000',
    // Luhn-valid 16-digit numbers without a card context or a 62 BIN
    '订单号4111111111111111',
    '订单号：5555555555554444，已发货。',
    '卡号已挂失。订单号4111111111111111',
    '4111 1111 1111 1111 2222',
    // not e-mail
    'user@localhost',
    '@张三 请阅',
    'a@b.c',
    // our own placeholder brackets
    '〔身份证1〕和〔手机号2〕',
  ];
  test.each(decoys)('%s', (text) => {
    expect(found(text)).toEqual([]);
  });

  test('a decoy corpus as one text: nothing found', () => {
    expect(found(decoys.join('\n'))).toEqual([]);
  });

  test('the real 公文 texts in the shared fixtures: nothing found', () => {
    const dir = path.join(FIXTURES, 'gongwen');
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt'));
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      expect({ file: f, found: found(text) }).toEqual({ file: f, found: [] });
    }
  });
});
