/**
 * Reads 公文 metadata (GB/T 9704-2012 elements, DOMAIN.md §1–2) from a document's plain text.
 *
 * Pure and deterministic; never throws. Precision beats recall: a wrong 密级 or 文号 misleads
 * more than a missing one, so every field is null unless it sits where the standard puts it.
 *
 * The text is read as lines. The 版头 is the run of lines before the body starts (the 主送机关
 * line ending in "：", or the first sentence); the 标题, 文号 and 密级 are looked for there. The
 * 落款 (署名 + 成文日期) is looked for after it, before the 版记 (抄送, 印发).
 */
import type { Classification, DocumentMeta } from '../domain/document';
import { DATE_SOURCE, isoDateFromParts } from './dates';
import { docTypeOfTitle, endsLikeDocumentTitle } from './doc-types';
import { foldDigits } from './numerals';

export interface ExtractedMeta extends Omit<DocumentMeta, 'tags'> {
  /** The 标题 when the text has one (may span several lines in the source: join them), else null. */
  title: string | null;
  /** Classification term as written, e.g. '秘密★1年', for display; null if none. */
  classificationMark: string | null;
}

const EMPTY: ExtractedMeta = {
  docNumber: null,
  issuer: null,
  issuedDate: null,
  docType: null,
  classification: null,
  title: null,
  classificationMark: null,
};

export function extractMeta(text: string): ExtractedMeta {
  if (typeof text !== 'string' || text.length === 0) return { ...EMPTY };
  try {
    return readMeta(splitLines(text));
  } catch {
    // Defensive only: a metadata guess must never fail an import.
    return { ...EMPTY };
  }
}

function readMeta(lines: string[]): ExtractedMeta {
  const bodyStart = findBodyStart(lines);
  const kinds = lines.slice(0, bodyStart).map(classifyHeaderLine);
  const title = findTitle(lines, kinds);
  const docNumber = findDocNumber(lines, kinds, bodyStart);
  const masthead = findMastheadOrgan(lines, kinds);
  // A short text may have no line that reads as body; its 落款 then still follows the title.
  const closingFrom = bodyStart === lines.length && title ? title.last + 1 : bodyStart;
  const closing = findClosing(lines, closingFrom);
  const marks = readTopMarks(lines, kinds);
  const officialSignals = title !== null || docNumber !== null || masthead !== null || marks.hasOtherMarks;
  // A bare 秘密 line could be a heading; trust it only when the text otherwise looks official.
  const secrecy = marks.secrecy && (marks.secrecy.explicit || officialSignals) ? marks.secrecy : null;
  return {
    docNumber,
    issuer: (title && issuerFromTitle(title.text)) ?? closing?.signer ?? masthead,
    issuedDate: closing ? closing.date : title ? captionDateAfter(lines, title.last, bodyStart) : null,
    docType: title ? docTypeOfTitle(title.text) : null,
    classification: secrecy?.level ?? null,
    title: title?.text ?? null,
    classificationMark: secrecy?.mark ?? null,
  };
}

// ---------------------------------------------------------------------------------------------
// Lines and the 版头 zone

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/gu;

/**
 * Lines trimmed of spaces (including U+3000) and zero-width characters, which web copies carry.
 * Markdown files arrive raw, so a heading marker or bold wrapping around a whole line goes too.
 */
function splitLines(text: string): string[] {
  return text.split(/\r\n|[\n\r\u0085\u2028\u2029]/u).map(plainLine);
}

function plainLine(line: string): string {
  const trimmed = line.replace(ZERO_WIDTH, '').trim();
  const unmarked = trimmed.replace(/^#{1,6}\s+/u, '').replace(/^\*\*(.+)\*\*$/u, '$1');
  return unmarked === trimmed ? trimmed : unmarked.trim();
}

/** The 版头 never runs longer than this many non-blank lines (份号, 密级, 紧急, 标志, 文号, 标题 …). */
const HEADER_MAX_LINES = 20;
/** Longest line that can still be (part of) a title; longer lines are body paragraphs. */
const TITLE_LINE_MAX = 80;
/**
 * 落款 lines and standalone 文号 lines are short. Longer lines are skipped before any regex runs,
 * which also keeps the patterns with optional spaces linear.
 */
const SHORT_LINE_MAX = TITLE_LINE_MAX;
const SENTENCE_MARK = /[。！？；!?;]/u;

/** A line that belongs to the body: the 主送机关 or a salutation (ends in "："), or a sentence. */
function isBodyLine(line: string): boolean {
  return /[：:]$/u.test(line) || SENTENCE_MARK.test(line) || line.length > TITLE_LINE_MAX;
}

/** Index of the first body line, or of the line after the longest possible 版头. */
function findBodyStart(lines: string[]): number {
  let nonBlank = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (!line) continue;
    if (isBodyLine(line) || ++nonBlank > HEADER_MAX_LINES) return i;
  }
  return lines.length;
}

type HeaderKind = 'blank' | 'marks' | 'rule' | 'masthead' | 'docNumber' | 'signer' | 'caption' | 'titlePart' | 'other';

function classifyHeaderLine(line: string): HeaderKind {
  if (!line) return 'blank';
  if (/^[\s★☆─━—–\-_=＿－]+$/u.test(line)) return 'rule';
  if (parseMarkLine(line)) return 'marks';
  if (STANDALONE_DOC_NUMBER.test(foldDigits(line))) return 'docNumber';
  if (/^签发人[:：]/u.test(line)) return 'signer';
  if (mastheadOrgan(line) !== undefined) return 'masthead';
  if (CAPTION.test(foldDigits(line))) return 'caption';
  return isTitlePart(line) ? 'titlePart' : 'other';
}

// ---------------------------------------------------------------------------------------------
// 标题

interface TitleBlock {
  text: string;
  /** Index of the title's last line. */
  last: number;
}

/** Titles are centred over one to a few lines; more than this is not a title. */
const TITLE_MAX_LINES = 4;
const OPENING_PUNCT = /[《“‘「『（(〈【]$/u;
const CLOSING_PUNCT = /^[。，、；：！？）》”’」』〉】,.;:!?)]/u;

function isTitlePart(line: string): boolean {
  return (
    line.length <= TITLE_LINE_MAX &&
    /\p{Script=Han}/u.test(line) &&
    !/[。！？；：!?;:]/u.test(line) &&
    !CLOSING_PUNCT.test(line) &&
    !OPENING_PUNCT.test(line) &&
    !/[，、,]$/u.test(line) &&
    // "第1号文件" and the like: a masthead-shaped line without an organ is never part of a title.
    !/文件$/u.test(line) &&
    !/^附件/u.test(line)
  );
}

/** Text shaped like a title: it ends in a 文种, or it is "…关于…的" + a document name (办法, 方案 …). */
function isTitleText(text: string): boolean {
  if (docTypeOfTitle(text) !== null) return true;
  return endsLikeDocumentTitle(text) && /关于.+的/u.test(text);
}

/**
 * The longest run of title-like 版头 lines (blank lines between them allowed) whose joined text
 * is a title. Other 版头 elements (份号, 标志, 文号, 题注) end a run.
 */
function findTitle(lines: string[], kinds: HeaderKind[]): TitleBlock | null {
  let run: number[] = [];
  let best: number[] | null = null;
  for (let i = 0; i < kinds.length; i++) {
    const kind = kinds[i];
    if (kind === 'blank') continue;
    if (kind === 'titlePart' && (best === null || run.length < TITLE_MAX_LINES)) {
      if (run.length === TITLE_MAX_LINES) run.shift();
      run.push(i);
      if (isTitleText(joinLines(lines, run))) best = [...run];
      continue;
    }
    if (best) break;
    run = [];
  }
  if (!best) return null;
  const first = best[0] ?? 0;
  const last = best[best.length - 1] ?? 0;
  // A wrapped sentence (a link on its own line in web copies) is not a title.
  if (OPENING_PUNCT.test(previousNonBlank(lines, first) ?? '')) return null;
  if (CLOSING_PUNCT.test(nextNonBlank(lines, last) ?? '')) return null;
  return { text: joinLines(lines, best), last };
}

function joinLines(lines: string[], indices: number[]): string {
  return indices.map((i) => lines[i] ?? '').join('');
}

function previousNonBlank(lines: string[], index: number): string | null {
  for (let i = index - 1; i >= 0; i--) if (lines[i]) return lines[i] ?? null;
  return null;
}

function nextNonBlank(lines: string[], index: number): string | null {
  for (let i = index + 1; i < lines.length; i++) if (lines[i]) return lines[i] ?? null;
  return null;
}

/**
 * A 题注 under the title dates resolutions and speeches that have no 落款:
 * "（2023年3月13日第十四届全国人民代表大会第一次会议通过）", "——2024年3月5日在…上".
 */
const CAPTION = new RegExp(`^(?:[（(]|[—–―－-]+)\\s*${DATE_SOURCE}`, 'u');

function captionDateAfter(lines: string[], titleLast: number, bodyStart: number): string | null {
  for (let i = titleLast + 1; i < bodyStart; i++) {
    const line = lines[i];
    if (!line) continue;
    const m = CAPTION.exec(foldDigits(line));
    return m ? isoDateFromParts(m[1] ?? '', m[2] ?? '', m[3] ?? '') : null;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// 发文字号

/** Year brackets seen in incoming files; GB/T 9704 7.2.5 wants 〔〕 and the output always has them. */
const OPEN_BRACKETS = '〔\\[［【(（〈﹝';
const CLOSE_BRACKETS = '〕\\]］】)）〉﹞';
/** 机关代字 + bracketed 4-digit year + 序号 + 号. Capitals allow placeholders (X政办发). */
const DOC_NUMBER_SOURCE =
  `([\\p{Script=Han}A-Za-zＡ-Ｚａ-ｚ]{1,15})\\s*[${OPEN_BRACKETS}]\\s*((?:19|20)\\d{2})\\s*[${CLOSE_BRACKETS}]` +
  `\\s*(第?)\\s*(\\d{1,6})\\s*号`;
/** A 文号 alone on its line, optionally sharing it with the 签发人 (上行文). */
const STANDALONE_DOC_NUMBER = new RegExp(`^(?:签发人[:：].*?\\s+)?${DOC_NUMBER_SOURCE}(?:\\s+签发人[:：].*)?$`, 'u');
/** Anywhere in a 版头 line, but not glued to more 代字-like text on the left. */
const EMBEDDED_DOC_NUMBER = new RegExp(`(?<![\\p{Script=Han}A-Za-z])${DOC_NUMBER_SOURCE}`, 'gu');

function normalizedDocNumber(m: RegExpExecArray): string {
  return `${m[1] ?? ''}〔${m[2] ?? ''}〕${m[3] ?? ''}${m[4] ?? ''}号`;
}

/**
 * The 版头 文号: a line of its own, else one inside another 版头 line that is not a bracketed
 * citation. Failing both, a 文号 standing alone on a body line (never one cited in a sentence).
 */
function findDocNumber(lines: string[], kinds: HeaderKind[], bodyStart: number): string | null {
  const standaloneAt = (i: number): string | null => {
    const m = STANDALONE_DOC_NUMBER.exec(foldDigits(lines[i] ?? ''));
    return m ? normalizedDocNumber(m) : null;
  };
  const headerLine = kinds.indexOf('docNumber');
  if (headerLine >= 0) return standaloneAt(headerLine);
  for (let i = 0; i < bodyStart; i++) {
    const embedded = uncitedDocNumber(lines[i] ?? '');
    if (embedded) return embedded;
  }
  for (let i = bodyStart; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.length > SHORT_LINE_MAX || !line.includes('号')) continue; // cheap filter before the regex
    const found = standaloneAt(i);
    if (found) return found;
  }
  return null;
}

function uncitedDocNumber(line: string): string | null {
  const folded = foldDigits(line);
  for (const m of folded.matchAll(EMBEDDED_DOC_NUMBER)) {
    const before = folded[m.index - 1] ?? '';
    const after = folded[m.index + m[0].length] ?? '';
    if (!/[（(《〈“]/u.test(before) && !/[）)》〉”]/u.test(after)) return normalizedDocNumber(m);
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// 发文机关

/** Endings of organ names: 国务院, 办公厅, 人民政府, 财政部, 税务总局, 中共中央, …会议. */
const ORGAN_ENDING =
  /(?:府|厅|室|会|委|部|局|署|院|办|处|科|所|站|队|组|中央|中心|支部|党委|党组|银行|分行|支行|海关|公司|集团|大学|学校|街道|镇|乡|村|社区|馆|团|联|社|会议)$/u;
const MAX_JOINT_ORGANS = 30;
const ORGAN_SHAPE = /^[\p{Script=Han}A-Za-z（）()]{2,30}$/u;

/** "国家发展改革委等部门" names its lead organ and sums up the rest. */
const AND_OTHERS = /等(?:[0-9一二三四五六七八九十]+个)?(?:部门|单位)$/u;

/** The lead organ of a line that lists only organs ("财政部 税务总局" → 财政部), else null. */
function leadOrgan(text: string): string | null {
  const names = text
    .replace(AND_OTHERS, '')
    .split(/[\s、，,]+/u)
    .filter(Boolean);
  if (names.length === 0 || names.length > MAX_JOINT_ORGANS) return null;
  const allOrgans = names.every((name) => ORGAN_SHAPE.test(name) && ORGAN_ENDING.test(name));
  return allOrgans ? (names[0] ?? null) : null;
}

/** 发文机关 + 关于 + 事由: the organ before 关于 (or 转发/批转/印发 in forwarding titles). */
function issuerFromTitle(title: string): string | null {
  const m = /^(.+?)(?:关于|转发|批转|印发)/u.exec(title);
  return m ? leadOrgan(m[1] ?? '') : null;
}

/**
 * The organ named by a 发文机关标志 line ("XX市人民政府文件"): a string (possibly empty when
 * "文件" stands alone after stacked organ lines), or undefined when the line is not a 标志.
 */
function mastheadOrgan(line: string): string | null | undefined {
  const m = /^(.*?)\s*文件$/u.exec(line);
  if (!m) return undefined;
  const prefix = m[1] ?? '';
  if (!prefix) return null;
  return leadOrgan(prefix) ?? undefined;
}

/** The lead organ of the 标志; for a joint 标志 with "文件" on its own line, the topmost organ line. */
function findMastheadOrgan(lines: string[], kinds: HeaderKind[]): string | null {
  const at = kinds.indexOf('masthead');
  if (at < 0) return null;
  const inline = mastheadOrgan(lines[at] ?? '');
  if (inline) return inline;
  return topmostOrganAbove(lines, at, 0, 3);
}

/** The lead organ of the contiguous organ-only lines just above `index` (blank lines skipped). */
function topmostOrganAbove(lines: string[], index: number, floor: number, maxLines: number): string | null {
  let lead: string | null = null;
  let seen = 0;
  for (let i = index - 1; i >= floor && seen < maxLines; i--) {
    const line = lines[i];
    if (!line) continue;
    const organ = leadOrgan(line);
    if (!organ) break;
    lead = organ;
    seen++;
  }
  return lead;
}

// ---------------------------------------------------------------------------------------------
// 落款: 署名 and 成文日期

interface Closing {
  /** ISO date, or null when the 落款 date does not exist on the calendar (2026年2月30日). */
  date: string | null;
  signer: string | null;
}

/** A line that is a date, optionally after the signing organ on the same line. */
const DATE_LINE = new RegExp(`^(.*?)\\s*${DATE_SOURCE}$`, 'u');
/** The 版记 starts at 抄送 (or the old 主题词) or at the 印发 line; its dates are not 成文日期. */
const RECORD_LINE = /^(?:抄送|抄报|主题词)[:：]|印发$/u;
/** An unsigned date counts as the 落款 only this close to the end of the main text. */
const UNSIGNED_DATE_TAIL = 5;

/**
 * The first date line under a 署名 after the 版头 (later ones belong to attachments); failing
 * that, a date line among the last few lines before the 版记.
 */
function findClosing(lines: string[], bodyStart: number): Closing | null {
  let end = lines.length;
  let lastUnsigned: { index: number; date: string | null } | null = null;
  for (let i = bodyStart; i < end; i++) {
    const line = lines[i] ?? '';
    if (RECORD_LINE.test(line)) {
      end = i;
      break;
    }
    if (line.length > SHORT_LINE_MAX || !line.endsWith('日')) continue; // cheap filter before the regex
    const m = DATE_LINE.exec(foldDigits(line));
    if (!m) continue;
    const prefix = (m[1] ?? '').trim();
    const signer = prefix ? leadOrgan(prefix) : topmostOrganAbove(lines, i, bodyStart, 3);
    if (prefix && !signer) continue; // a sentence that happens to end in a date
    const date = isoDateFromParts(m[2] ?? '', m[3] ?? '', m[4] ?? '');
    if (signer) return { date, signer };
    lastUnsigned = { index: i, date };
  }
  if (lastUnsigned && nonBlankBetween(lines, lastUnsigned.index + 1, end) <= UNSIGNED_DATE_TAIL) {
    return { date: lastUnsigned.date, signer: null };
  }
  return null;
}

function nonBlankBetween(lines: string[], from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) if (lines[i]) count++;
  return count;
}

// ---------------------------------------------------------------------------------------------
// 份号, 密级和保密期限, 紧急程度

interface Secrecy {
  level: Classification;
  /** As written, without spaces: 秘密★1年, 绝密★长期, 机密. */
  mark: string;
  /** Written with ★ and a term or with a "密级：" label, so it cannot be an ordinary word. */
  explicit: boolean;
}

interface TopMarks {
  secrecy: Secrecy | null;
  /** A 份号 or 紧急程度 was found beside the 密级. */
  hasOtherMarks: boolean;
}

const SECRECY_TOKEN = /^(密级[:：])?((绝密|机密|秘密)([★☆*＊]([0-9一二三四五六七八九十]+(?:年|个月)|长期)?)?)$/u;
const URGENCY_TOKEN = /^(?:紧急程度[:：])?(?:特急|加急|特提|平急)$/u;
const SERIAL_TOKEN = /^(?:份号[:：]\d{1,8}|\d{6})$/u;
/** "份号：000001 密级：秘密★10年 紧急程度：特急" is the longest mark line there is. */
const MARK_LINE_MAX = 40;

function markTokens(line: string): string[] {
  return foldDigits(line)
    .replace(/\s*([★☆*＊:：])\s*/gu, '$1')
    .replace(/(\d)\s+(年|个月)/gu, '$1$2')
    .split(/\s+/u)
    .filter(Boolean);
}

function asLevel(word: string | undefined): Classification | null {
  return word === '绝密' || word === '机密' || word === '秘密' ? word : null;
}

/** A line made only of 份号/密级/紧急程度 tokens, else null. */
function parseMarkLine(line: string): TopMarks | null {
  if (line.length > MARK_LINE_MAX) return null;
  const tokens = markTokens(line);
  if (tokens.length === 0) return null;
  const marks: TopMarks = { secrecy: null, hasOtherMarks: false };
  for (const token of tokens) {
    const secrecy = SECRECY_TOKEN.exec(token);
    if (secrecy) {
      const explicit = Boolean(secrecy[1]) || Boolean(secrecy[4]);
      const level = asLevel(secrecy[3]);
      if (level) marks.secrecy ??= { level, mark: secrecy[2] ?? '', explicit };
    } else if (URGENCY_TOKEN.test(token) || SERIAL_TOKEN.test(token)) {
      marks.hasOtherMarks = true;
    } else {
      return null;
    }
  }
  return marks;
}

/**
 * Marks from the 版头 lines above the 文号 and title. GB/T 9704 puts them top-left, above even
 * the 标志, but extracted text may move the 标志 (often a text box) first. Anywhere lower, a 密级
 * word is body text.
 */
function readTopMarks(lines: string[], kinds: HeaderKind[]): TopMarks {
  const found: TopMarks = { secrecy: null, hasOtherMarks: false };
  for (let i = 0; i < kinds.length; i++) {
    const kind = kinds[i];
    if (kind === 'blank' || kind === 'masthead' || kind === 'rule') continue;
    const marks = kind === 'marks' ? parseMarkLine(lines[i] ?? '') : null;
    if (!marks) break;
    found.secrecy ??= marks.secrecy;
    found.hasOtherMarks ||= marks.hasOtherMarks;
  }
  return found;
}
