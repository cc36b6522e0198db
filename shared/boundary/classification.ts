import type { Classification } from '../domain/document';

/**
 * The 密级 half of the data boundary: content marked above an endpoint's ceiling never leaves the
 * machine. Over-refusing costs a click; under-refusing leaks a state secret, so any written mark
 * counts — but the words 秘密/机密 in prose ("保守国家秘密", "商业秘密") are not marks.
 */

/** Layout may spread the two characters with spaces or an ideographic space (U+3000). */
const LEVEL = String.raw`[绝机秘][ \t\u3000]*密`;
const RANK: Record<'none' | Classification, number> = { none: 0, 秘密: 1, 机密: 2, 绝密: 3 };

/** Written with ★ (GB/T 9704) or a "密级：" label: a mark wherever it stands. */
const EXPLICIT = new RegExp(String.raw`(?:(${LEVEL})\s*[★☆]|密级\s*[:：]\s*(${LEVEL}))`, 'gu');
/** How far down the 版头 a bare 密级 line may be. */
const TOP_LINES = 5;
const TERM = String.raw`(?:[0-9０-９]+|[一二三四五六七八九十]+)\s*(?:年|个月)|长期`;
/** A line of marks: [份号] 密级[★/*][term] [紧急程度], nothing else. */
const MARK_LINE = new RegExp(
  String.raw`^(?:(?:份号\s*[:：]\s*)?[0-9０-９]{6}\s*)?(${LEVEL})\s*(?:[★☆*＊]\s*)?(?:${TERM})?\s*(?:特急|加急|特提|平急)?$`,
  'u',
);

const levelOf = (written: string) => written.replace(/[ \t\u3000]/g, '') as Classification;

/** The highest 密级 marked in `text` and where its first mark starts, or null. */
export function findClassificationMark(text: string): { level: Classification; index: number } | null {
  let best: { level: Classification; index: number } | null = null;
  const note = (level: Classification, index: number) => {
    if (!best || RANK[level] > RANK[best.level] || (level === best.level && index < best.index)) {
      best = { level, index };
    }
  };
  for (const m of text.matchAll(EXPLICIT)) {
    const written = (m[1] ?? m[2])!;
    note(levelOf(written), m.index + m[0].indexOf(written));
  }
  let lines = 0;
  for (const line of text.matchAll(/[^\n\r\f]+/g)) {
    const trimmed = line[0].replace(/^[\s\u3000\u200b-\u200d\ufeff]+|[\s\u3000\u200b-\u200d\ufeff]+$/g, '');
    if (!trimmed) continue;
    const m = MARK_LINE.exec(trimmed);
    if (m) note(levelOf(m[1]!), line.index + line[0].indexOf(m[1]!));
    if (++lines >= TOP_LINES) break;
  }
  return best;
}

/** Whether content marked `level` may not go to an endpoint with this ceiling (秘密 < 机密 < 绝密). */
export function exceedsCeiling(level: Classification, ceiling: 'none' | Classification): boolean {
  return RANK[level] > RANK[ceiling];
}

/** The highest of these 密级 (what material derived from them all carries); null when none is marked. */
export function highestClassification(levels: readonly (Classification | null)[]): Classification | null {
  let top: Classification | null = null;
  for (const level of levels) if (level && (top === null || RANK[level] > RANK[top])) top = level;
  return top;
}
