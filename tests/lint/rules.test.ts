/** One test group per rule: what is flagged, where, and that the fix removes it. */
import { applyFieldFix, applyFix, lint, RULES } from '../../shared/lint';
import type { LintInput, LintProblem } from '../../shared/lint';

const I = '\u3000\u3000';
const doc = (...lines: string[]) => lines.join('\n');

/** A small clean 通知 around the given body lines (body starts on line 4). */
const notice = (...body: string[]) =>
  doc(
    '江政发〔2026〕5号',
    '江城市人民政府关于加强安全生产工作的通知',
    '各区人民政府：',
    ...body,
    '',
    '江城市人民政府',
    '2026年5月8日',
  );

const only = (rule: string, input: LintInput) => lint({ ...input, rules: [rule] });

/** Fix every fixable problem of the rule (one at a time, re-linting) and expect none left. */
function fixAll(rule: string, input: LintInput): string {
  let text = input.text;
  for (let guard = 0; guard < 20; guard++) {
    const p = only(rule, { ...input, text }).find((q) => q.fix && q.field === null);
    if (!p) break;
    text = applyFix(text, p);
  }
  expect(only(rule, { ...input, text })).toEqual([]);
  return text;
}

const at = (p: LintProblem, text: string) => text.split('\n')[p.line - 1]!.slice(p.column - 1, p.endColumn - 1);

describe('API', () => {
  test('RULES lists every rule with both languages', () => {
    expect(RULES.map((r) => r.id)).toEqual(['F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'Q1', 'R1', 'U1']);
    for (const r of RULES) expect(r.title.zh && r.title.en).toBeTruthy();
  });

  test('problems are sorted by line and column, carry both languages; rules filters', () => {
    const text = notice(`${I}一.总体要求`, `${I}三、工作要求`, `${I}时间为2026.05.08。`).replace('〔2026〕', '[2026]');
    const ps = lint({ text });
    expect(ps.map((p) => [p.line, p.column])).toEqual(
      [...ps.map((p) => [p.line, p.column])].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!),
    );
    for (const p of ps) {
      expect(p.message.zh).toMatch(/\p{Script=Han}/u);
      expect(p.message.en).toMatch(/[a-z]/);
    }
    expect(new Set(ps.map((p) => p.rule))).toEqual(new Set(['F1', 'F3', 'F4']));
    expect(lint({ text, rules: ['F4'] }).every((p) => p.rule === 'F4')).toBe(true);
  });

  test('applyFix keeps CRLF line endings and ignores problems without a line fix', () => {
    const text = notice(`${I}一.总体要求`).replace(/\n/g, '\r\n');
    const [p] = only('F4', { text });
    expect(p).toMatchObject({ line: 4, column: 3, endColumn: 5 });
    const fixed = applyFix(text, p!);
    expect(fixed).toBe(text.replace('一.', '一、'));
    expect(only('F4', { text: fixed })).toEqual([]);
    expect(applyFix(text, { ...p!, fix: null })).toBe(text);
  });
});

describe('F1 文号 brackets', () => {
  test.each(['[]', '【】', '()', '（）', '〈〉'])('%s in the 文号 line → 〔〕', (b) => {
    const text = notice(`${I}特此通知。`).replace('〔2026〕', `${b[0]}2026${b[1]}`);
    const [p] = only('F1', { text });
    expect(p).toMatchObject({ rule: 'F1', line: 1, column: 4, endColumn: 10, severity: 'error', field: null });
    expect(at(p!, text)).toBe(`${b[0]}2026${b[1]}`);
    expect(fixAll('F1', { text }).split('\n')[0]).toBe('江政发〔2026〕5号');
  });

  test('a cited 文号 in a 批复 body; the docNumber field', () => {
    const text = notice(`${I}你局《关于新建学校的请示》（江教发[2026]12号）收悉。`);
    expect(only('F1', { text })).toMatchObject([{ line: 4, column: 20, endColumn: 26 }]);
    fixAll('F1', { text });
    const [f] = only('F1', { text: notice(), fields: { docNumber: '江政发【2026】5号' } });
    expect(f).toMatchObject({ line: 0, field: 'docNumber', column: 4, endColumn: 10 });
    expect(applyFieldFix({ docNumber: '江政发【2026】5号' }, f!)).toEqual({ docNumber: '江政发〔2026〕5号' });
  });

  test('years in brackets that are no 文号 are left alone', () => {
    expect(lint({ text: notice(`${I}根据《规划（2021—2035年）》和《方案（2026）》执行。`) })).toEqual([]);
  });
});

describe('F2 文号 form', () => {
  test.each([
    ['第', '江政发〔2026〕第5号', '第'],
    ['leading zero', '江政发〔2026〕05号', '05'],
    ['missing 号', '江政发〔2026〕5', ''],
  ])('%s: flagged and fixed', (_what, number, span) => {
    const text = notice().replace('江政发〔2026〕5号', number);
    const [p] = only('F2', { text });
    expect(p).toMatchObject({ line: 1, severity: 'error' });
    expect(at(p!, text)).toBe(span);
    expect(fixAll('F2', { text }).split('\n')[0]).toBe('江政发〔2026〕5号');
  });

  test('2-digit year: flagged, no fix', () => {
    const [p] = only('F2', { text: notice().replace('〔2026〕', '〔26〕') });
    expect(p).toMatchObject({ line: 1, column: 5, endColumn: 7, fix: null });
  });

  test('docNumber field: whole-field fix; a malformed value', () => {
    const [p] = only('F2', { text: notice(), fields: { docNumber: '江政发〔2026〕第05号' } });
    expect(p).toMatchObject({ field: 'docNumber', line: 0 });
    expect(only('F2', { text: notice(), fields: { docNumber: '江政发〔2026〕5号' } })).toEqual([]);
    expect(only('F2', { text: notice(), fields: { docNumber: '江政发2026年5号' } })).toMatchObject([
      { field: 'docNumber', fix: null },
    ]);
  });
});

describe('F3 dates', () => {
  test.each([
    ['二〇二六年五月八日'],
    ['二○二六年五月八日'],
    ['2026.05.08'],
    ['2026-05-08'],
    ['2026年05月08日'],
    ['2026年5月08日'],
  ])('成文日期 %s → 2026年5月8日', (date) => {
    const text = notice().replace('2026年5月8日', date);
    const [p] = only('F3', { text });
    expect(p).toMatchObject({ rule: 'F3', line: 6, column: 1, endColumn: date.length + 1, severity: 'error' });
    expect(p!.fix!.text).toBe('2026年5月8日');
    expect(fixAll('F3', { text })).toBe(notice());
  });

  test('二〇二六年十二月三十一日 and the 印发 line', () => {
    const text = doc(notice(), '', '江城市人民政府办公室\u3000\u3000二〇二六年十二月三十一日印发').replace(
      '2026年5月8日',
      '二〇二六年十二月三十一日',
    );
    const ps = only('F3', { text });
    expect(ps.map((p) => [p.line, p.column, p.fix?.text])).toEqual([
      [6, 1, '2026年12月31日'],
      [8, 13, '2026年12月31日'],
    ]);
    fixAll('F3', { text });
  });

  test('body dates: dotted and zero-padded forms are warnings; Chinese-numeral prose is not flagged', () => {
    const text = notice(
      `${I}会议定于2026.06.01召开，材料于2026年06月01日前报送。`,
      `${I}一九四九年十月一日，中华人民共和国成立。`,
    );
    const ps = only('F3', { text });
    expect(ps.map((p) => [p.line, p.severity, p.fix?.text])).toEqual([
      [4, 'warning', '2026年6月1日'],
      [4, 'warning', '2026年6月1日'],
    ]);
    fixAll('F3', { text });
  });

  test('date field', () => {
    expect(only('F3', { text: notice(), fields: { date: '二〇二六年五月八日' } })).toMatchObject([
      { field: 'date', line: 0, fix: { text: '2026年5月8日' } },
    ]);
    expect(only('F3', { text: notice(), fields: { date: '2026年5月8日' } })).toEqual([]);
  });
});

describe('F4 headings', () => {
  test.each([
    ['一.', '一、'],
    ['一，', '一、'],
  ])('level 1 %s → %s', (wrong, right) => {
    const text = notice(`${I}${wrong}总体要求`);
    expect(only('F4', { text })).toMatchObject([{ line: 4, column: 3, endColumn: 5, fix: { text: right } }]);
    fixAll('F4', { text });
  });

  test.each([
    ['(一)', '（一）'],
    ['（一)', '（一）'],
    ['（一）、', '（一）'],
  ])('level 2 %s → %s', (wrong, right) => {
    const text = notice(`${I}一、总体要求`, `${I}${wrong}加强领导。`);
    expect(only('F4', { text })).toMatchObject([{ line: 5, fix: { text: right } }]);
    fixAll('F4', { text });
  });

  test('level 3 1、 → 1.; level 4 (1) → （1）', () => {
    const text = notice(`${I}一、总体要求`, `${I}（一）加强领导。`, `${I}1、明确责任。`, `${I}(1)主要负责同志负总责。`);
    expect(only('F4', { text }).map((p) => [p.line, p.fix?.text])).toEqual([
      [6, '1.'],
      [7, '（1）'],
    ]);
    fixAll('F4', { text });
  });

  test('level 3: 1. and 1． both accepted; mixing is a warning; the style can be required', () => {
    const half = notice(`${I}一、总体要求`, `${I}（一）加强领导。`, `${I}1.明确责任。`, `${I}2.抓好落实。`);
    const full = half.replace(/(\d)\./g, '$1．');
    expect(only('F4', { text: half })).toEqual([]);
    expect(only('F4', { text: full })).toEqual([]);
    const mixed = half.replace('2.', '2．');
    expect(only('F4', { text: mixed })).toMatchObject([{ line: 7, severity: 'warning', fix: { text: '2.' } }]);
    expect(only('F4', { text: half, level3Dot: 'full' })).toMatchObject([
      { line: 6, severity: 'error', fix: { text: '1．' } },
      { line: 7, severity: 'error', fix: { text: '2．' } },
    ]);
    fixAll('F4', { text: half, level3Dot: 'full' });
  });

  test('gaps in a sequence and skipped levels are errors (no fix)', () => {
    const gap = notice(`${I}一、总体要求`, `${I}三、工作要求`);
    expect(only('F4', { text: gap })).toMatchObject([{ line: 5, severity: 'error', fix: null }]);
    const skip = notice(`${I}一、总体要求`, `${I}1.明确责任。`);
    expect(only('F4', { text: skip })).toMatchObject([{ line: 5, severity: 'error', fix: null }]);
    const late = notice(`${I}一、总体要求`, `${I}（二）加强领导。`);
    expect(only('F4', { text: late })).toMatchObject([{ line: 5 }]);
  });

  test('a document may start at level 2; numbering restarts under each parent and in an attachment', () => {
    expect(only('F4', { text: notice(`${I}（一）加强领导。`, `${I}（二）抓好落实。`) })).toEqual([]);
    const text = notice(
      `${I}一、总体要求`,
      `${I}（一）加强领导。`,
      `${I}（二）抓好落实。`,
      `${I}二、工作要求`,
      `${I}（一）按时报送。`,
      '附件',
      '工作方案',
      `${I}一、目标`,
    );
    expect(only('F4', { text })).toEqual([]);
  });

  test('numbers inside sentences are not headings', () => {
    expect(only('F4', { text: notice(`${I}投资约1.8亿元，占2.6%。`, '2026.05.08的会议') })).toEqual([]);
  });
});

describe('F5 title', () => {
  test('trailing punctuation: fixed', () => {
    const text = notice().replace('的通知', '的通知。');
    expect(only('F5', { text })).toMatchObject([{ line: 2, column: 21, endColumn: 22, fix: { text: '' } }]);
    expect(fixAll('F5', { text })).toBe(notice());
  });

  test('a title over two lines (web copies): trailing punctuation on its last line', () => {
    const text = notice().replace('关于加强', '关于加强\n\n').replace('的通知', '的通知；');
    expect(only('F5', { text })).toMatchObject([{ line: 4 }]);
  });

  test('doubled type, no type, a non-type name, punctuation inside, not 关于…的', () => {
    const t = (title: string) =>
      only('F5', { text: notice().replace('江城市人民政府关于加强安全生产工作的通知', title) });
    expect(t('江城市教育局关于新建学校的请示报告')).toMatchObject([
      { line: 2, column: 14, endColumn: 18, severity: 'error' },
    ]);
    expect(t('江城市人民政府关于加强安全生产工作的')).toMatchObject([{ line: 2, severity: 'error' }]);
    expect(t('江城市人民政府关于安全生产工作的实施办法')[0]!.message.zh).toMatch(/缺少文种/);
    expect(t('江城市人民政府关于加强安全生产，消防工作的通知')).toMatchObject([
      { line: 2, column: 16, severity: 'error' },
    ]);
    expect(t('江城市人民政府关于加强安全生产、消防工作的通知')).toMatchObject([
      { line: 2, column: 16, severity: 'warning' },
    ]);
    expect(t('江城市人民政府加强安全生产工作的通知')).toMatchObject([{ line: 2, severity: 'warning' }]);
    expect(t('江城市人民政府关于印发《安全生产“十五五”规划（2026—2030年）》的通知')).toEqual([]);
    expect(t('江城市人民政府常务会议纪要')).toEqual([]);
  });
});

describe('F6 attachments, 主送, 抄送, 份号, 密级', () => {
  test('attachment names without trailing punctuation; 1. numbering; full-width colon', () => {
    const text = notice(`${I}特此通知。`, '', `${I}附件:1、安全生产责任清单。`, `${I}\u3000\u3000\u30002.联系表；`);
    const ps = only('F6', { text });
    expect(ps.map((p) => [p.line, at(p, text), p.fix?.text])).toEqual([
      [6, ':', '：'],
      [6, '、', '.'],
      [6, '。', ''],
      [7, '；', ''],
    ]);
    fixAll('F6', { text });
  });

  test('主送 ends in ：(wrong colon replaced, missing colon added)', () => {
    for (const [line, span, fix] of [
      ['各区人民政府:', ':', '：'],
      ['各区人民政府，', '，', '：'],
      ['各区人民政府', '', '：'],
    ] as const) {
      const text = notice().replace('各区人民政府：', line);
      const [p] = only('F6', { text });
      expect({ line, p: [p?.line, at(p!, text), p?.fix?.text] }).toEqual({ line, p: [3, span, fix] });
      expect(fixAll('F6', { text })).toBe(notice());
    }
  });

  test('抄送: ， between organs, 。 at the end, full-width colon', () => {
    const text = doc(notice(), '', '抄送:市委办公室；市人大常委会办公室、市政协办公室');
    const ps = only('F6', { text });
    expect(ps.map((p) => [p.line, at(p, text), p.fix?.text])).toEqual([
      [8, ':', '：'],
      [8, '；', '，'],
      [8, '', '。'],
    ]);
    expect(fixAll('F6', { text }).split('\n')[7]).toBe('抄送：市委办公室，市人大常委会办公室、市政协办公室。');
  });

  test('份号 has 6 digits; 密级 ★ with an Arabic term', () => {
    const text = doc('00123', '秘密*一年', notice());
    expect(only('F6', { text }).map((p) => [p.line, p.fix?.text])).toEqual([
      [1, '000123'],
      [2, '秘密★1年'],
    ]);
    fixAll('F6', { text });
    expect(only('F6', { text: doc('000123', '机密★5年', notice()) })).toEqual([]);
    expect(only('F6', { text: notice(), fields: { classification: '秘密☆1年' } })).toMatchObject([
      { field: 'classification', fix: { text: '秘密★1年' } },
    ]);
  });
});

/** A 请示 with its 签发人 on the 文号 line. */
const request = (...body: string[]) =>
  doc(
    '江教发〔2026〕12号\u3000\u3000签发人：李明',
    '江城市教育局关于新建城东实验小学的请示',
    '江城市人民政府：',
    ...body,
    '',
    '江城市教育局',
    '2026年5月8日',
  );

describe('Q1 请示', () => {
  test('clean', () => expect(lint({ text: request(`${I}拟新建小学一所。`, `${I}妥否，请批示。`) })).toEqual([]));

  test('several addressees', () => {
    const text = request(`${I}妥否，请批示。`).replace('江城市人民政府：', '江城市人民政府、江城市财政局：');
    expect(only('Q1', { text })).toMatchObject([{ line: 3, severity: 'error' }]);
    expect(only('Q1', { text: request(`${I}妥否，请批示。`), fields: { recipients: '市政府，市财政局' } })).toEqual([]);
  });

  test('more than one request: warning at the extra one', () => {
    const text = request(`${I}资金请予批准。`, `${I}妥否，请批示。`);
    expect(only('Q1', { text })).toMatchObject([{ line: 4, severity: 'warning', column: 5, endColumn: 9 }]);
  });

  test('no request closing: error at the last paragraph; the type may be declared', () => {
    const text = request(`${I}拟新建小学一所。`, `${I}特此请示。`);
    expect(only('Q1', { text })).toMatchObject([{ line: 5, severity: 'error' }]);
    const untitled = text.replace('江城市教育局关于新建城东实验小学的请示\n', '');
    expect(only('Q1', { text: untitled })).toEqual([]);
    expect(only('Q1', { text: untitled, typeName: '请示' })).toMatchObject([{ line: 4 }]);
  });
});

describe('R1 报告', () => {
  const report = (...body: string[]) => request(...body).replace('的请示', '的报告');
  test('request wording is an error, wherever it stands', () => {
    const text = report(`${I}拟新建小学一所，请予批准。`, `${I}妥否，请批示。`);
    expect(only('R1', { text }).map((p) => [p.line, at(p, text)])).toEqual([
      [4, '请予批准'],
      [5, '妥否'],
      [5, '请批示'],
    ]);
    expect(lint({ text: report(`${I}特此报告。`) })).toEqual([]);
  });
});

describe('U1 上行文 签发人', () => {
  const noSigner = request(`${I}妥否，请批示。`).replace('\u3000\u3000签发人：李明', '');
  test('missing: a field problem on signer', () => {
    expect(only('U1', { text: noSigner })).toMatchObject([
      { rule: 'U1', line: 0, field: 'signer', severity: 'error', fix: null },
    ]);
    expect(only('U1', { text: noSigner, fields: { signer: '' } })).toHaveLength(1);
  });
  test('present in the field or on the 文号 line; down documents need none; direction up forces it', () => {
    expect(only('U1', { text: noSigner, fields: { signer: '李明' } })).toEqual([]);
    expect(only('U1', { text: request(`${I}妥否，请批示。`) })).toEqual([]);
    expect(only('U1', { text: notice() })).toEqual([]);
    expect(only('U1', { text: notice(), direction: 'up' })).toHaveLength(1);
    expect(only('U1', { text: noSigner, direction: 'down' })).toEqual([]);
  });
});

describe('robustness', () => {
  test('empty, one-line and odd inputs never throw', () => {
    for (const text of [
      '',
      '\n\n',
      '通知',
      '（',
      '一、',
      '附件：',
      '抄送：',
      '2026年13月40日',
      '[2026]5号',
      '\ufeff江政发〔2026〕5号',
    ]) {
      expect(() => lint({ text })).not.toThrow();
      expect(() => lint({ text, typeName: '请示', fields: { docNumber: '', date: '', signer: '' } })).not.toThrow();
    }
  });
});
