/**
 * F6 (GB/T 9704 7.2, 7.3.4, 7.4.2): 附件 names without trailing punctuation, the 主送机关 ending
 * in `：`, 抄送 with `，` between organs and a closing `。`, a 6-digit 份号, 密级 with `★` and an
 * Arabic term.
 */
import { parseChineseInteger } from '../gongwen/numerals';
import { fieldProblem, label, lineProblem } from './problem';
import type { Line, Structure } from './structure';
import type { LintProblem, Text2 } from './types';

const NAME_TRAILING = /[。，、；：！？.,;:!?]+$/u;

function attachmentProblems(line: Line): LintProblem[] {
  const out: LintProblem[] = [];
  let nameStart = line.indent;
  const c = line.content;
  if (line.role === 'attachmentNote') {
    const colon = c.indexOf(':') === 2 || c.indexOf('︰') === 2 ? 2 : -1;
    if (colon === 2) {
      out.push(
        lineProblem(
          'F6',
          line.no,
          line.indent + 2,
          line.indent + 3,
          'error',
          label('“附件”后用全角冒号“：”', 'Use the full-width colon ： after 附件'),
          { text: '：', label: label('改为“：”', 'Change to ：') },
        ),
      );
    }
    nameStart += 3;
  }
  const rest = line.raw.slice(nameStart, line.indent + c.length);
  const num = /^\s*([0-9０-９]{1,2})([.．、，,])/u.exec(rest);
  if (num) {
    const at = nameStart + num.index + num[0].length - 1;
    if (num[2] !== '.' && num[2] !== '．') {
      out.push(
        lineProblem(
          'F6',
          line.no,
          at,
          at + 1,
          'error',
          label('附件序号后用“.”，如“附件：1.XXX”', 'Number attachments as 1.XXX'),
          { text: '.', label: label('改为“.”', 'Change to .') },
        ),
      );
    }
  }
  const trailing = NAME_TRAILING.exec(c);
  if (trailing && c.length - trailing[0].length > (line.role === 'attachmentNote' ? 3 : 0)) {
    const start = line.indent + trailing.index;
    out.push(
      lineProblem(
        'F6',
        line.no,
        start,
        start + trailing[0].length,
        'error',
        label('附件名称后不加标点符号', 'No punctuation after an attachment name'),
        { text: '', label: label('删除标点', 'Remove the punctuation') },
      ),
    );
  }
  return out;
}

function recipientsProblems(line: Line): LintProblem[] {
  const c = line.content;
  const end = line.indent + c.length;
  const message = label('主送机关后用全角冒号“：”', 'The addressees end with a full-width colon ：');
  if (c.endsWith('：')) return [];
  if (/[:︰;；,，.。、]$/u.test(c)) {
    return [
      lineProblem('F6', line.no, end - 1, end, 'error', message, {
        text: '：',
        label: label('改为“：”', 'Change to ：'),
      }),
    ];
  }
  return [lineProblem('F6', line.no, end, end, 'error', message, { text: '：', label: label('补上“：”', 'Add ：') })];
}

function ccProblems(line: Line): LintProblem[] {
  const out: LintProblem[] = [];
  const c = line.content;
  const base = line.indent;
  if (c[2] !== '：') {
    out.push(
      lineProblem('F6', line.no, base + 2, base + 3, 'error', label('“抄送”后用全角冒号“：”', 'Use ： after 抄送'), {
        text: '：',
        label: label('改为“：”', 'Change to ：'),
      }),
    );
  }
  const organs = c.slice(3);
  const endsRight = organs.endsWith('。');
  for (const m of organs.matchAll(/[;；,]/gu)) {
    const at = base + 3 + m.index;
    if (m.index === organs.length - 1) continue; // reported below as the ending
    out.push(
      lineProblem(
        'F6',
        line.no,
        at,
        at + 1,
        'error',
        label('抄送机关之间用逗号“，”分隔', 'Separate the organs copied with ，'),
        { text: '，', label: label('改为“，”', 'Change to ，') },
      ),
    );
  }
  if (!endsRight) {
    const end = base + c.length;
    const message = label('抄送机关最后用句号“。”', 'The list of organs copied ends with 。');
    out.push(
      /[，,;；:：.、]$/u.test(organs)
        ? lineProblem('F6', line.no, end - 1, end, 'error', message, {
            text: '。',
            label: label('改为“。”', 'Change to 。'),
          })
        : lineProblem('F6', line.no, end, end, 'error', message, { text: '。', label: label('补上“。”', 'Add 。') }),
    );
  }
  return out;
}

const SERIAL_MESSAGE = label('份号用6位阿拉伯数字，如“000001”', 'A copy number has six digits, e.g. 000001');

function serialProblem(
  value: string,
  at: (start: number, end: number, m: Text2, fix: LintProblem['fix']) => LintProblem,
) {
  const digits = value.replace(/[０-９]/gu, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (/^\d{6}$/u.test(value)) return [];
  const fixed =
    digits.length < 6 && /^\d+$/u.test(digits) ? digits.padStart(6, '0') : digits.length === 6 ? digits : null;
  return [
    at(
      0,
      value.length,
      SERIAL_MESSAGE,
      fixed ? { text: fixed, label: label(`改为“${fixed}”`, `Change to ${fixed}`) } : null,
    ),
  ];
}

const CLASS_MESSAGE = label(
  '密级和保密期限写作“密级★期限”，期限用阿拉伯数字，如“秘密★1年”',
  'Write the classification as level★term with an Arabic term, e.g. 秘密★1年',
);

/** Problems in a 密级 mark; `fixAll` gets the whole corrected mark. */
function classificationProblems(
  mark: string,
  at: (start: number, end: number, m: Text2, fixed: string | null) => LintProblem,
): LintProblem[] {
  const m = /^(绝密|机密|秘密)(?:([★☆*＊※])\s*(\S*))?$/u.exec(mark);
  if (!m) return [];
  const [, level, star, term = ''] = m;
  if (!star) return [];
  let fixedTerm = term.replace(/[０-９]/gu, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  const cn = /^([一二三四五六七八九十]{1,3})(年|个月)$/u.exec(fixedTerm);
  if (cn) {
    const n = parseChineseInteger(cn[1]!);
    if (n !== null) fixedTerm = `${n}${cn[2]}`;
  }
  const fixed = `${level}★${fixedTerm}`;
  const termOk = /^(?:[1-9]\d*(?:年|个月)|长期)?$/u.test(fixedTerm);
  if (fixed === mark && termOk) return [];
  return [at(0, mark.length, CLASS_MESSAGE, termOk ? fixed : null)];
}

export function checkMarks(s: Structure, fields: Record<string, string>): LintProblem[] {
  const out: LintProblem[] = [];
  for (const line of s.lines) {
    switch (line.role) {
      case 'attachmentNote':
      case 'attachmentItem':
        out.push(...attachmentProblems(line));
        break;
      case 'recipients':
        out.push(...recipientsProblems(line));
        break;
      case 'cc':
        out.push(...ccProblems(line));
        break;
      case 'serial':
        out.push(
          ...serialProblem(line.content, (a, b, m, fix) =>
            lineProblem('F6', line.no, line.indent + a, line.indent + b, 'error', m, fix),
          ),
        );
        break;
      case 'classification': {
        const mark = line.content.split(/[\s\u3000]+/u)[0] ?? '';
        out.push(
          ...classificationProblems(mark, (a, b, m, fixed) =>
            lineProblem(
              'F6',
              line.no,
              line.indent + a,
              line.indent + b,
              'error',
              m,
              fixed ? { text: fixed, label: label(`改为“${fixed}”`, `Change to ${fixed}`) } : null,
            ),
          ),
        );
        break;
      }
      default:
        break;
    }
  }
  const classification = fields.classification?.trim();
  if (classification) {
    out.push(
      ...classificationProblems(classification, (a, b, m, fixed) =>
        fieldProblem(
          'F6',
          'classification',
          a,
          b,
          'error',
          m,
          fixed ? { text: fixed, label: label(`改为“${fixed}”`, `Change to ${fixed}`) } : null,
        ),
      ),
    );
  }
  for (const key of ['copyNumber', 'serial']) {
    const v = fields[key]?.trim();
    if (v) out.push(...serialProblem(v, (a, b, m, fix) => fieldProblem('F6', key, a, b, 'error', m, fix)));
  }
  const recipients = fields.recipients?.trim();
  if (recipients && /[:︰;；,，.。、]$/u.test(recipients) && !recipients.endsWith('：')) {
    // The layout adds the colon; a wrong one typed into the field would be printed.
    const fixed = `${recipients.slice(0, -1)}：`;
    out.push(
      fieldProblem(
        'F6',
        'recipients',
        recipients.length - 1,
        recipients.length,
        'error',
        label('主送机关后用全角冒号“：”', 'The addressees end with a full-width colon ：'),
        {
          text: fixed,
          label: label('改为“：”', 'Change to ：'),
        },
      ),
    );
  }
  return out;
}
