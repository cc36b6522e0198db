/**
 * The format linter: GB/T 9704-2012 and 《党政机关公文处理工作条例》 checks on the plain-text
 * convention (one element per line), for the editor (live) and the CLI. Pure; no Node APIs.
 *
 * Rules: F1–F6 (DOMAIN.md §1.3), Q1 (请示), R1 (报告), U1 (上行文 签发人). Every problem carries an
 * exact line and column, a severity, a message in Chinese and English and, where safe, a fix.
 */
import { docTypeOfTitle } from '../gongwen/doc-types';
import { checkDates } from './dates';
import { checkDocNumberField, checkDocNumbersInText } from './doc-number';
import { checkHeadings } from './headings';
import { checkMarks } from './marks';
import { readStructure } from './structure';
import { checkTitle } from './title';
import { checkReport, checkRequest, checkSigner } from './type-rules';
import type { LintInput, LintProblem, Text2 } from './types';

export type { LintInput, LintProblem, Severity } from './types';

export const RULES: readonly { id: string; title: Text2 }[] = [
  { id: 'F1', title: { zh: '发文字号年份用六角括号〔〕', en: 'Document number: year in 〔〕' } },
  { id: 'F2', title: { zh: '发文字号格式（无“第”、无虚位、四位年份、以“号”结尾）', en: 'Document number form' } },
  { id: 'F3', title: { zh: '成文日期、印发日期用阿拉伯数字', en: 'Dates in Arabic numerals' } },
  { id: 'F4', title: { zh: '层次序数（一、（一）1.（1））', en: 'Heading numbering and levels' } },
  { id: 'F5', title: { zh: '标题（文种、标点）', en: 'Title: type and punctuation' } },
  {
    id: 'F6',
    title: {
      zh: '附件说明、主送、抄送、份号、密级标注',
      en: 'Attachments, addressees, copies, copy number, classification',
    },
  },
  {
    id: 'Q1',
    title: {
      zh: '请示：一个主送机关、一文一事、请求结语',
      en: 'Request: one addressee, one matter, a request closing',
    },
  },
  { id: 'R1', title: { zh: '报告：不得夹带请示事项', en: 'Report: no request wording' } },
  { id: 'U1', title: { zh: '上行文标注签发人', en: 'Upward documents name the signer' } },
];

const UPWARD_TYPES = new Set(['请示', '报告', '议案']);

export function lint(input: LintInput): LintProblem[] {
  const text = input.text.startsWith('\ufeff') ? ` ${input.text.slice(1)}` : input.text;
  const fields = input.fields ?? {};
  const declared = input.typeName?.trim() || null;
  let s = readStructure(text);
  const typeName = declared ?? docTypeOfTitle(s.titleText.replace(/[。，、；：！？.,;:!?]+$/u, ''));
  // A 纪要 has no 主送机关: its first lines (时间、地点、出席 …) are body.
  if (typeName === '纪要') s = readStructure(text, true);
  const on = (id: string) => !input.rules || input.rules.includes(id);

  const problems: LintProblem[] = [];
  if (on('F1') || on('F2')) {
    problems.push(...checkDocNumbersInText(s));
    if (fields.docNumber !== undefined) problems.push(...checkDocNumberField(fields.docNumber));
  }
  if (on('F3')) problems.push(...checkDates(s, fields));
  if (on('F4')) problems.push(...checkHeadings(s, input.level3Dot));
  if (on('F5')) problems.push(...checkTitle(s, typeName));
  if (on('F6')) problems.push(...checkMarks(s, fields));
  if (on('Q1') && typeName === '请示') problems.push(...checkRequest(s, fields));
  if (on('R1') && typeName === '报告') problems.push(...checkReport(s));
  const upward =
    input.direction === 'up' || (input.direction === undefined && typeName !== null && UPWARD_TYPES.has(typeName));
  if (on('U1') && upward) problems.push(...checkSigner(s, input.fields));

  return problems
    .filter((p) => on(p.rule))
    .sort(
      (a, b) => a.line - b.line || a.column - b.column || a.endColumn - b.endColumn || a.rule.localeCompare(b.rule),
    );
}

/** Applies a line problem's fix to the text (line endings kept); the text unchanged when there is none. */
export function applyFix(text: string, problem: LintProblem): string {
  if (!problem.fix || problem.field !== null || problem.line < 1) return text;
  const lines = text.split('\n');
  const raw = lines[problem.line - 1];
  if (raw === undefined) return text;
  const cr = raw.endsWith('\r') ? '\r' : '';
  const line = cr ? raw.slice(0, -1) : raw;
  const start = problem.column - 1;
  const end = problem.endColumn - 1;
  if (start < 0 || end < start || end > line.length) return text;
  lines[problem.line - 1] = line.slice(0, start) + problem.fix.text + line.slice(end) + cr;
  return lines.join('\n');
}

/** Applies a field problem's fix: the field's new value. */
export function applyFieldFix(fields: Record<string, string>, problem: LintProblem): Record<string, string> {
  if (!problem.fix || problem.field === null) return fields;
  return { ...fields, [problem.field]: problem.fix.text };
}
