/**
 * Reads the plain-text convention (one element per line, DOMAIN.md §1.2) into line roles: the
 * 版头 (份号, 密级, 紧急程度, 标志, 文号, 签发人), the 标题 (one to four lines), the 主送机关, the
 * body, the 附件说明, the 署名 and 成文日期, the 附注 and the 版记 (抄送, 印发).
 *
 * Positional and forgiving: incoming texts often drop the two-ideographic-space indent, put the 文号 under the
 * title, or wrap the title over several lines with blank lines between.
 */
import { endsLikeDocumentTitle } from '../gongwen/doc-types';

export type Role =
  | 'blank'
  | 'serial'
  | 'classification'
  | 'urgency'
  | 'masthead'
  | 'rule'
  | 'docNumber'
  | 'signer'
  | 'title'
  | 'recipients'
  | 'body'
  | 'attachmentNote'
  | 'attachmentItem'
  | 'attachmentLabel'
  | 'signature'
  | 'date'
  | 'note'
  | 'cc'
  | 'print';

export interface Line {
  /** 1-based line number. */
  no: number;
  /** The line without its line break. */
  raw: string;
  /** Offset of the first non-space character (the end of the indent). */
  indent: number;
  /** raw without leading and trailing white space. */
  content: string;
  role: Role;
}

export interface Structure {
  lines: Line[];
  /** The title's lines (possibly several), in order. */
  title: Line[];
  /** The title text: the title lines joined. */
  titleText: string;
  recipients: Line | null;
  /** Index (into lines) of the first body line. */
  bodyStart: number;
}

const WS = /^[\s\u3000\u00a0\ufeff]*/u;

/** Digits only (half or full width): a 份号. */
const SERIAL = /^[0-9０-９]{1,10}$/u;
/** 密级 (and optional term), possibly followed by a 紧急程度 on the same line. */
export const CLASSIFICATION_LINE = /^(?:绝密|机密|秘密)(?:[★☆*＊※]\S*)?(?:\s+\S+)?$/u;
const URGENCY = /^(?:特急|加急|特提|平急)$/u;
const MASTHEAD = /^\S{2,40}文件$/u;
const RULE_LINE = /^[★☆─━—–\-_=＿－\s]+$/u;
const SIGNER = /^签发人[:：]/u;

/** A 文号 in any bracket style, loose enough to catch the errors F1/F2 report. */
export const DOC_NUMBER_LOOSE =
  /([\p{Script=Han}A-Za-zＡ-Ｚａ-ｚ]{1,15})([〔[［【(（〈﹝<＜《])\s*([0-9０-９]{2,4})\s*([〕\]］】)）〉﹞>＞》])\s*(第?)\s*([0-9０-９]{1,6})(号?)/u;
/** A line that is a 文号 (optionally sharing the line with 签发人, as on an 上行文). */
const DOC_NUMBER_LINE = new RegExp(
  `^(?:签发人[:：]\\S*\\s+)?${DOC_NUMBER_LOOSE.source}(?:[\\s\\u3000]+签发人[:：].*)?$`,
  'u',
);

export const isDocNumberLine = (content: string): boolean => DOC_NUMBER_LINE.test(content);

/** Level-n heading at the start of a line, right or wrong punctuation (see headings.ts). */
const HEADING_START =
  /^(?:[一二三四五六七八九十]{1,3}[、.．，,]|[（(][一二三四五六七八九十]{1,3}[）)]|[0-9０-９]{1,2}[.．、，,](?![0-9０-９])|[（(][0-9０-９]{1,2}[）)])/u;
export const startsLikeHeading = (content: string): boolean => HEADING_START.test(content);

/** A date of any form, alone on its line: the 成文日期. */
export const DATE_ONLY =
  /^(?:[0-9０-９]{4}|[〇○◯零OＯ一二三四五六七八九]{4})\s*年\s*(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*日$|^[0-9０-９]{4}\s*[.．\-－/／]\s*[0-9０-９]{1,2}\s*[.．\-－/／]\s*[0-9０-９]{1,2}$/u;

const TITLE_MAX_LINES = 4;
const TITLE_LINE_MAX = 60;

/** Could this line be (part of) a title? Trailing punctuation is allowed: F5 reports it. */
function isTitleCandidate(line: Line): boolean {
  const c = line.content;
  if (c.length === 0 || c.length > TITLE_LINE_MAX) return false;
  if (!/\p{Script=Han}/u.test(c)) return false;
  if (/[：:]/u.test(c)) return false;
  if (/[。；！？;!?]/u.test(c.slice(0, -1))) return false;
  if (startsLikeHeading(c) || /^附件/u.test(c) || /^抄送/u.test(c)) return false;
  if (DATE_ONLY.test(c)) return false;
  return true;
}

const TRAILING_PUNCT = /[。，、；：！？.,;:!?\s]+$/u;
const titleLike = (text: string): boolean => endsLikeDocumentTitle(text.replace(TRAILING_PUNCT, ''));

/** Organ-like endings: a 主送 line that lost its colon. */
const ORGAN_END =
  /(?:政府|委员会|党委|党组|委|局|厅|部|办|办公室|处|室|科|院|会|中心|单位|机构|机关|公司|集团|学校|大学|学院|所|站|队|署|行|街道|乡|镇|村|社区|各部门|部门|管委会)$/u;

/** Could this line be the 主送机关? (Ends in a colon-like character, or in an organ name.) */
function isRecipientsCandidate(line: Line): boolean {
  const c = line.content;
  if (line.indent > 0 && /^[\u3000]{2}/u.test(line.raw)) return false;
  if (c.length > 200 || /[。]/u.test(c) || startsLikeHeading(c) || /^附件/u.test(c)) return false;
  const body = c.slice(0, -1);
  if (/[：:]/u.test(body)) return false;
  if (/[：:︰;；,，]$/u.test(c)) return /\p{Script=Han}/u.test(c);
  return c.length <= 100 && ORGAN_END.test(c);
}

export function splitLines(text: string): Line[] {
  return text.split('\n').map((rawWithCr, i) => {
    const raw = rawWithCr.endsWith('\r') ? rawWithCr.slice(0, -1) : rawWithCr;
    const indent = (WS.exec(raw)?.[0] ?? '').length;
    const content = raw.slice(indent).replace(/[\s\u3000\u00a0]+$/u, '');
    return { no: i + 1, raw, indent, content, role: content ? 'body' : 'blank' };
  });
}

const HEADER_MAX = 8;

export function readStructure(text: string, isMinutes = false): Structure {
  const lines = splitLines(text);
  let i = 0;
  let seen = 0;
  const next = () => {
    while (i < lines.length && lines[i]!.role === 'blank') i++;
  };

  // 版头 before the title.
  const header = () => {
    for (next(); i < lines.length && seen < HEADER_MAX; next()) {
      const line = lines[i]!;
      const c = line.content;
      let role: Role | null = null;
      if (SERIAL.test(c) && seen < 3) role = 'serial';
      else if (CLASSIFICATION_LINE.test(c)) role = 'classification';
      else if (URGENCY.test(c)) role = 'urgency';
      else if (isDocNumberLine(c)) role = 'docNumber';
      else if (SIGNER.test(c)) role = 'signer';
      else if (MASTHEAD.test(c)) role = 'masthead';
      else if (RULE_LINE.test(c)) role = 'rule';
      if (!role) return;
      line.role = role;
      seen++;
      i++;
    }
  };
  header();

  // 标题: the longest run of candidate lines (blank lines between allowed) that reads as a title;
  // failing that, one first line with 关于 (a title that lost its 文种).
  const candidates: number[] = [];
  for (let j = i; j < lines.length && candidates.length < TITLE_MAX_LINES; j++) {
    const line = lines[j]!;
    if (line.role === 'blank') continue;
    if (!isTitleCandidate(line) || isDocNumberLine(line.content)) break;
    candidates.push(j);
  }
  let title: number[] = [];
  for (let k = candidates.length; k >= 1; k--) {
    const run = candidates.slice(0, k);
    if (titleLike(run.map((j) => lines[j]!.content).join(''))) {
      title = run;
      break;
    }
  }
  if (title.length === 0 && candidates.length > 0 && /关于/u.test(lines[candidates[0]!]!.content)) {
    title = [candidates[0]!];
  }
  for (const j of title) lines[j]!.role = 'title';
  if (title.length > 0) i = title[title.length - 1]! + 1;

  // A 文号 printed under the title (web copies), then the 主送机关.
  header();
  next();
  let recipients: Line | null = null;
  const first = lines[i];
  if (first && !isMinutes && isRecipientsCandidate(first)) {
    first.role = 'recipients';
    recipients = first;
    i++;
  }
  const bodyStart = i;
  classifyBody(lines, bodyStart);

  const titleLines = title.map((j) => lines[j]!);
  return {
    lines,
    title: titleLines,
    titleText: titleLines.map((l) => l.content).join(''),
    recipients,
    bodyStart,
  };
}

function classifyBody(lines: Line[], start: number): void {
  let inAttachment = false;
  let afterDate = false;
  for (let j = start; j < lines.length; j++) {
    const line = lines[j]!;
    const c = line.content;
    if (line.role === 'blank') {
      continue;
    }
    if (/^附件[:：︰]/u.test(c)) {
      line.role = 'attachmentNote';
      inAttachment = true;
      continue;
    }
    if (inAttachment && /^[0-9０-９]{1,2}[.．、，,]/u.test(c)) {
      line.role = 'attachmentItem';
      continue;
    }
    inAttachment = false;
    if (/^附件\s*[0-9０-９]*$/u.test(c)) {
      line.role = 'attachmentLabel';
      continue;
    }
    if (/^抄送[:：︰]/u.test(c)) {
      line.role = 'cc';
      continue;
    }
    if (/印发$/u.test(c) && /[0-9０-９一二三四五六七八九十〇○]\s*日\s*印发$/u.test(c)) {
      line.role = 'print';
      continue;
    }
    if (DATE_ONLY.test(c)) {
      line.role = 'date';
      afterDate = true;
      // The 署名 sits right above the date.
      for (let k = j - 1; k >= start; k--) {
        const prev = lines[k]!;
        if (prev.role === 'blank') continue;
        if (prev.role === 'body' && prev.content.length <= 40 && !/[。；：:，,]/u.test(prev.content)) {
          prev.role = 'signature';
        }
        break;
      }
      continue;
    }
    if (afterDate && /^[（(]/u.test(c) && /[）)]$/u.test(c)) {
      line.role = 'note';
      continue;
    }
    afterDate = false;
  }
}
