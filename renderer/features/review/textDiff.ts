import { diffArrays } from 'diff';

export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/**
 * Tokens for the diff: each Han character on its own (Chinese has no spaces between words),
 * runs of letters and digits as words, whitespace runs, and any other character.
 */
const TOKEN = /\p{Script=Han}|(?:(?!\p{Script=Han})[\p{L}\p{N}_])+|\s+|[\s\S]/gu;

const isWordChar = (c?: string) => c !== undefined && /[\p{L}\p{N}_]/u.test(c) && !/\p{Script=Han}/u.test(c);
const isHigh = (c?: string) => c !== undefined && c >= '\uD800' && c <= '\uDBFF';
const isLow = (c?: string) => c !== undefined && c >= '\uDC00' && c <= '\uDFFF';

/** Longer texts that differ this much take too long to compare token by token. */
const TIMEOUT_MS = 1500;

/**
 * What changed from `before` to `after`: a character diff for Chinese, a word diff for other
 * scripts. null when the texts are too large and too different to compare in reasonable time.
 */
export function textDiff(before: string, after: string): DiffPart[] | null {
  if (before === after) return before ? [{ kind: 'same', text: before }] : [];
  // The common start and end need no diff (most edits touch a small part of a long text).
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (
    tail < before.length - head &&
    tail < after.length - head &&
    before[before.length - 1 - tail] === after[after.length - 1 - tail]
  )
    tail++;
  // Never split a surrogate pair or a word: back off to the start (end) of the token. `inside` is
  // the common character next to the cut, `x` and `y` the characters across it in each text.
  const midWord = (inside?: string, x?: string, y?: string) => isWordChar(inside) && (isWordChar(x) || isWordChar(y));
  while (head > 0 && (isHigh(before[head - 1]) || midWord(before[head - 1], before[head], after[head]))) head--;
  while (
    tail > 0 &&
    (isLow(before[before.length - tail]) ||
      midWord(before[before.length - tail], before[before.length - tail - 1], after[after.length - tail - 1]))
  )
    tail--;
  const a = before.slice(head, before.length - tail).match(TOKEN) ?? [];
  const b = after.slice(head, after.length - tail).match(TOKEN) ?? [];
  const changes = diffArrays(a, b, { timeout: TIMEOUT_MS });
  if (!changes) return null;
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], text: string) => {
    if (!text) return;
    const last = parts.at(-1);
    if (last?.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  push('same', before.slice(0, head));
  for (const c of changes) push(c.added ? 'added' : c.removed ? 'removed' : 'same', c.value.join(''));
  push('same', before.slice(before.length - tail));
  return tidy(parts);
}

/** Common text this short between two changes reads better inside them ("十五" → "二十", not +二 十 −五). */
const SHORT_COMMON = 2;

/** Folds short common pieces between changes into them; each run of changes becomes one deletion and one insertion. */
function tidy(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  let removed = '';
  let added = '';
  const close = () => {
    if (removed) out.push({ kind: 'removed', text: removed });
    if (added) out.push({ kind: 'added', text: added });
    removed = added = '';
  };
  parts.forEach((p, i) => {
    const between = i > 0 && i < parts.length - 1 && parts[i - 1]!.kind !== 'same' && parts[i + 1]!.kind !== 'same';
    if (p.kind === 'same' && !(between && [...p.text].length <= SHORT_COMMON && !p.text.includes('\n'))) {
      close();
      out.push(p);
    } else {
      if (p.kind !== 'added') removed += p.text;
      if (p.kind !== 'removed') added += p.text;
    }
  });
  close();
  return out;
}

/** Characters added and removed (code points, as a reader counts them). */
export function diffStats(parts: DiffPart[]): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const p of parts) {
    if (p.kind === 'added') added += [...p.text].length;
    if (p.kind === 'removed') removed += [...p.text].length;
  }
  return { added, removed };
}
