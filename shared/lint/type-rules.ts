/**
 * Rules of 《党政机关公文处理工作条例》 (DOMAIN.md §2) that depend on the 文种:
 * Q1 请示 — one 主送机关, one request, a request closing (15(一)(四));
 * R1 报告 — no request wording (15(四));
 * U1 上行文 — the 签发人 is named (第九条(六)).
 */
import { label, fieldProblem, lineProblem } from './problem';
import type { Line, Structure } from './structure';
import type { LintProblem } from './types';

/** A request formula; "妥否，请批示" counts once. */
const REQUEST =
  /(?:(?:妥否|当否|是否妥当|是否可行|可否)[，,]?\s*)?(?:请予?批示|请予?批准|请予?审批|请予?审定|请予?核准|请予?批复|请予?审核批准|请予?审示)|(?:妥否|当否|是否妥当)(?=[，,。]|$)/gu;
/** Request wording that has no place in a 报告. */
const REPORT_FORBIDDEN = /妥否|当否|请予?批示|请予?批准|请予?审批|请予?审定|请予?核准|请予?批复/gu;

const bodyLines = (s: Structure): Line[] => s.lines.filter((l) => l.role === 'body');

/** The body proper: up to the 附件说明, 署名 or 成文日期 (an attached document's text is not the request). */
function mainBody(s: Structure): Line[] {
  const out: Line[] = [];
  for (const l of s.lines.slice(s.bodyStart)) {
    if (['attachmentNote', 'signature', 'date', 'attachmentLabel', 'cc', 'print'].includes(l.role)) break;
    if (l.role === 'body') out.push(l);
  }
  return out;
}

export function checkRequest(s: Structure, fields: Record<string, string>): LintProblem[] {
  const out: LintProblem[] = [];
  // One 主送机关.
  const several = /[、，,；;]/u;
  if (s.recipients) {
    const r = s.recipients;
    const m = several.exec(r.content.replace(/[：:]$/u, ''));
    if (m) {
      out.push(
        lineProblem(
          'Q1',
          r.no,
          r.indent,
          r.indent + r.content.length,
          'error',
          label('请示原则上只主送一个上级机关', 'A request goes to one superior organ only'),
        ),
      );
    }
  } else if (fields.recipients?.trim()) {
    const v = fields.recipients.trim();
    if (several.test(v.replace(/[：:]$/u, ''))) {
      out.push(
        fieldProblem(
          'Q1',
          'recipients',
          0,
          v.length,
          'error',
          label('请示原则上只主送一个上级机关', 'A request goes to one superior organ only'),
        ),
      );
    }
  }

  // One request, and a closing that asks for it.
  const body = mainBody(s);
  const hits: { line: Line; index: number; length: number }[] = [];
  for (const line of body) {
    for (const m of line.raw.matchAll(REQUEST)) hits.push({ line, index: m.index, length: m[0].length });
  }
  // Several requests: every one but the closing is one too many.
  for (const extra of hits.slice(0, -1)) {
    out.push(
      lineProblem(
        'Q1',
        extra.line.no,
        extra.index,
        extra.index + extra.length,
        'warning',
        label(
          '请示应当一文一事：文中有多处请求批示、批准的用语',
          'One request per 请示: the text asks for approval more than once',
        ),
      ),
    );
  }
  const last = body[body.length - 1];
  if (last && !hits.some((h) => h.line === last)) {
    out.push(
      lineProblem(
        'Q1',
        last.no,
        last.indent,
        last.indent + last.content.length,
        'error',
        label('请示应以请求用语结尾，如“妥否，请批示。”', 'A request ends by asking, e.g. 妥否，请批示。'),
      ),
    );
  }
  return out;
}

export function checkReport(s: Structure): LintProblem[] {
  const out: LintProblem[] = [];
  for (const line of bodyLines(s)) {
    for (const m of line.raw.matchAll(REPORT_FORBIDDEN)) {
      out.push(
        lineProblem(
          'R1',
          line.no,
          m.index,
          m.index + m[0].length,
          'error',
          label(
            `报告中不得夹带请示事项（“${m[0]}”）；需要批准的事项另行请示`,
            `A report must not ask for approval (${m[0]}); send a separate 请示`,
          ),
        ),
      );
    }
  }
  return out;
}

export function checkSigner(s: Structure, fields: Record<string, string> | undefined): LintProblem[] {
  if (fields?.signer?.trim()) return [];
  if (s.lines.some((l) => /签发人[:：]\s*\S/u.test(l.content) && l.role !== 'body')) return [];
  return [
    fieldProblem(
      'U1',
      'signer',
      0,
      0,
      'error',
      label('上行文应当标注签发人姓名', 'A document to a superior names its signer (签发人)'),
    ),
  ];
}
