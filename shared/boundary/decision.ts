import type { DraftWarning } from '../domain/draft';
import type { DecisionWords } from '../policy/schema';
import {
  ACTIONS,
  CONNECTIVES,
  DECISION_HEADS,
  DECISION_OUTPUTS,
  DECISION_REQUESTS,
  DOC_NOUNS,
  DRAFTING_VERBS,
  FRAME_WORDS,
  GAP_BLOCK,
  GAP_DRAFTING,
  GAP_END,
  GOVERNING_WORDS,
  JUDGE_AS_TOPIC,
  JUDGE_VERBS,
  MATERIAL_INTRO,
  NEGATIONS,
  NOUN_AFTER,
  QUOTE_META,
} from './decision-words';

/**
 * The non-decision guard. Wenshu supports the officer; it never decides a case (China's 2025
 * guidelines for AI in government: 辅助型定位). A request that asks the tool to decide (是否批准,
 * 能否受理, 打分, approve/score an application) is recognised before anything is sent and answered
 * with a neutral summary of the facts and a notice that the decision is the officer's; decision
 * wording in an output (批准, 不予受理, approved …) becomes a review warning.
 *
 * Precision matters as much as recall: officers draft about approvals all day ("起草一份关于申请
 * 批准建设项目的请示" asks a superior to decide, "概括这份不予受理通知书的要点" summarises a decision
 * already made). A phrase only counts when the clause around it asks the tool itself to decide:
 * not when it is the topic of a drafting verb's object, a question put to someone else (询问,
 * 请示), a quoted word, a question of fact (是否已获批准) or explicitly declined (不要判断…).
 *
 * Pure TypeScript: runs in main and in the renderer.
 */

export interface DecisionLists {
  /** Request patterns (syntax: shared/boundary/decision-words.ts). */
  requests: readonly string[];
  /** Output patterns. */
  outputs: readonly string[];
}

export const BUILTIN_DECISION_LISTS: DecisionLists = Object.freeze({
  requests: DECISION_REQUESTS,
  outputs: DECISION_OUTPUTS,
});

/**
 * A policy phrase as a pattern: plain text, matched literally (case-insensitive, any whitespace
 * run for a space, whole words for Latin); `…` or `...` is a short gap inside one clause.
 */
export function phrasePattern(phrase: string): string {
  return phrase
    .trim()
    .split(/…|\.\.\./)
    .map((part) => part.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&'))
    .join('…');
}

/** The built-in lists with the policy's (`extend`), or the policy's alone (`replace`). */
export function decisionLists(policy?: DecisionWords): DecisionLists {
  if (!policy) return BUILTIN_DECISION_LISTS;
  const requests = policy.requests.map(phrasePattern).filter((p) => p.length > 0);
  const outputs = policy.outputs.map(phrasePattern).filter((p) => p.length > 0);
  if (policy.mode === 'replace') return { requests, outputs };
  return {
    requests: [...BUILTIN_DECISION_LISTS.requests, ...requests],
    outputs: [...BUILTIN_DECISION_LISTS.outputs, ...outputs],
  };
}

// ---- compiling entries ----

const SOFT = '，,：:';
const HARD = '。！？!?；;\\n\\r';
/** A clause ends at these (a full stop only when not a decimal point). */
const BREAK = `(?:[${HARD}${SOFT}]|\\.(?!\\d))`;
const CLAUSE_START = `(?<=(?:^|[${HARD}${SOFT}“"「『（(]|\\.\\s)\\s*)`;
const CLAUSE_END = `(?=\\s*(?:$|[${HARD}${SOFT}”"」』）)]|\\.(?!\\d)))`;
/** Latin words match whole words: a letter at an edge must not touch another letter. */
const LATIN_START = '(?:(?=[a-z])(?<![a-z])|(?![a-z]))';
const LATIN_END = '(?:(?<=[a-z])(?![a-z])|(?<![a-z]))';
const HAN = /\p{Script=Han}/u;

const compiled = new Map<string, RegExp | null>();

/** One entry as a global regular expression whose capture groups are its gaps; null if invalid. */
export function compileDecisionEntry(entry: string): RegExp | null {
  const cached = compiled.get(entry);
  if (cached !== undefined) return cached;
  let source = entry.trim();
  let head = '';
  let tail = '';
  if (source.startsWith('^')) {
    source = source.slice(1);
    head = CLAUSE_START;
  }
  if (source.endsWith('$') && !source.endsWith('\\$')) {
    source = source.slice(0, -1);
    tail = CLAUSE_END;
  }
  const gap = `((?:(?!${BREAK})[\\s\\S]){0,${HAN.test(source) ? 14 : 60}}?)`;
  source = source
    .replace(/(?<!\\)\((?!\?)/g, '(?:')
    .replace(/ ?… ?/g, (m) =>
      m === ' … ' ? `\\s+(?:${gap}\\s+)?` : m === ' …' ? `\\s*${gap}` : m === '… ' ? `${gap}\\s*` : gap,
    )
    .replace(/ +/g, '\\s+');
  let re: RegExp | null;
  try {
    re = source ? new RegExp(`${head}${LATIN_START}(?:${source})${LATIN_END}${tail}`, 'dgiu') : null;
  } catch {
    re = null;
  }
  if (compiled.size > 5000) compiled.clear();
  compiled.set(entry, re);
  return re;
}

interface Hit {
  phrase: string;
  start: number;
  end: number;
  /** Each gap's text and the character after it. */
  gaps: { text: string; next: string }[];
}

/** Matches of one entry, left to right; `accept` filters, and after a rejected hit the search resumes one character later. */
function* hits(text: string, entry: string, accept: (h: Hit) => boolean): Generator<Hit> {
  const re = compileDecisionEntry(entry);
  if (!re) return;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const hit: Hit = {
      phrase: m[0],
      start: m.index,
      end: m.index + m[0].length,
      gaps: m
        .slice(1)
        .map((g, i) => ({ text: g ?? '', next: g === undefined ? '' : (text[m!.indices![i + 1]![1]] ?? '') })),
    };
    if (hit.end === hit.start) {
      re.lastIndex = hit.start + 1;
      continue;
    }
    if (accept(hit)) {
      yield hit;
      re.lastIndex = hit.end;
    } else {
      re.lastIndex = hit.start + 1;
    }
  }
}

// ---- the context of a request phrase ----

const rx = (source: string, flags = 'iu') => new RegExp(source, flags);
const GAP_BLOCK_RE = rx(`${GAP_BLOCK}|${GAP_DRAFTING}`);
const GAP_END_RE = rx(GAP_END);
const NOUN_AFTER_RE = rx(`^(?:${NOUN_AFTER})`);
const MATERIAL_RE = rx(MATERIAL_INTRO);
const QUOTE_META_RE = rx(`${QUOTE_META}|${DRAFTING_VERBS}`);
const DRAFTING_ALL = rx(DRAFTING_VERBS, 'giu');
const GOVERNING_RE = rx(GOVERNING_WORDS);
const GOVERNING_START = rx(`^\\s*(?:${GOVERNING_WORDS})`);
const CONNECTIVE_ACTION = rx(
  `(?:${CONNECTIVES})\\s*(?:请|帮我|帮忙|你|再|\\b(?:please|also|then)\\b\\s*)*(?=${ACTIONS}|${DRAFTING_VERBS})`,
  'giu',
);
const JUDGE_ALL = rx(JUDGE_VERBS, 'giu');
const JUDGE_TOPIC = rx(JUDGE_AS_TOPIC);
const NEGATION_RE = rx(NEGATIONS);
const FRAME_RE = rx(FRAME_WORDS);
const HEAD_ALL = rx(`(${DECISION_HEADS})|(?:${DOC_NOUNS})`, 'giu');
const DOC_AT_END = rx(`(?:${DOC_NOUNS})\\s*$`);
const DECISION_AT_END = rx(`(?:${DECISION_HEADS})\\s*$`);
const SOFT_RE = /[，,：:]/g;

function lastMatch(re: RegExp, text: string): RegExpExecArray | null {
  re.lastIndex = 0;
  let last: RegExpExecArray | null = null;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    last = m;
    if (m[0].length === 0) re.lastIndex++;
  }
  return last;
}

/** How far around a phrase its context is read (a sentence longer than this is cut). */
const CONTEXT = 400;
const HARD_CHARS = new Set(['。', '！', '？', '!', '?', '；', ';', '\n', '\r']);
const isHardBreak = (text: string, i: number) =>
  HARD_CHARS.has(text[i]!) || (text[i] === '.' && (i + 1 >= text.length || /\s/.test(text[i + 1]!)));

/** Where the sentence around text[start, end) starts and ends (at most CONTEXT characters away). */
function sentenceBounds(text: string, start: number, end: number): [number, number] {
  let from = start;
  while (from > 0 && start - from < CONTEXT && !isHardBreak(text, from - 1)) from--;
  let to = end;
  while (to < text.length && to - end < CONTEXT && !isHardBreak(text, to)) to++;
  return [from, to];
}

/** Whether text[start, end) lies in a quotation that the request treats as words or material. */
function quoted(text: string, start: number, end: number): boolean {
  let paraStart = start;
  while (paraStart > 0 && start - paraStart < CONTEXT && text[paraStart - 1] !== '\n') paraStart--;
  let paraEnd = end;
  while (paraEnd < text.length && paraEnd - end < CONTEXT && text[paraEnd] !== '\n') paraEnd++;
  if (!/[《“「『‘"]/.test(text.slice(paraStart, start))) return false;
  const para = text.slice(paraStart, paraEnd);
  const s = start - paraStart;
  const e = end - paraStart;
  const pairs: [string, string][] = [
    ['《', '》'],
    ['“', '”'],
    ['「', '」'],
    ['『', '』'],
    ['‘', '’'],
    ['"', '"'],
  ];
  for (const [open, close] of pairs) {
    let o = -1;
    if (open === close) {
      let count = 0;
      for (let i = 0; i < s; i++) {
        if (para[i] === open) {
          count++;
          o = i;
        }
      }
      if (count % 2 === 0) continue;
    } else {
      o = para.lastIndexOf(open, s - 1);
      if (o === -1 || para.lastIndexOf(close, s - 1) > o) continue;
    }
    const c = para.indexOf(close, e);
    if (c === -1) continue;
    if (open === '《') return true;
    const outside = para.slice(0, o) + ' ' + para.slice(c + 1);
    if (QUOTE_META_RE.test(outside)) return true;
  }
  return false;
}

/**
 * Whether the clause around a request phrase makes it something other than a request to decide:
 * declined, put to someone else, or the topic of a drafting verb's object.
 */
function framedAway(text: string, start: number, end: number): boolean {
  const [sentStart, sentEnd] = sentenceBounds(text, start, end);
  const pre = text.slice(sentStart, start);

  // Soft breaks (，：) end the clause unless what follows continues the drafting verb's object:
  // "起草请示，请示市政府是否同意…", "起草一份请示：是否同意…".
  let from = 0;
  const breaks = [...pre.matchAll(SOFT_RE)].map((m) => m.index);
  for (let i = breaks.length - 1; i >= 0; i--) {
    const b = breaks[i]!;
    const right = pre.slice(b + 1);
    const left = pre.slice(0, b);
    const continues =
      GOVERNING_START.test(right) ||
      ((pre[b] === '：' || pre[b] === ':') && DOC_AT_END.test(left) && !DECISION_AT_END.test(left));
    if (!continues) {
      from = b + 1;
      break;
    }
  }
  let clause = pre.slice(from);

  // "总结材料并判断…": a connective followed by an action starts a new request.
  const conn = lastMatch(CONNECTIVE_ACTION, clause);
  if (conn) clause = clause.slice(conn.index + conn[0].length);

  if (NEGATION_RE.test(clause + text.slice(start, end))) return true;

  const judge = (() => {
    let last = -1;
    for (const m of clause.matchAll(JUDGE_ALL)) {
      if (!JUDGE_TOPIC.test(clause.slice(Math.max(0, m.index - 24), m.index))) last = m.index + m[0].length;
    }
    return last;
  })();
  // Put to someone else: "询问各部门是否同意", "要求各单位判断是否符合条件".
  if (GOVERNING_RE.test(clause)) return true;
  if (judge >= 0) clause = clause.slice(judge);

  const drafting = lastMatch(DRAFTING_ALL, clause);
  if (!drafting) return false;
  const between = clause.slice(drafting.index + drafting[0].length);

  // The head of the drafting verb's object: after the last 的 in the rest of the clause
  // ("…是否同意……的请示"), else named between the verb and the phrase ("a memo on whether…").
  const softAfter = /[，,：:]/.exec(text.slice(end, sentEnd));
  const suffix = text.slice(end, softAfter ? end + softAfter.index : sentEnd);
  const de = suffix.lastIndexOf('的');
  if (de !== -1) {
    const head = suffix.slice(de + 1).replace(/[\s吧呢吗呀。．.]+$/u, '');
    return !DECISION_AT_END.test(head);
  }
  const lastHead = lastMatch(HEAD_ALL, between);
  if (lastHead) return lastHead[1] === undefined;
  return FRAME_RE.test(between);
}

/** Where the material starts in "翻译以下内容：……" (everything after is material), or the end. */
function materialStart(text: string): number {
  const m = MATERIAL_RE.exec(text);
  return m ? m.index + m[0].length : text.length;
}

function isRequest(text: string, hit: Hit, material: number): boolean {
  if (hit.start >= material) return false;
  const badGap = (g: Hit['gaps'][number], i: number) =>
    GAP_BLOCK_RE.test(g.text) ||
    // after the decision verb: "能给我一份同意书的模板吗"
    (i > 0 && NOUN_AFTER_RE.test(g.text)) ||
    // "是否申请许可": the verb is what is applied for; "同意这个人的落户申请吗" is still a question
    (GAP_END_RE.test(g.text) && !/[吗么嘛呢]/.test(g.next));
  if (hit.gaps.some(badGap)) return false;
  if (HAN.test(hit.phrase.slice(-1)) && NOUN_AFTER_RE.test(text.slice(hit.end, hit.end + 8))) return false;
  if (HAN.test(hit.phrase[0] ?? '') && text[hit.start - 1] === '的') return false;
  if (quoted(text, hit.start, hit.end)) return false;
  return !framedAway(text, hit.start, hit.end);
}

/**
 * The first phrase that asks the tool to decide a case, or null: "这个申请是否批准？", "请判断能否
 * 受理", "给这份投标书打分", "Should we approve this application?", "Score this proposal from 1 to
 * 10". Not ordinary drafting that names an approval as its topic: "起草一份关于申请批准建设项目的
 * 请示", "写一份批复的格式模板", "summarize the approval process", "概括这份不予受理通知书的要点".
 */
export function findDecisionRequest(
  prompt: string,
  lists: DecisionLists = BUILTIN_DECISION_LISTS,
): { phrase: string; index: number } | null {
  const material = materialStart(prompt);
  let best: Hit | null = null;
  for (const entry of lists.requests) {
    for (const hit of hits(prompt, entry, (h) => isRequest(prompt, h, material))) {
      if (!best || hit.start < best.start || (hit.start === best.start && hit.end > best.end)) best = hit;
      break;
    }
  }
  return best ? { phrase: best.phrase, index: best.start } : null;
}

/**
 * Decision wording in an output, left to right, longest first where phrases overlap (不予批准, not
 * 批准 inside it): 批准, 同意, 不予受理, 准予, 驳回, approved, denied … Not in the guard's own notice
 * (`decisionNotice`), not inside unrelated words
 * (不同意见, 共同意志, 标准予以, 审核准确, taken for granted, disapproved is found as "approved" only at a
 * word boundary, so not).
 */
export function findDecisionWording(
  text: string,
  lists: DecisionLists = BUILTIN_DECISION_LISTS,
): { phrase: string; start: number; end: number }[] {
  // The guard's own notice ("该事项是否批准/同意由承办人员…") is not the model deciding.
  const notices: [number, number][] = [];
  for (const notice of [decisionNotice('zh-CN'), decisionNotice('en-US')]) {
    for (let at = text.indexOf(notice); at !== -1; at = text.indexOf(notice, at + notice.length)) {
      notices.push([at, at + notice.length]);
    }
  }
  const inNotice = (h: Hit) => notices.some(([from, to]) => h.start >= from && h.end <= to);
  const all: Hit[] = [];
  for (const entry of lists.outputs) for (const hit of hits(text, entry, (h) => !inNotice(h))) all.push(hit);
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: { phrase: string; start: number; end: number }[] = [];
  let until = 0;
  for (const h of all) {
    if (h.start < until) continue;
    out.push({ phrase: h.phrase, start: h.start, end: h.end });
    until = h.end;
  }
  return out;
}

/** How many decision-wording warnings one content gets before the rest are summed up in one. */
export const MAX_DECISION_WARNINGS = 20;

/**
 * Review warnings: one per occurrence (`decision_wording:<n>`, with the span and the phrase), the
 * first 20, then one warning `decision_wording:more` counting the rest (its span covers them all).
 */
export function decisionWarnings(text: string, lists: DecisionLists = BUILTIN_DECISION_LISTS): DraftWarning[] {
  const found = findDecisionWording(text, lists);
  const warnings: DraftWarning[] = found.slice(0, MAX_DECISION_WARNINGS).map((f, i) => ({
    id: `decision_wording:${i}`,
    kind: 'decision_wording',
    severity: 'warning',
    message: `decision wording "${f.phrase}": the decision belongs to the responsible officer`,
    params: { phrase: f.phrase },
    start: f.start,
    end: f.end,
    field: null,
  }));
  const rest = found.slice(MAX_DECISION_WARNINGS);
  if (rest.length > 0) {
    const phrases = [...new Set(rest.map((f) => f.phrase))];
    const shown = phrases.slice(0, 5).join('、') + (phrases.length > 5 ? '…' : '');
    warnings.push({
      id: 'decision_wording:more',
      kind: 'decision_wording',
      severity: 'warning',
      message: `${rest.length} more occurrences of decision wording (${shown}): the decision belongs to the responsible officer`,
      params: { phrase: shown, count: rest.length },
      start: rest[0]!.start,
      end: rest[rest.length - 1]!.end,
      field: null,
    });
  }
  return warnings;
}

/** A request's language: zh-CN when it contains Han characters, else en-US. */
export function requestLocale(text: string): 'zh-CN' | 'en-US' {
  return HAN.test(text) ? 'zh-CN' : 'en-US';
}

/** The notice put before the neutral summary. */
export function decisionNotice(locale: 'zh-CN' | 'en-US'): string {
  return locale === 'en-US'
    ? 'The decision on this matter belongs to the responsible officer; below is only a summary of the facts in the material.'
    : '该事项是否批准/同意由承办人员依职权决定；以下仅为材料中的事实摘要，供参考。';
}

/**
 * The original without the clauses that ask for a decision: what is left is material (facts,
 * names, amounts), never an instruction to decide.
 */
export function withoutDecisionRequests(original: string, lists: DecisionLists = BUILTIN_DECISION_LISTS): string {
  let text = original;
  for (let i = 0; i < 200; i++) {
    const found = findDecisionRequest(text, lists);
    if (!found) break;
    const before = text.slice(0, found.index);
    const after = text.slice(found.index);
    const startM = lastMatch(/[。！？!?；;\n\r，,：:]|\.(?=\s)/g, before);
    const from = startM ? startM.index + 1 : 0;
    const endM = /[。！？!?；;\n\r，,：:]|\.(?=\s|$)/.exec(after.slice(found.phrase.length));
    const to = endM ? found.index + found.phrase.length + endM.index + 1 : text.length;
    text = text.slice(0, from) + text.slice(to);
  }
  return text
    .split('\n')
    .map((line) => line.replace(/^[\s，,：:；;、]+|[\s，,：:；;、]+$/g, ''))
    .filter((line) => line.length > 0)
    .join('\n');
}

/**
 * What the tool sends instead of a decision request: a neutral, factual summary of the material
 * (parties, what is requested, dates, amounts, facts, the rules the material cites), with no
 * recommendation, verdict or score. The decision-asking clauses of the original are left out;
 * what remains of it is passed on as material.
 */
export function neutralSummaryPrompt(
  original: string,
  locale: 'zh-CN' | 'en-US',
  lists: DecisionLists = BUILTIN_DECISION_LISTS,
): string {
  const material = withoutDecisionRequests(original, lists);
  if (locale === 'en-US') {
    return [
      'Write an objective, neutral summary of the facts in the material provided, for the responsible officer.',
      'Only restate what the material says:',
      '1. the parties (applicant, organisations or persons concerned);',
      '2. what is applied for or requested;',
      '3. dates, deadlines and amounts;',
      '4. the main facts and the supporting documents submitted;',
      '5. the laws, regulations, policies or other rules the material cites.',
      'Add no evaluation, recommendation or leaning, and no outcome, score or grade. Where the material is silent, write "not stated in the material".',
      ...(material ? ['', 'Material:', material] : []),
    ].join('\n');
  }
  return [
    '请对所提供的材料写一份客观、中立的事实摘要，供承办人员参考。',
    '只整理材料中写明的内容：',
    '1. 当事人（申请人、相关单位或个人）；',
    '2. 所申请或请求的事项；',
    '3. 涉及的日期、期限和金额；',
    '4. 主要事实和已提交的证明材料；',
    '5. 材料引用的法律、法规、政策或其他依据。',
    '不作评价，不提出建议或倾向性意见，不给出任何处理结论、分数或等级。材料中没有写明的信息，注明“材料未载明”。',
    ...(material ? ['', '材料：', material] : []),
  ].join('\n');
}
