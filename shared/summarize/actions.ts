/**
 * Action items (who must do what by when) and key dates, read from 公文 passages by the patterns
 * directives are written in: 请各…于…前报送, 各地区各部门要…, …前完成, 截止…, 10个工作日内.
 *
 * Precision beats recall: an item's `what` is always a verbatim span of its passage (a summary
 * quotes it and the verifier finds it), and a sentence becomes an item only when it is addressed
 * (请 + an addressee, an addressee subject + 要/应/须/负责) or carries a deadline with a directive
 * verb, so a report's narrative (…以前, 2005年底前注册的…) yields nothing.
 */
import type { SourcePassage } from '../verify/types';
import { sentencesOf } from './language';

export interface ActionItem {
  /** The addressee (各省级人民政府, 各地区、各部门), or null when the text names none. */
  who: string | null;
  /** What is to be done: verbatim passage text (the sentence, or the part after its addressee). */
  what: string;
  /** The deadline as written (2026年3月31日前, 3月底前, 10个工作日内), or null. */
  deadline: string | null;
  label: string;
  /** Offsets of `what` in the passage's text. */
  start: number;
  end: number;
}

export interface KeyDate {
  /** The date as written, parenthesised weekdays left out (2025年1月1日, 1月28日至2月4日). */
  date: string;
  /** The sentence that says what happens then, verbatim. */
  what: string;
  label: string;
}

const D = '[0-9０-９]';
const CN_DIGIT = '[〇○零一二三四五六七八九]';
const CN_NUM = '[一二三四五六七八九十]{1,3}';
const YEAR = `(?:${D}{4}|${CN_DIGIT}{4})年`;
const MONTH = `(?:${D}{1,2}|${CN_NUM})月`;
const DAY = `(?:${D}{1,2}|${CN_NUM})日`;
const PART_OF_MONTH = '(?:底|末|上旬|中旬|下旬)';
const NOT_AFTER_DIGIT = `(?<!${D}|${CN_DIGIT}|十)`;

/** A date precise enough to be one: a day, a part of a month, a year's month or a year's end. */
const SPECIFIC_DATE = `${NOT_AFTER_DIGIT}(?:(?:${YEAR})?${MONTH}(?:${DAY}|${PART_OF_MONTH})|${YEAR}${MONTH}|${YEAR}(?:底|末))`;
/** A weekday or lunar note after a date: 1月28日（农历除夕、周二）. */
const NOTE = '(?:[（(][^（）()]{1,12}[）)])?';
/** The end of a range or the next of a list: …至2月4日, …至6日, …、2月8日. */
const NEXT_DATE = `(?:至|到|—|－|-|～|~|、|和)(?:(?:${YEAR})?${MONTH})?${DAY}${NOTE}`;
const KEY_DATE = new RegExp(`${SPECIFIC_DATE}${NOTE}(?:${NEXT_DATE})*`, 'gu');

/** Deadlines that make a sentence an action item when a directive verb or cue goes with them. */
const FIRM_DEADLINE = new RegExp(
  [
    `(?:每年)?${SPECIFIC_DATE}(?:之前|以前|前)`,
    `(?:${D}{1,3}|${CN_NUM})个?(?:工作日|自然日|日|天|周|个月)(?:之内|内)`,
    `截止(?:日期|时间)?(?:为|到|至)?${SPECIFIC_DATE}`,
    `${SPECIFIC_DATE}(?:截止|为止)`,
  ].join('|'),
  'gu',
);
/** Deadlines read only in a sentence already addressed to someone: 2025年前, 在会议召开前. */
const LOOSE_DEADLINE = new RegExp(`${YEAR}(?:之前|以前|前)|(?:在|于)[^，。；、：\\s]{2,12}?(?:之前|以前|前)`, 'gu');

/** A deadline followed by a few characters and 的 qualifies a noun (2005年底前注册的车辆): no deadline. */
const ATTRIBUTIVE = /^[\p{Script=Han}]{0,6}的/u;
const DIRECTIVE_BEFORE = /(?:请|于|务必|必须|须|应当|应|要|确保|力争|抓紧|按时|及时)[^，。；]{0,6}$/u;
const DIRECTIVE_AFTER = /^[^，。；]{0,6}(?:完成|报送|上报|报|提交|反馈|落实|到位|办结|整改|备案|送达)/u;

/** The first deadline in a text, as written, or null. */
export function findDeadline(text: string): string | null {
  return deadlineIn(text, false)?.text ?? null;
}

function deadlineIn(text: string, firmOnly: boolean): { text: string; directive: boolean } | null {
  for (const pattern of firmOnly ? [FIRM_DEADLINE] : [FIRM_DEADLINE, LOOSE_DEADLINE]) {
    for (const m of text.matchAll(pattern)) {
      const after = text.slice(m.index + m[0].length);
      if (m[0].endsWith('前') && ATTRIBUTIVE.test(after)) continue;
      const before = text.slice(0, m.index);
      // 截止 names a deadline by itself; a date with 前 needs a directive next to it.
      const directive = m[0].includes('截止') || DIRECTIVE_BEFORE.test(before) || DIRECTIVE_AFTER.test(after);
      return { text: m[0], directive };
    }
  }
  return null;
}

/** Endings of organisations and groups of people; one-character ones need a longer name (国务院, 财政部). */
const ORG_WORD =
  /(?:政府|部门|单位|机关|机构|委员会|党委|党组|办公厅|办公室|中心|城市|地区|地方|企业|学校|医院|银行|小组|人员|干部|各行各业)$/u;
const ORG_CHAR = /[厅局部署院委办处科室组]$/u;
/** 各地, 各省, 有关方面: short enough after 各/有关 to be a group of addressees. */
const GROUP = /^(?:各|有关|相关)[\p{Script=Han}、]{0,3}(?:地|省|市|县|区|级|方面)$/u;
const NOT_ORG_START = /^(?:我|你|他|她|它|这|那|其|此|本|该|各位)/u;
/** Descriptive 部 words that end like an organisation but are none. */
const NOT_ORG_END = /(?:全部|内部|外部|局部|东部|西部|中部|南部|北部|头部|底部)$/u;
/** Words that make a phrase a clause rather than a name (各地在落实…过程中, …兴建的企业). */
const CLAUSE_WORD = /[的在把对将从]|过程|期间|方面的/u;

/** Whether a phrase names an addressee: a group (各地, 有关方面) or a name ending like an organisation. */
function isAddressee(phrase: string): boolean {
  if (!/^[\p{Script=Han}、和及与]{2,30}$/u.test(phrase) || NOT_ORG_START.test(phrase)) return false;
  if (CLAUSE_WORD.test(phrase)) return false;
  if (GROUP.test(phrase) || ORG_WORD.test(phrase)) return true;
  return phrase.length >= 3 && ORG_CHAR.test(phrase) && !NOT_ORG_END.test(phrase);
}

/** 要, 应, 须 … after an addressee; 负责人 and 需求 are nouns. */
const MODAL = /要|应当|应|须|必须|务必|负责(?![人干同])|需(?!求)/gu;
/** Adverbs between an addressee and its modal (各级政府都要, 各地区一定要): not part of the name. */
const ADVERBS = /(?:都|也|还|均|一定|任何时候都|更|则|就|必须)+$/u;
/** 请 + an addressee: 请各省级人民政府于…, 请有关单位按…. */
const ASK_WHOM =
  /请((?:各(?!位)|有关|相关)[\p{Script=Han}、]{1,30}?)(?=于|在|将|按|把|对|从|抓紧|认真|及时|务必|结合|根据|做好|尽快|切实|严格|，|,)/u;
/** 请 asking the document's addressees (主送) without naming them: 请于…前报送. */
const ASK_ALL = /请(?=于|在|将|按|把|抓紧|认真|及时|务必|结合|根据|做好|尽快|切实|严格)/u;

/** The addressee heading a clause (各地区、各部门要…) and where its modal starts. */
function subjectOf(clause: string): { who: string; modal: number } | null {
  for (const m of clause.matchAll(MODAL)) {
    if (m.index > 34) break;
    const who = clause.slice(0, m.index).replace(ADVERBS, '');
    if (isAddressee(who)) return { who, modal: m.index };
  }
  return null;
}

/** Offsets of clause starts: the sentence start and after each ，；：. */
function clauseStarts(sentence: string): number[] {
  const starts = [0];
  for (const m of sentence.matchAll(/[，,；;：:]/gu)) starts.push(m.index + 1);
  return starts;
}

/** Key of the document a passage belongs to: its documentId, or the part of its id before '#'. */
export function documentKey(p: SourcePassage): string {
  return p.documentId ?? (p.id.includes('#') ? p.id.slice(0, p.id.lastIndexOf('#')) : '');
}

/** A 主送 line: a short list of addressees ending in a colon, before the body. */
function recipientsOf(passages: readonly SourcePassage[]): Map<string, string> {
  const out = new Map<string, string>();
  const seen = new Map<string, number>();
  for (const p of passages) {
    const key = documentKey(p);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    if (n > 12 || out.has(key)) continue;
    const m = /^(.{2,150})[：:]$/u.exec(p.text.trim());
    if (m && !/[。！？]/u.test(m[1]!) && isAddressee(m[1]!.split(/[，,、]/u)[0]!)) out.set(key, m[1]!);
  }
  return out;
}

/** Action items in the order they stand, at most one per sentence. */
export function findActionItems(passages: readonly SourcePassage[]): ActionItem[] {
  const recipients = recipientsOf(passages);
  const items: ActionItem[] = [];
  for (const p of passages) {
    for (const s of sentencesOf(p.text)) {
      const item = actionOf(s.text, recipients.get(documentKey(p)) ?? null);
      if (!item) continue;
      const what = s.text.slice(item.skip);
      if (!/[\p{Script=Han}\p{L}]{2}/u.test(what)) continue;
      items.push({
        who: item.who,
        what,
        deadline: item.deadline,
        label: p.label,
        start: s.start + item.skip,
        end: s.end,
      });
    }
  }
  return items;
}

/** The addressee a sentence names (请各…于, 各地区要…) and how much of its start is that alone. */
function addressee(sentence: string): { who: string; skip: number } | null {
  const asked = ASK_WHOM.exec(sentence);
  if (asked) return { who: asked[1]!, skip: asked.index === 0 ? asked[0].length : 0 };
  for (const at of clauseStarts(sentence)) {
    const subject = subjectOf(sentence.slice(at));
    if (subject) return { who: subject.who, skip: at === 0 ? subject.modal : 0 };
  }
  return null;
}

/** The addressee a sentence names (请各省级人民政府于… → 各省级人民政府), or null. */
export function addresseeOf(sentence: string): string | null {
  return addressee(sentence)?.who ?? null;
}

/** Whether a sentence is an action item; `skip`: how much of its start is the addressee alone. */
function actionOf(
  sentence: string,
  recipients: string | null,
): { who: string | null; deadline: string | null; skip: number } | null {
  const named = addressee(sentence);
  const askedAll = !named && ASK_ALL.test(sentence);
  const deadline = deadlineIn(sentence, !named && !askedAll);
  if (!named && !askedAll && !deadline?.directive) return null;
  return {
    who: named?.who ?? (askedAll ? recipients : null),
    deadline: deadline?.text ?? null,
    skip: named?.skip ?? 0,
  };
}

const HAS_DAY = new RegExp(DAY, 'u');
const HAS_PART_OF_MONTH = new RegExp(PART_OF_MONTH, 'u');
const SPECIFICITY = (date: string): number => (HAS_DAY.test(date) ? 3 : HAS_PART_OF_MONTH.test(date) ? 2 : 1);
const withoutNotes = (date: string): string => date.replace(/[（(][^（）()]*[）)]/gu, '');

/** The most precise date in a text, as written without notes, or null. */
export function findDate(text: string): string | null {
  let best: string | null = null;
  for (const m of text.matchAll(KEY_DATE)) {
    if (!best || SPECIFICITY(m[0]) > SPECIFICITY(best)) best = m[0];
  }
  return best && withoutNotes(best);
}

/** Sentences that name a date and what happens then, one entry per sentence, in order. */
export function findKeyDates(passages: readonly SourcePassage[]): KeyDate[] {
  const out: KeyDate[] = [];
  for (const p of passages) {
    for (const s of sentencesOf(p.text)) {
      const date = findDate(s.text);
      // A date standing alone (the 成文日期) says nothing happens.
      const rest = s.text.replace(KEY_DATE, '');
      if (date && /[\p{Script=Han}\p{L}]{2}/u.test(rest)) out.push({ date, what: s.text, label: p.label });
    }
  }
  return out;
}
