/**
 * F4 heading numbering (GB/T 9704 7.3.3): level 1 `一、`, level 2 `（一）`, level 3 `1.` (or
 * full-width `1．` where an office requires it), level 4 `（1）`. Wrong punctuation, skipped
 * levels and gaps in a sequence are errors.
 */
import { parseChineseInteger } from '../gongwen/numerals';
import { label, lineProblem } from './problem';
import type { Structure } from './structure';
import type { LintInput, LintProblem, Text2 } from './types';

interface Heading {
  level: 1 | 2 | 3 | 4;
  value: number;
  /** Offsets of the numbering in the raw line. */
  start: number;
  end: number;
  /** The numbering as written and as it should be. */
  written: string;
  correct: string;
  /** Level-3 only: which dot. */
  dot?: '.' | '．';
}

const CN = '[一二三四五六七八九十]{1,3}';
const L1 = new RegExp(`^(${CN})([、.．，,])`, 'u');
const L2 = new RegExp(`^([（(])(${CN})([）)])([、.．，,]?)`, 'u');
const L3 = /^([0-9０-９]{1,2})([.．、，,])(?![0-9０-９])/u;
const L4 = /^([（(])([0-9０-９]{1,2})([）)])([、.．，,]?)/u;

const toHalf = (d: string) => d.replace(/[０-９]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

function readHeading(content: string, offset: number, dotStyle: LintInput['level3Dot']): Heading | null {
  let m = L1.exec(content);
  if (m) {
    const value = parseChineseInteger(m[1]!);
    if (value === null) return null;
    return { level: 1, value, start: offset, end: offset + m[0].length, written: m[0], correct: `${m[1]}、` };
  }
  m = L2.exec(content);
  if (m) {
    const value = parseChineseInteger(m[2]!);
    if (value === null) return null;
    return { level: 2, value, start: offset, end: offset + m[0].length, written: m[0], correct: `（${m[2]}）` };
  }
  m = L4.exec(content);
  if (m) {
    const digits = toHalf(m[2]!);
    return {
      level: 4,
      value: Number(digits),
      start: offset,
      end: offset + m[0].length,
      written: m[0],
      correct: `（${digits}）`,
    };
  }
  m = L3.exec(content);
  if (m) {
    const digits = toHalf(m[1]!);
    const punct = m[2]!;
    const dot: '.' | '．' = dotStyle === 'full' ? '．' : dotStyle === 'half' ? '.' : punct === '．' ? '．' : '.';
    const written = m[0];
    // A full-width digit is fine only in the full-width style; keep the digit as written otherwise.
    return {
      level: 3,
      value: Number(digits),
      start: offset,
      end: offset + written.length,
      written,
      correct: `${dotStyle === 'full' ? m[1] : digits}${dot}`,
      dot: punct === '．' ? '．' : punct === '.' ? '.' : undefined,
    };
  }
  return null;
}

const LEVEL_NAMES: Record<number, Text2> = {
  1: label('一级标题', 'level-1 heading'),
  2: label('二级标题', 'level-2 heading'),
  3: label('三级标题', 'level-3 heading'),
  4: label('四级标题', 'level-4 heading'),
};
const FORMS = ['', '一、', '（一）', '1.', '（1）'];

export function checkHeadings(s: Structure, dotStyle: LintInput['level3Dot'] = 'either'): LintProblem[] {
  const out: LintProblem[] = [];
  /** counters[level]: last number seen at that level under the current parent; 0 = none yet. */
  let counters = [0, 0, 0, 0, 0];
  let top = 0; // the highest level the document uses (1 = 一、); 0 before the first heading
  let current = 0; // level of the last heading
  let firstDot: '.' | '．' | null = null;

  for (const line of s.lines) {
    if (line.role === 'attachmentLabel') {
      // An attached document starts its own numbering.
      counters = [0, 0, 0, 0, 0];
      top = 0;
      current = 0;
      continue;
    }
    if (line.role !== 'body') continue;
    const h = readHeading(line.content, line.indent, dotStyle);
    if (!h) continue;
    const name = LEVEL_NAMES[h.level]!;

    if (h.written !== h.correct) {
      out.push(
        lineProblem(
          'F4',
          line.no,
          h.start,
          h.end,
          'error',
          label(
            `${name.zh}应写作“${h.correct}”，不是“${h.written}”`,
            `Write this ${name.en} as ${h.correct}, not ${h.written}`,
          ),
          { text: h.correct, label: label(`改为“${h.correct}”`, `Change to ${h.correct}`) },
        ),
      );
    } else if (h.level === 3 && dotStyle === 'either' && h.dot) {
      firstDot ??= h.dot;
      if (h.dot !== firstDot) {
        const fixed = h.written.slice(0, -1) + firstDot;
        out.push(
          lineProblem(
            'F4',
            line.no,
            h.start,
            h.end,
            'warning',
            label(
              `同一层级应使用同一种序号样式（本文前面用“1${firstDot}”）`,
              `Number one level the same way throughout (1${firstDot} above)`,
            ),
            { text: fixed, label: label(`改为“${fixed}”`, `Change to ${fixed}`) },
          ),
        );
      }
    }

    if (top === 0 || h.level < top) top = h.level;
    if (h.level > current + 1 && h.level > top) {
      const parent = LEVEL_NAMES[h.level - 1]!;
      out.push(
        lineProblem(
          'F4',
          line.no,
          h.start,
          h.end,
          'error',
          label(
            `层次序数跳级：${name.zh}“${h.written}”前没有${parent.zh}（${FORMS[h.level - 1]}）`,
            `Skipped level: this ${name.en} has no ${parent.en} (${FORMS[h.level - 1]}) above it`,
          ),
        ),
      );
    } else {
      const expected = counters[h.level]! + 1;
      if (h.value !== expected) {
        out.push(
          lineProblem(
            'F4',
            line.no,
            h.start,
            h.end,
            'error',
            label(
              `序号不连续：此处应为第${expected}项，写成了“${h.written}”`,
              `Numbering gap: item ${expected} expected here, found ${h.written}`,
            ),
          ),
        );
      }
    }
    counters[h.level] = h.value;
    for (let l = h.level + 1; l <= 4; l++) counters[l] = 0;
    current = h.level;
  }
  return out;
}
