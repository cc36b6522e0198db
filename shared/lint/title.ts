/**
 * F5 title (条例 第九条(七); DOMAIN.md §1.3): 发文机关 + 关于 + 事由 + 的 + 文种. No trailing
 * punctuation, no doubled 文种 (请示报告), ends in a 文种; inside, only 书名号, 引号, 括号 and 连接号.
 */
import { docTypeOfTitle, endsWithNonTypeName } from '../gongwen/doc-types';
import { label, lineProblem } from './problem';
import type { Structure } from './structure';
import type { LintProblem } from './types';

const TRAILING = /[。，、；：！？.,;:!?·…]+$/u;
/** Punctuation that has no place inside a title; 、 is common in practice, so a warning. */
const FORBIDDEN = /[，。；：！？,;:!?]/gu;
const ENUMERATION_COMMA = /、/gu;
const DOUBLED = /请示报告|报告请示/u;
/** Types whose titles are not written 关于…的 (会议纪要, 公告, 令 …). */
const NO_GUANYU_FORM = new Set(['纪要', '命令', '公告', '通告', '公报', '决议', '议案']);

export function checkTitle(s: Structure, typeName: string | null): LintProblem[] {
  if (s.title.length === 0) return [];
  const out: LintProblem[] = [];
  const last = s.title[s.title.length - 1]!;
  const trailing = TRAILING.exec(last.content);
  if (trailing) {
    const start = last.indent + trailing.index;
    out.push(
      lineProblem(
        'F5',
        last.no,
        start,
        start + trailing[0].length,
        'error',
        label('标题末尾不加标点符号', 'No punctuation at the end of a title'),
        { text: '', label: label('删除末尾标点', 'Remove the trailing punctuation') },
      ),
    );
  }
  for (const line of s.title) {
    const end = line === last && trailing ? trailing.index : line.content.length;
    const inner = line.content.slice(0, end);
    for (const m of inner.matchAll(FORBIDDEN)) {
      out.push(
        lineProblem(
          'F5',
          line.no,
          line.indent + m.index,
          line.indent + m.index + 1,
          'error',
          label(
            `标题中除书名号、引号、括号、连接号外一般不用标点符号（“${m[0]}”）`,
            `A title takes no punctuation other than 《》, quotes, brackets and dashes (${m[0]})`,
          ),
        ),
      );
    }
    for (const m of inner.matchAll(ENUMERATION_COMMA)) {
      out.push(
        lineProblem(
          'F5',
          line.no,
          line.indent + m.index,
          line.indent + m.index + 1,
          'warning',
          label('标题中一般不用顿号，可改用“和”“及”或空格', 'Titles usually avoid 、; use 和 / 及 instead'),
        ),
      );
    }
  }

  const text = s.titleText.replace(TRAILING, '');
  const doubled = DOUBLED.exec(text);
  if (doubled) {
    const { line, start } = locate(s, doubled.index);
    out.push(
      lineProblem(
        'F5',
        line.no,
        start,
        start + doubled[0].length,
        'error',
        label(
          `文种不能叠用（“${doubled[0]}”）：请示与报告应分开行文`,
          `Do not double the document type (${doubled[0]})`,
        ),
      ),
    );
  } else if (docTypeOfTitle(text) === null && !/便函$/u.test(text)) {
    out.push(
      lineProblem(
        'F5',
        last.no,
        last.indent,
        last.indent + last.content.length,
        'error',
        endsWithNonTypeName(text)
          ? label(
              '标题缺少文种：办法、方案等不是文种，应作为附件以“关于印发……的通知”行文',
              'The title lacks a document type: 办法, 方案 … are not types; issue them with a 通知',
            )
          : label(
              '标题应以文种结尾（通知、请示、报告、函……）',
              'A title ends in its document type (通知, 请示, 报告, 函 …)',
            ),
      ),
    );
  }

  const type = typeName ?? docTypeOfTitle(text);
  if (!doubled && type !== null && !NO_GUANYU_FORM.has(type) && !/关于.+的/u.test(text)) {
    const first = s.title[0]!;
    out.push(
      lineProblem(
        'F5',
        first.no,
        first.indent,
        first.indent + first.content.length,
        'warning',
        label('标题一般由“发文机关+关于+事由+的+文种”构成', 'A title is usually 发文机关 + 关于 + subject + 的 + type'),
      ),
    );
  }
  return out;
}

/** Line and raw offset of an offset into the joined title text. */
function locate(s: Structure, offset: number): { line: Structure['title'][number]; start: number } {
  let rest = offset;
  for (const line of s.title) {
    if (rest < line.content.length) return { line, start: line.indent + rest };
    rest -= line.content.length;
  }
  const last = s.title[s.title.length - 1]!;
  return { line: last, start: last.indent + last.content.length };
}
