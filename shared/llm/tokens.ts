/**
 * Approximate token counts for the context budget, checked before anything is sent. The endpoint
 * is Qwen or DeepSeek, both byte-level BPE with ~150k / ~128k vocabularies, so the model counts
 * what those vocabularies do:
 * - an English word is one token up to ~7 letters (nearly every common word is in the vocabulary;
 *   measured with the Qwen3 and DeepSeek-V3 tokenizers: 1.0–1.1 tokens for 1–8 letters, ~1.3 for
 *   9–12, more beyond), +0.2 per letter after the 7th;
 * - digits: 1 token per 2 (DeepSeek groups up to 3, Qwen splits every digit);
 * - an ASCII punctuation run: 1 token, +0.5 per further character ("**", "```", '."' are merged);
 * - one space between words is part of the next word's token; any other whitespace run is 1;
 * - a Han character 0.6 (DeepSeek documents ≈0.6 per Chinese character, Qwen ≈0.7; both tokenizers
 *   give ~0.5 on simplified 公文 and 0.6–0.7 on traditional text); CJK punctuation and every other
 *   character (kana, Hangul, other scripts, emoji) 1 each.
 * Costs are kept in tenths of a token, summed, and rounded up once.
 */
import type { ChatMessage } from './types';

/** Per message: role and separator tokens of the chat template. */
const PER_MESSAGE = 4;
/** The assistant turn's opening tokens. */
const PRIMING = 3;
/**
 * The share of the room left after max_tokens that the estimate may fill. The estimate is within
 * ±15% of real counts; if it is 15% low, a prompt estimated at 0.85 × room still fits.
 */
export const BUDGET_SHARE = 0.85;

const LETTER = 1;
const DIGIT = 2;
const SPACE = 3;
const PUNCT = 4;
const HAN = 5;
const LOW_SURROGATE = 6;
const OTHER = 7;

/** Kinds of the ASCII characters, looked up rather than tested: the walk runs over whole documents. */
const ASCII = new Uint8Array(128).map((_, c) =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90)
    ? LETTER
    : c >= 48 && c <= 57
      ? DIGIT
      : c === 32 || (c >= 9 && c <= 13)
        ? SPACE
        : c > 32 && c < 127
          ? PUNCT
          : OTHER,
);

function kindOf(c: number): number {
  if (c < 128) return ASCII[c]!;
  if (c >= 0x4e00 && c <= 0x9fff) return HAN;
  if (c === 0x3000 || c === 0xa0) return SPACE;
  if (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) return LETTER; // Latin with diacritics
  if ((c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff)) return HAN;
  if (c >= 0xdc00 && c <= 0xdfff) return LOW_SURROGATE;
  return OTHER;
}

const isSpace = (c: number): boolean => kindOf(c) === SPACE;

/**
 * Walks text[start, end) adding each character's share of the cost (in tenths of a token): the
 * first letter of a word 10, letters 8+ 2 each; every other digit 10; a line break, or the second
 * character of a whitespace run, 10; a punctuation run 10 then 5 each; Han 6; a low surrogate 0 (a
 * code point outside the BMP counts once, on its high surrogate); anything else 10. Stops before
 * the character that would take the total past `limit`; returns where it stopped and the cost.
 */
function walk(text: string, start: number, end: number, limit: number): [stop: number, cost: number] {
  let total = 0;
  let run = 0;
  let k = 0; // position in the current run, from 1
  let lineBreakFirst = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const kind = c < 128 ? ASCII[c]! : kindOf(c);
    k = kind === run ? k + 1 : 1;
    let add: number;
    switch (kind) {
      case LETTER:
        add = k === 1 ? 10 : k > 7 ? 2 : 0;
        break;
      case DIGIT:
        add = k % 2 === 1 ? 10 : 0;
        break;
      case SPACE:
        // One space between words rides on the next word's token; any other whitespace run is one token.
        if (k === 1) lineBreakFirst = c === 10 || c === 13;
        add = k === 1 ? (lineBreakFirst ? 10 : 0) : k === 2 && !lineBreakFirst ? 10 : 0;
        break;
      case PUNCT:
        add = k === 1 ? 10 : 5;
        break;
      case HAN:
        add = 6;
        break;
      case LOW_SURROGATE:
        add = 0;
        break;
      default:
        add = 10;
    }
    if (total + add > limit) return [i, total];
    total += add;
    run = kind;
  }
  return [end, total];
}

const cost = (text: string): number => walk(text, 0, text.length, Infinity)[1];

export function estimateTokens(text: string): number {
  return Math.ceil(cost(text) / 10);
}

export function estimateChatTokens(messages: ChatMessage[]): number {
  let total = PRIMING;
  for (const m of messages) total += estimateTokens(m.content) + PER_MESSAGE;
  return total;
}

export interface Budget {
  promptTokens: number;
  maxTokens: number;
  contextWindow: number;
  /** contextWindow − maxTokens − a margin for estimation error (see BUDGET_SHARE). */
  available: number;
  fits: boolean;
}

export function checkBudget(messages: ChatMessage[], maxTokens: number, contextWindow: number): Budget {
  const promptTokens = estimateChatTokens(messages);
  const available = Math.max(0, Math.floor((contextWindow - maxTokens) * BUDGET_SHARE));
  return { promptTokens, maxTokens, contextWindow, available, fits: promptTokens <= available };
}

/** What a character may end: a sentence, a clause; or a closing quote or bracket that follows one. */
const SENTENCE = 1;
const CLAUSE = 2;
const CLOSER = 4;
const MARKS = new Uint8Array(0x10000);
for (const [chars, mark] of [
  ['。！？；.!?', SENTENCE],
  ['，、：,:;', CLAUSE],
  ['”’"\')）」』】》〉〕]}', CLOSER],
] as const)
  for (const c of chars) MARKS[c.charCodeAt(0)] = mark;

/**
 * Units of `text`: with `ends` 0, paragraphs, each ending after a whitespace run that holds a line
 * break; otherwise pieces ending after a run of those marks, the closing quotes after it and the
 * whitespace after them. Cuts never fall inside a word, a number or a whitespace run, so a piece's
 * cost is at most the sum of its units' costs.
 */
function units(text: string, ends: number): string[] {
  const out: string[] = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    let cut = -1;
    if (ends === 0 && (c === 10 || c === 13)) {
      while (i < text.length && isSpace(text.charCodeAt(i))) i++;
      cut = i;
    } else if (ends !== 0 && MARKS[c]! & ends) {
      let j = i + 1;
      while (j < text.length && MARKS[text.charCodeAt(j)]! & ends) j++;
      while (j < text.length && MARKS[text.charCodeAt(j)]! & CLOSER) j++;
      // "3.14", "v2.0", "1,000": an ASCII mark ends a unit only before whitespace or the end.
      const ended = c >= 128 || j === text.length || isSpace(text.charCodeAt(j));
      while (j < text.length && isSpace(text.charCodeAt(j))) j++;
      if (ended) cut = j;
      i = j;
    } else {
      i++;
    }
    if (cut > start) {
      out.push(text.slice(start, cut));
      start = cut;
    }
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

/** The end of the longest piece from `start` that costs at most `limit` (≥ 10) tenths. */
function fitEnd(text: string, start: number, limit: number): number {
  // At least one character: none costs more than 10 tenths (and a low surrogate costs 0, so a
  // pair is never cut).
  const [end] = walk(text, start, text.length, limit);
  if (end === text.length) return end;
  // Prefer ending after a space if one is near the end: a word is not cut when it need not be.
  for (let k = end - 1; k > start + ((end - start) * 3) / 4; k--) if (isSpace(text.charCodeAt(k))) return k + 1;
  return end;
}

/** Paragraphs, then sentences, then clauses (a long 公文 sentence is often a list joined by 、 and ，). */
const LEVELS = [0, SENTENCE, SENTENCE | CLAUSE];

/**
 * Split text into pieces that each estimate ≤ maxTokens, cutting at paragraph, then sentence
 * (。！？.!?；), then clause (，、：,:;), then character boundaries. Concatenated pieces === text.
 * Greedy: a piece takes units while they fit; a unit too long for any piece is split finer and its
 * first parts fill the current piece.
 */
export function splitToTokens(text: string, maxTokens: number): string[] {
  if (!(maxTokens >= 1)) throw new RangeError(`maxTokens must be at least 1, got ${maxTokens}`);
  const limit = Math.floor(maxTokens) * 10;
  const pieces: string[] = [];
  let current = '';
  let currentCost = 0;
  const flush = () => {
    if (current !== '') pieces.push(current);
    current = '';
    currentCost = 0;
  };
  const byCharacters = (unit: string) => {
    for (let start = 0; start < unit.length;) {
      const end = fitEnd(unit, start, limit);
      if (end < unit.length) pieces.push(unit.slice(start, end));
      else [current, currentCost] = [unit.slice(start), cost(unit.slice(start))];
      start = end;
    }
  };
  const split = (part: string, level: number): void => {
    for (const unit of units(part, LEVELS[level]!)) {
      const c = cost(unit);
      if (currentCost + c <= limit) {
        current += unit;
        currentCost += c;
      } else if (c <= limit) {
        flush();
        [current, currentCost] = [unit, c];
      } else if (level + 1 < LEVELS.length) {
        split(unit, level + 1); // its first sentences or clauses may still fill the current piece
      } else {
        flush();
        byCharacters(unit);
      }
    }
  };
  split(text, 0);
  flush();
  return pieces;
}
