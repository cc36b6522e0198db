/**
 * The linter against a corpus of clean documents (tests/lint/corpus/: 通知, 请示, 报告, 函, 批复,
 * 纪要), errors of every rule injected into them at known lines, and the real 通知 texts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { lint } from '../../shared/lint';
import type { LintProblem } from '../../shared/lint';

const CORPUS = path.join(__dirname, 'corpus');
const REAL = path.join(__dirname, '../../../shared/fixtures/real/gongwen');

const docs = fs
  .readdirSync(CORPUS)
  .filter((f) => f.endsWith('.txt'))
  .map((name) => ({ name, text: fs.readFileSync(path.join(CORPUS, name), 'utf8') }));

const errors = (ps: LintProblem[]) => ps.filter((p) => p.severity === 'error');
const show = (ps: LintProblem[]) => ps.map((p) => `${p.line}:${p.column} ${p.severity} ${p.rule} ${p.message.zh}`);

const CN_DIGITS = '〇一二三四五六七八九';
const cnYear = (y: string, zero = '〇') => [...y].map((d) => (d === '0' ? zero : CN_DIGITS[Number(d)])).join('');
const cnNumber = (n: number) =>
  n <= 10
    ? n === 10
      ? '十'
      : CN_DIGITS[n]!
    : n < 20
      ? `十${CN_DIGITS[n - 10]}`
      : `${CN_DIGITS[Math.floor(n / 10)]}十${n % 10 ? CN_DIGITS[n % 10] : ''}`;
const pad2 = (n: string) => n.padStart(2, '0');

/** One injected error: the text with it, the rule and the line (0 = a field problem) it must be found at. */
interface Injection {
  doc: string;
  what: string;
  text: string;
  rule: string;
  line: number;
}

type Mutator = (line: string, index: number, all: string[]) => string | null;

/** Mutations: each applies to every line it can change (returns the changed line) or to none. */
const MUTATIONS: { rule: string; what: string; mutate: Mutator; line?: 0 }[] = [
  // F1: year brackets, in the 文号 line and in a cited 文号.
  ...(
    [
      ['[', ']'],
      ['【', '】'],
      ['（', '）'],
      ['(', ')'],
      ['〈', '〉'],
    ] as const
  ).map(([o, c]) => ({
    rule: 'F1',
    what: `brackets ${o}${c}`,
    mutate: (l: string) => (/〔\d{4}〕\d+号/u.test(l) ? l.replace(/〔(\d{4})〕(\d+号)/u, `${o}$1${c}$2`) : null),
  })),
  // F2
  {
    rule: 'F2',
    what: '第',
    mutate: (l) => (/〔\d{4}〕\d+号/u.test(l) ? l.replace(/(〔\d{4}〕)(\d+号)/u, '$1第$2') : null),
  },
  {
    rule: 'F2',
    what: 'leading 0',
    mutate: (l) => (/〔\d{4}〕\d+号/u.test(l) ? l.replace(/(〔\d{4}〕)(\d+号)/u, '$10$2') : null),
  },
  {
    rule: 'F2',
    what: '2-digit year',
    mutate: (l) => (/〔\d{4}〕\d+号/u.test(l) ? l.replace(/〔\d\d(\d\d)〕/u, '〔$1〕') : null),
  },
  {
    rule: 'F2',
    what: 'no 号',
    mutate: (l) => (/^\S+〔\d{4}〕\d+号/u.test(l) ? l.replace(/(〔\d{4}〕\d+)号/u, '$1') : null),
  },
  // F3: the 成文日期 and the 印发日期 in the wrong forms; a dotted date in the body.
  ...(
    [
      ['二〇', (y: string, m: string, d: string) => `${cnYear(y)}年${cnNumber(+m)}月${cnNumber(+d)}日`],
      ['二○', (y: string, m: string, d: string) => `${cnYear(y, '○')}年${cnNumber(+m)}月${cnNumber(+d)}日`],
      ['dots', (y: string, m: string, d: string) => `${y}.${pad2(m)}.${pad2(d)}`],
      ['dashes', (y: string, m: string, d: string) => `${y}-${pad2(m)}-${pad2(d)}`],
      ['05月', (y: string, m: string, d: string) => `${y}年${pad2(m)}月${pad2(d)}日`],
    ] as const
  ).map(([what, form]) => ({
    rule: 'F3',
    what: `date ${what}`,
    mutate: (l: string) => {
      const m = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/u.exec(l.trim()) ?? /(\d{4})年(\d{1,2})月(\d{1,2})日印发$/u.exec(l);
      return m ? l.replace(`${m[1]}年${m[2]}月${m[3]}日`, form(m[1]!, m[2]!, m[3]!)) : null;
    },
  })),
  {
    rule: 'F3',
    what: 'dotted date in the body (warning)',
    mutate: (l) =>
      /^\u3000\u3000/u.test(l) && /\d{4}年\d{1,2}月\d{1,2}日/u.test(l) && !/印发$/u.test(l)
        ? l.replace(
            /(\d{4})年(\d{1,2})月(\d{1,2})日/u,
            (_, y: string, m: string, d: string) => `${y}.${pad2(m)}.${pad2(d)}`,
          )
        : null,
  },
  // F4
  {
    rule: 'F4',
    what: '一.',
    mutate: (l) => (/^\u3000\u3000[一二三四五六七八九十]+、/u.test(l) ? l.replace('、', '.') : null),
  },
  {
    rule: 'F4',
    what: '一，',
    mutate: (l) => (/^\u3000\u3000[一二三四五六七八九十]+、/u.test(l) ? l.replace('、', '，') : null),
  },
  {
    rule: 'F4',
    what: '(一)',
    mutate: (l) =>
      /^\u3000\u3000（[一二三四五六七八九十]+）/u.test(l) ? l.replace('（', '(').replace('）', ')') : null,
  },
  {
    rule: 'F4',
    what: '（一）、',
    mutate: (l) => (/^\u3000\u3000（[一二三四五六七八九十]+）/u.test(l) ? l.replace('）', '）、') : null),
  },
  { rule: 'F4', what: '1、', mutate: (l) => (/^\u3000\u3000\d+\./u.test(l) ? l.replace('.', '、') : null) },
  {
    rule: 'F4',
    what: '(1)',
    mutate: (l) => (/^\u3000\u3000（\d+）/u.test(l) ? l.replace('（', '(').replace('）', ')') : null),
  },
  { rule: 'F4', what: 'gap 二→三', mutate: (l) => (/^\u3000\u3000二、/u.test(l) ? l.replace('二、', '三、') : null) },
  {
    rule: 'F4',
    what: 'skipped level',
    mutate: (l, i, all) =>
      /^\u3000\u3000（一）/u.test(l) && /^\u3000\u3000[一二三四五六七八九十]+、/u.test(all[i - 1] ?? '')
        ? l.replace('（一）', '1.')
        : null,
  },
  // F5
  { rule: 'F5', what: 'trailing 。', mutate: (l, i, all) => (isTitle(l, i, all) ? `${l}。` : null) },
  {
    rule: 'F5',
    what: '，inside',
    mutate: (l, i, all) => (isTitle(l, i, all) ? l.replace('关于', '关于进一步，') : null),
  },
  {
    rule: 'F5',
    what: 'doubled type',
    mutate: (l, i, all) =>
      isTitle(l, i, all) && /(请示|报告)$/u.test(l) ? l.replace(/(请示|报告)$/u, '请示报告') : null,
  },
  {
    rule: 'F5',
    what: 'no type',
    mutate: (l, i, all) =>
      isTitle(l, i, all) && /的(通知|请示|报告|函|批复)$/u.test(l) ? l.replace(/的[^的]+$/u, '的') : null,
  },
  {
    rule: 'F5',
    what: 'not 关于…的 (warning)',
    mutate: (l, i, all) => (isTitle(l, i, all) && l.includes('关于') ? l.replace('关于', '') : null),
  },
  // F6
  { rule: 'F6', what: 'attachment name 。', mutate: (l) => (/附件：\S/u.test(l) ? `${l}。` : null) },
  {
    rule: 'F6',
    what: 'attachment item ；',
    mutate: (l, i, all) => (/^\u3000+\d\./u.test(l) && /附件：/u.test(all[i - 1] ?? '') ? `${l}；` : null),
  },
  { rule: 'F6', what: 'attachment 1、', mutate: (l) => (/附件：1\./u.test(l) ? l.replace('1.', '1、') : null) },
  { rule: 'F6', what: '附件:', mutate: (l) => (/附件：/u.test(l) ? l.replace('附件：', '附件:') : null) },
  { rule: 'F6', what: '主送 :', mutate: (l, i, all) => (isRecipients(l, i, all) ? l.replace(/：$/u, ':') : null) },
  {
    rule: 'F6',
    what: '主送 no colon',
    mutate: (l, i, all) => (isRecipients(l, i, all) ? l.replace(/：$/u, '') : null),
  },
  { rule: 'F6', what: '抄送 no 。', mutate: (l) => (/^抄送：.*。$/u.test(l) ? l.slice(0, -1) : null) },
  { rule: 'F6', what: '抄送 ；', mutate: (l) => (/^抄送：.*，/u.test(l) ? l.replace('，', '；') : null) },
  { rule: 'F6', what: '份号 5 digits', mutate: (l, i) => (i < 2 && /^\d{6}$/u.test(l) ? l.slice(1) : null) },
  { rule: 'F6', what: '密级 *', mutate: (l) => (/^秘密★/u.test(l) ? l.replace('★', '*') : null) },
  { rule: 'F6', what: '密级 一年', mutate: (l) => (/^秘密★1年$/u.test(l) ? l.replace('1年', '一年') : null) },
];

/** Type rules: only where the type has them. */
const TYPE_MUTATIONS: { doc: string; rule: string; what: string; mutate: Mutator; line?: 0 }[] = [
  {
    doc: 'qingshi',
    rule: 'Q1',
    what: 'two addressees',
    mutate: (l, i, all) => (isRecipients(l, i, all) ? l.replace('：', '、江城市财政局：') : null),
  },
  {
    doc: 'qingshi',
    rule: 'Q1',
    what: 'second request',
    mutate: (l) => (/拟申请市级财政资金解决。$/u.test(l) ? `${l}请予批准。` : null),
  },
  {
    doc: 'qingshi',
    rule: 'Q1',
    what: 'no request closing',
    mutate: (l) => (/^\u3000\u3000妥否，请批示。$/u.test(l) ? '\u3000\u3000特此请示。' : null),
  },
  {
    doc: 'baogao',
    rule: 'R1',
    what: '妥否，请批示',
    mutate: (l) => (/^\u3000\u3000特此报告。$/u.test(l) ? '\u3000\u3000妥否，请批示。' : null),
  },
  {
    doc: 'baogao',
    rule: 'R1',
    what: '请予批准',
    mutate: (l) => (/补充紧缺学科教师。$/u.test(l) ? `${l.slice(0, -1)}，请予批准。` : null),
  },
  ...['qingshi', 'baogao'].map((doc) => ({
    doc,
    rule: 'U1',
    what: 'no 签发人',
    line: 0 as const,
    mutate: (l: string) => (/签发人：/u.test(l) ? l.replace(/[\u3000\s]+签发人：\S+/u, '') : null),
  })),
];

function isTitle(l: string, i: number, all: string[]): boolean {
  return (
    /(通知|请示|报告|函|批复|纪要)$/u.test(l) &&
    all.slice(0, i).every((p) => !/^\u3000\u3000/u.test(p) && !/：$/u.test(p))
  );
}
function isRecipients(l: string, i: number, all: string[]): boolean {
  return /：$/u.test(l) && !/^\u3000/u.test(l) && all.slice(0, i).every((p) => !/^\u3000\u3000/u.test(p));
}

function inject(): Injection[] {
  const out: Injection[] = [];
  for (const { name, text } of docs) {
    const doc = name.replace(/\.txt$/u, '');
    const lines = text.split('\n');
    const all = [...MUTATIONS, ...TYPE_MUTATIONS.filter((m) => m.doc === doc)];
    for (const m of all) {
      lines.forEach((line, i) => {
        const changed = m.mutate(line, i, lines);
        if (changed === null || changed === line) return;
        const copy = [...lines];
        copy[i] = changed;
        out.push({ doc, what: m.what, text: copy.join('\n'), rule: m.rule, line: m.line ?? i + 1 });
      });
    }
  }
  return out;
}

describe('corpus', () => {
  test.each(docs.map((d) => [d.name, d.text]))('%s: clean, no error and no warning', (_name, text) => {
    expect(show(lint({ text }))).toEqual([]);
  });

  test('injected errors of every rule are found at the right line (≥ 95%)', () => {
    const injections = inject();
    const missed: string[] = [];
    const perRule = new Map<string, [found: number, total: number]>();
    for (const inj of injections) {
      const problems = lint({ text: inj.text });
      const found = problems.some((p) => p.rule === inj.rule && p.line === inj.line);
      const [f, t] = perRule.get(inj.rule) ?? [0, 0];
      perRule.set(inj.rule, [f + (found ? 1 : 0), t + 1]);
      if (!found) missed.push(`${inj.doc} ${inj.rule} ${inj.what} @${inj.line}: ${show(problems).join(' | ')}`);
    }
    const total = injections.length;
    const rate = (total - missed.length) / total;
    const table = [...perRule].map(([rule, [f, t]]) => `${rule} ${f}/${t}`).join(', ');
    console.log(
      `lint corpus: ${total - missed.length}/${total} injected errors found at the right line (${(rate * 100).toFixed(1)}%) — ${table}${missed.length ? `\nmissed:\n${missed.join('\n')}` : ''}`,
    );
    // Every rule is exercised.
    expect([...perRule.keys()].sort()).toEqual(['F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'Q1', 'R1', 'U1']);
    expect(total).toBeGreaterThan(100);
    expect(rate).toBeGreaterThanOrEqual(0.95);
  });
});

describe('real 通知 texts', () => {
  const files = fs.readdirSync(REAL).filter((f) => /tongzhi.*\.txt$/u.test(f));
  test('there are some', () => expect(files.length).toBeGreaterThanOrEqual(2));
  test.each(files)('%s: no error, no warning', (file) => {
    const text = fs.readFileSync(path.join(REAL, file), 'utf8');
    const problems = lint({ text });
    expect(show(errors(problems))).toEqual([]);
    expect(show(problems)).toEqual([]);
    // Declared as a 通知 too.
    expect(show(lint({ text, typeName: '通知' }))).toEqual([]);
  });
});

describe('speed', () => {
  test('a 30,000-character document', () => {
    const base = docs.find((d) => d.name === 'tongzhi.txt')!.text;
    const body = base.split('\n');
    const paragraph =
      '\u3000\u3000各区人民政府要加强组织领导，细化工作措施，确保各项任务落到实处，2026年6月30日前报送工作情况。';
    const filler: string[] = [];
    while (filler.join('\n').length < 30_000 - base.length) filler.push(paragraph);
    const text = [...body.slice(0, 21), ...filler, ...body.slice(21)].join('\n');
    expect(text.length).toBeGreaterThanOrEqual(30_000);
    lint({ text }); // warm-up
    const runs = 10;
    const t0 = performance.now();
    for (let i = 0; i < runs; i++) lint({ text });
    const ms = (performance.now() - t0) / runs;
    console.log(`lint speed: ${text.length} characters in ${ms.toFixed(2)} ms (mean of ${runs})`);
    expect(lint({ text })).toEqual([]);
  });
});
