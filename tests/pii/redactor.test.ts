import { Redactor } from '../../shared/pii/redactor';

const ID = '360426199101010071';
const ID2 = '11010519491231002X';
const MOBILE = '13800138000';
const EMAIL = 'zhang.san@example.gov.cn';

describe('Redactor.redact', () => {
  test('typed, numbered placeholders; offsets into the original text', () => {
    const r = new Redactor();
    const text = `张三，身份证${ID}，手机${MOBILE}；李四，身份证${ID2}，邮箱${EMAIL}，卡号4111111111111111。`;
    const out = r.redact(text);
    expect(out.text).toBe(
      '张三，身份证〔身份证1〕，手机〔手机号1〕；李四，身份证〔身份证2〕，邮箱〔邮箱1〕，卡号〔银行卡1〕。',
    );
    expect(out.entities.map((e) => [e.type, e.value, e.placeholder])).toEqual([
      ['id_number', ID, '〔身份证1〕'],
      ['mobile', MOBILE, '〔手机号1〕'],
      ['id_number', ID2, '〔身份证2〕'],
      ['email', EMAIL, '〔邮箱1〕'],
      ['bank_card', '4111111111111111', '〔银行卡1〕'],
    ]);
    for (const e of out.entities) expect(text.slice(e.start, e.end)).toBe(e.value);
  });

  test('the same value keeps its placeholder across the texts of one request', () => {
    const r = new Redactor();
    expect(r.redact(`手机${MOBILE}`).text).toBe('手机〔手机号1〕');
    expect(r.redact(`邮箱${EMAIL}，手机 ${MOBILE}`).text).toBe('邮箱〔邮箱1〕，手机 〔手机号1〕');
    expect(r.redact(`再次：${MOBILE}、${MOBILE}`).text).toBe('再次：〔手机号1〕、〔手机号1〕');
    expect(r.entities().map((e) => [e.value, e.placeholder])).toEqual([
      [MOBILE, '〔手机号1〕'],
      [EMAIL, '〔邮箱1〕'],
    ]);
  });

  test('rules leave a type alone', () => {
    const r = new Redactor({ email: false, mobile: false });
    expect(r.redact(`身份证${ID}，手机${MOBILE}，邮箱${EMAIL}`).text).toBe(
      `身份证〔身份证1〕，手机${MOBILE}，邮箱${EMAIL}`,
    );
  });

  test('a placeholder-shaped string already in the text is never handed out', () => {
    const r = new Redactor();
    const text = `模板写作〔身份证1〕，本人身份证${ID}`;
    const out = r.redact(text);
    expect(out.text).toBe('模板写作〔身份证1〕，本人身份证〔身份证2〕');
    expect(r.restore(out.text)).toBe(text);
  });
});

describe('Redactor.restore', () => {
  const r = new Redactor();
  r.redact(`身份证${ID}，手机${MOBILE}，邮箱${EMAIL}`);

  test('known placeholders come back; 文号 brackets and invented placeholders stay', () => {
    expect(r.restore('已核实〔身份证1〕与〔手机号1〕，见国办发〔2022〕35号。')).toBe(
      `已核实${ID}与${MOBILE}，见国办发〔2022〕35号。`,
    );
    expect(r.restore('〔身份证9〕〔邮箱1〕〔邮箱〕〔身份证1')).toBe(`〔身份证9〕${EMAIL}〔邮箱〕〔身份证1`);
  });
});

describe('StreamRestorer', () => {
  const r = new Redactor();
  r.redact(`身份证${ID}，手机${MOBILE}，邮箱${EMAIL}`);

  test('a placeholder split across chunks', () => {
    const s = r.restorer();
    expect(s.push('申请人〔身份')).toBe('申请人');
    expect(s.push('证1〕已核实')).toBe(`${ID}已核实`);
    expect(s.end()).toBe('');
  });

  test('one character at a time', () => {
    const s = r.restorer();
    const answer = '〔身份证1〕，〔手机号1〕；〔邮箱1〕〔〔身份证1〕〕';
    const out = [...answer].map((c) => s.push(c)).join('') + s.end();
    expect(out).toBe(`${ID}，${MOBILE}；${EMAIL}〔${ID}〕`);
  });

  test('releases at once what cannot start a known placeholder', () => {
    const s = r.restorer();
    expect(s.push('国办发〔2')).toBe('国办发〔2');
    expect(s.push('022〕35号')).toBe('022〕35号');
    expect(s.push('见〔身份证9')).toBe('见〔身份证9');
    expect(s.push('〕')).toBe('〕');
    expect(s.push('〔手机号1〕x〔')).toBe(`${MOBILE}x`);
    expect(s.end()).toBe('〔');
  });

  test('holds back no more than the longest placeholder', () => {
    const big = new Redactor();
    big.redact(`身份证${ID}`);
    const s = big.restorer();
    expect(s.push('〔身份证')).toBe('');
    expect(s.push('1')).toBe('');
    expect(s.push('2')).toBe('〔身份证12');
  });

  test('a restorer made before later redactions knows their placeholders too', () => {
    const later = new Redactor();
    const s = later.restorer();
    later.redact(`手机${MOBILE}`);
    expect(s.push('〔手机号1〕') + s.end()).toBe(MOBILE);
  });
});
