/**
 * Separates `<think>…</think>` reasoning from the answer in streamed content, for models served
 * without a reasoning parser (Qwen3, DeepSeek-R1 on vLLM, Ollama, llama.cpp). Reasoning must never
 * reach a draft, so the splitter holds back text that might be the start of a tag — and nothing
 * more, so the answer still streams.
 */
import type { ChatDelta } from './types';

const OPEN = '<think>';
const CLOSE = '</think>';

/**
 * start: only whitespace so far; a `<think>` here opens the reasoning block.
 * reasoning: inside that block, until `</think>`.
 * skip: just after `</think>`; whitespace is dropped.
 * watch: answer text with no `<think>` seen yet; an orphan `</think>` means the chat template
 * opened the block, so everything before it was reasoning.
 * plain: the first block is settled; tags are ordinary answer text from here on.
 */
type State = 'start' | 'reasoning' | 'skip' | 'watch' | 'plain';

const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13) || c === 0x3000 || c === 0xa0;

function firstNonSpace(text: string): number {
  let i = 0;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** Length of the longest end of `text` that could still grow into one of `tags`. */
function partialTag(text: string, tags: readonly string[]): number {
  const longest = Math.max(...tags.map((t) => t.length));
  for (let p = Math.max(0, text.length - longest + 1); p < text.length; p++) {
    if (text.charCodeAt(p) !== 60 /* '<' */) continue;
    const tail = text.slice(p);
    if (tags.some((t) => t.startsWith(tail))) return text.length - p;
  }
  return 0;
}

export class ThinkSplitter {
  private state: State = 'start';
  private held = '';

  push(content: string): ChatDelta[] {
    const out: ChatDelta[] = [];
    const emit = (kind: 'answer' | 'reasoning', text: string) => {
      if (text !== '') out.push({ kind, text });
    };
    let text = this.held + content;
    this.held = '';
    for (;;) {
      switch (this.state) {
        case 'start': {
          const rest = text.slice(firstNonSpace(text));
          if (rest.startsWith(OPEN)) {
            // Whitespace before the block belongs to neither side.
            [text, this.state] = [rest.slice(OPEN.length), 'reasoning'];
          } else if (rest.startsWith(CLOSE)) {
            out.push({ kind: 'retract' });
            [text, this.state] = [rest.slice(CLOSE.length), 'skip'];
          } else if (OPEN.startsWith(rest) || CLOSE.startsWith(rest)) {
            this.held = text; // only whitespace, or whitespace and a tag's beginning
            return out;
          } else {
            this.state = 'watch';
          }
          break;
        }
        case 'reasoning': {
          const close = text.indexOf(CLOSE);
          if (close >= 0) {
            emit('reasoning', text.slice(0, close));
            [text, this.state] = [text.slice(close + CLOSE.length), 'skip'];
            break;
          }
          const keep = partialTag(text, [CLOSE]);
          emit('reasoning', text.slice(0, text.length - keep));
          this.held = text.slice(text.length - keep);
          return out;
        }
        case 'skip': {
          const start = firstNonSpace(text);
          if (start === text.length) return out;
          [text, this.state] = [text.slice(start), 'plain'];
          break;
        }
        case 'watch': {
          const close = text.indexOf(CLOSE);
          const open = text.indexOf(OPEN);
          if (close >= 0 && (open < 0 || close < open)) {
            emit('answer', text.slice(0, close));
            out.push({ kind: 'retract' });
            [text, this.state] = [text.slice(close + CLOSE.length), 'skip'];
          } else if (open >= 0) {
            // A `<think>` inside the answer is the model talking about tags: plain text.
            this.state = 'plain';
          } else {
            const keep = partialTag(text, [OPEN, CLOSE]);
            emit('answer', text.slice(0, text.length - keep));
            this.held = text.slice(text.length - keep);
            return out;
          }
          break;
        }
        case 'plain':
          emit('answer', text);
          return out;
      }
    }
  }

  /** End of content: release held-back text (an unclosed block stays reasoning). Resets the splitter. */
  end(): ChatDelta[] {
    const out: ChatDelta[] = [];
    if (this.held !== '') out.push({ kind: this.state === 'reasoning' ? 'reasoning' : 'answer', text: this.held });
    this.held = '';
    this.state = 'start';
    return out;
  }
}

/** Whole-text convenience: `retract` moves the answer so far over to the reasoning. */
export function splitThink(text: string): { answer: string; reasoning: string } {
  const splitter = new ThinkSplitter();
  let answer = '';
  let reasoning = '';
  for (const delta of [...splitter.push(text), ...splitter.end()]) {
    if (delta.kind === 'retract') [reasoning, answer] = [reasoning + answer, ''];
    else if (delta.kind === 'answer') answer += delta.text;
    else reasoning += delta.text;
  }
  return { answer, reasoning };
}
