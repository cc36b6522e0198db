import type { ProfileField, ProposedValue, ValidationType } from '../domain/form';
import { detectPii } from '../pii/detect';
import { isValidCreditCode } from '../pii/checksums';
import { findDates } from '../verify/dates';
import { findQuantities } from '../verify/numbers';
import { foldWidth } from '../verify/text';
import { type EvidencePassage, checkProposal } from './evidence';
import { matchOption, readPhone } from './validate';

/**
 * The offline engine of form filling: values found by pattern next to their labels (姓名：张三,
 * 联系电话：138…) in the source passages, each with the line it stands in as evidence. Nothing is
 * inferred: a field whose label is nowhere in the sources stays empty.
 */

export interface SourceText extends EvidencePassage {
  id: string;
}

/**
 * Names one thing goes by. Only a label that is one of them (申请人姓名 → 姓名) takes the others:
 * a label with a modifier of its own (发文单位, 项目名称) is not the 单位 or 名称 of the sources.
 */
const SYNONYMS: readonly (readonly string[])[] = [
  ['姓名', '名字', '申请人', 'name', 'full name'],
  ['单位', '单位名称', '工作单位', '所在单位', '现工作单位', 'employer'],
  ['地址', '住址', '通讯地址', '通信地址', '联系地址', '家庭住址', '居住地址', '现住址', '住所', 'address'],
  ['电话', '联系电话', '电话号码', '手机', '手机号', '手机号码', '移动电话', '联系方式', 'phone', 'mobile', 'tel'],
  ['邮箱', '电子邮件', '电子邮箱', '邮件地址', '电子邮件地址', 'email', 'e-mail'],
  ['身份证号', '身份证号码', '身份证', '公民身份号码', '证件号码', 'id number'],
  ['统一社会信用代码', '社会信用代码', '信用代码'],
  ['法定代表人', '法人代表', '法人'],
  ['注册资本', '注册资金'],
  ['成立日期', '成立时间', '设立日期', '注册日期'],
  ['出生日期', '出生年月', '生日', 'date of birth'],
  ['企业名称', '公司名称', '名称'],
  ['邮政编码', '邮编'],
  ['性别'],
  ['民族'],
  ['籍贯'],
  ['学历'],
  ['政治面貌'],
  ['职务', '职位'],
  ['职称'],
];

/** Who the form is about, which adds nothing to a label (申请人联系电话 is the 联系电话 of the sources). */
const APPLICANT = /^(?:申请人|申请单位|申报人|申报单位|本人|个人|填表人)(?:的)?/;
/** A note after a label: 联系电话（手机）：, 注册资本（万元）. */
const LABEL_NOTE = /[（(][^（()）\n]{0,10}[)）]\s*$/;

const fold = (text: string) => foldWidth(text).replace(/[A-Z]/g, (c) => c.toLowerCase());
const isAsciiWord = (c: string | undefined) => c !== undefined && /[a-z0-9]/.test(c);

/** Offsets (end) of each whole occurrence of `term` in folded text. */
function occurrences(folded: string, term: string): number[] {
  const ends: number[] = [];
  const ascii = /^[a-z]/.test(term);
  for (let at = folded.indexOf(term); at >= 0; at = folded.indexOf(term, at + 1)) {
    const end = at + term.length;
    if (!ascii || (!isAsciiWord(folded[at - 1]) && !isAsciiWord(folded[end]))) ends.push(end);
  }
  return ends;
}

/** The synonym group a folded label is one of the names of; -1 when none. */
function groupOf(label: string): number {
  const group = SYNONYMS.findIndex((terms) => terms.includes(label));
  return group >= 0 ? group : SYNONYMS.findIndex((terms) => terms.includes(label.replace(APPLICANT, '')));
}

/** What a field is called in the sources: its own label (rank 0) and its synonyms (rank 1). */
interface Names {
  label: string;
  group: number;
  terms: { term: string; rank: number }[];
}

function namesOf(field: ProfileField): Names {
  const label = fold(field.label.trim()).replace(LABEL_NOTE, '').trim();
  const group = groupOf(label);
  const synonyms = group < 0 ? [] : SYNONYMS[group]!.filter((t) => t !== label).map((term) => ({ term, rank: 1 }));
  return { label, group, terms: [{ term: label, rank: 0 }, ...synonyms] };
}

interface Found {
  value: string;
  /** Span to quote around (the label and its value). */
  start: number;
  end: number;
  /** Lower is better: own label before a synonym, then nearer. */
  score: number;
}

// ---- Label：value pairs ---------------------------------------------------------------------------

interface Pair {
  key: string;
  keyStart: number;
  valueStart: number;
  value: string;
}

const SENTENCE_STOP = /[。！？!?；;\n]/;
const VALUE_STOP = /\s{2,}|[，。；;,！？!?\t\n]/;
const KEY_RUN = /[\p{Script=Han}A-Za-z]{1,10}$/u;
/** How far before its colon a label (with its note) may start. */
const KEY_WINDOW = 30;

/**
 * Every `label：value` in the text. A label is the longest known name ending right before the
 * colon (so 张三性别：男 has the label 性别), else the run of letters there; a value ends at the
 * next label, punctuation or the end of the line.
 */
function pairs(text: string, known: readonly string[]): Pair[] {
  const folded = fold(text);
  const found: Omit<Pair, 'value'>[] = [];
  for (const m of folded.matchAll(/[:：]/g)) {
    if (/\d/.test(folded[m.index - 1] ?? '') && /\d/.test(folded[m.index + 1] ?? '')) continue; // 10:30
    const from = Math.max(0, m.index - KEY_WINDOW);
    const before = folded.slice(from, m.index).replace(LABEL_NOTE, '').trimEnd();
    const term = known.filter((t) => before.endsWith(t)).sort((a, b) => b.length - a.length)[0];
    const key = term ?? KEY_RUN.exec(before)?.[0];
    if (!key) continue;
    found.push({ key, keyStart: from + before.length - key.length, valueStart: m.index + 1 });
  }
  return found.map((p, i) => {
    const until = found[i + 1]?.keyStart ?? text.length;
    const value = text.slice(p.valueStart, until).split(VALUE_STOP)[0]!;
    return { ...p, value: value.replace(/^[\s_＿]+|[\s_＿]+$/g, '') };
  });
}

function byPair(names: Names, field: ProfileField, text: string, read: Reader): Found[] {
  return read.pairs(text).flatMap((p) => {
    const rank = p.key === names.label ? 0 : names.group >= 0 && groupOf(p.key) === names.group ? 1 : -1;
    if (rank < 0 || p.value === '') return [];
    const value = field.validation === 'choice' ? optionIn(field, p.value) : p.value;
    if (value === undefined) return [];
    const start = text.indexOf(p.value, p.valueStart);
    return [{ value, start: p.keyStart, end: start + p.value.length, score: rank * 1000 }];
  });
}

/** The one option a value names (性别：男 → 男); checkboxes are never read from text. */
function optionIn(field: ProfileField, value: string): string | undefined {
  if (field.type === 'checkbox') return undefined;
  const exact = matchOption(field.options, value);
  if (exact !== undefined) return exact;
  const named = (field.options ?? []).filter((o) => fold(value).includes(fold(o)));
  return named.length === 1 ? named[0] : undefined;
}

// ---- Typed values near a label --------------------------------------------------------------------

interface Span {
  start: number;
  end: number;
  value: string;
}

const CREDIT_CODE = /(?<![0-9A-Za-z])[0-9A-HJ-NP-RTUWXY]{18}(?![0-9A-Za-z])/g;
const LANDLINE = /(?<![\d-])(?:[(（]0\d{2,3}[)）]|0\d{2,3}[- ]?)\d{7,8}(?!\d)/g;

const spansOf = (text: string, re: RegExp, keep: (value: string) => boolean): Span[] =>
  [...foldWidth(text).matchAll(re)]
    .map((m) => ({ start: m.index, end: m.index + m[0].length, value: text.slice(m.index, m.index + m[0].length) }))
    .filter((s) => keep(s.value));

const pii = (text: string, type: 'id_number' | 'mobile'): Span[] =>
  detectPii(text)
    .filter((e) => e.type === type)
    .map((e) => ({ start: e.start, end: e.end, value: e.value }));

/** Candidates of each typed validation: checksummed identifiers, phones, dates, sums of money. */
const TYPED: Partial<Record<ValidationType, (text: string) => Span[]>> = {
  id_number: (text) => pii(text, 'id_number'),
  phone: (text) => [...pii(text, 'mobile'), ...spansOf(text, LANDLINE, (v) => readPhone(v) !== null)],
  credit_code: (text) => spansOf(text, CREDIT_CODE, (v) => isValidCreditCode(foldWidth(v))),
  date: (text) =>
    findDates(text)
      .filter((d) => d.year !== undefined && d.month !== undefined)
      .map((d) => ({ start: d.start, end: d.end, value: d.text })),
  amount: (text) =>
    findQuantities(text, findDates(text))
      .filter((q) => q.kind === 'amount')
      .map((q) => ({ start: q.start, end: q.end, value: q.text })),
};

/** How far after its label a value may start. */
const LABEL_GAP = 24;

/**
 * Whether the text between a label and a value keeps them together: the same sentence, and no
 * other label in between (出生日期：不详，成立日期：2015年… is not a birth date).
 */
function together(gap: string): boolean {
  if (gap.length > LABEL_GAP || SENTENCE_STOP.test(gap)) return false;
  const colons = gap.split(/[:：]/);
  return colons.length === 1 || (colons.length === 2 && !/[，,、]/.test(colons[0]!));
}

function byType(names: Names, field: ProfileField, text: string, read: Reader): Found[] {
  if (!TYPED[field.validation]) return [];
  const folded = read.fold(text);
  const labels = names.terms.flatMap(({ term, rank }) => occurrences(folded, term).map((end) => ({ end, rank })));
  if (labels.length === 0) return [];
  return read.spans(field.validation, text).flatMap((span) => {
    const near = labels
      .filter((l) => l.end <= span.start && together(text.slice(l.end, span.start)))
      .map((l) => ({ start: l.end, score: l.rank * 1000 + (span.start - l.end) }))
      .sort((a, b) => a.score - b.score)[0];
    return near ? [{ value: span.value, start: near.start, end: span.end, score: near.score }] : [];
  });
}

// ---- Evidence ---------------------------------------------------------------------------------------

/** The sentence or line holding [start, end), as written. */
function sentenceAround(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && !SENTENCE_STOP.test(text[from - 1]!)) from--;
  let to = end;
  while (to < text.length && !SENTENCE_STOP.test(text[to]!)) to++;
  if (to < text.length && text[to] !== '\n') to++;
  return text.slice(from, to).trim();
}

/** What is read of each passage, once for all fields. */
interface Reader {
  fold(text: string): string;
  pairs(text: string): Pair[];
  spans(validation: ValidationType, text: string): Span[];
}

function memo<T>(read: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    if (!cache.has(key)) cache.set(key, read(key));
    return cache.get(key)!;
  };
}

function reader(known: readonly string[]): Reader {
  const spans = new Map(Object.entries(TYPED).map(([validation, find]) => [validation, memo(find)]));
  return {
    fold: memo(fold),
    pairs: memo((text) => pairs(text, known)),
    spans: (validation, text) => spans.get(validation)?.(text) ?? [],
  };
}

export function extractByPatterns(fields: readonly ProfileField[], passages: readonly SourceText[]): ProposedValue[] {
  const byId = new Map<string, EvidencePassage>(passages.map((p) => [p.id, p]));
  const known = [...new Set([...SYNONYMS.flat(), ...fields.map((f) => namesOf(f).label)])].filter(Boolean);
  const read = reader(known);
  return fields.map((field) => {
    const names = namesOf(field);
    // Typed patterns first; a labelled value that fails them is still shown, flagged invalid.
    const tiers = [
      (text: string) => byType(names, field, text, read),
      (text: string) => byPair(names, field, text, read),
    ];
    let best: (Found & { passage: SourceText }) | undefined;
    for (const tier of tiers) {
      for (const passage of passages) {
        for (const f of tier(passage.text)) if (!best || f.score < best.score) best = { ...f, passage };
      }
      if (best) break;
    }
    if (!best) return { name: field.name, value: '', evidence: null, problems: ['no_evidence'], source: 'pattern' };
    const quote = sentenceAround(best.passage.text, best.start, best.end);
    return checkProposal(field, { value: best.value, quote, passageId: best.passage.id }, byId, 'pattern');
  });
}
