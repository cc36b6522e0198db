/**
 * Everything a chat has received so far, and the deltas passed on to the caller as they come:
 * `<think>` blocks in the content are split off as reasoning, never left in the answer.
 */
import type { ChunkParts } from '../../shared/llm/chunk';
import { ThinkSplitter } from '../../shared/llm/think';
import type { ChatDelta, ChatResult, ChatUsage, FinishReason } from '../../shared/llm/types';

export class Accumulator {
  answer = '';
  reasoning = '';
  finishReason: FinishReason | null = null;
  usage: ChatUsage | null = null;
  model: string | null = null;
  started = false;
  doneSeen = false;
  /** Called with the first delta: the call's timer switches from first token to idle. */
  onFirst: () => void = () => {};
  private readonly splitter = new ThinkSplitter();

  /**
   * `delivered` is shared by all attempts of one chat: once anything reached the caller, the
   * chat is not retried (the caller would see the text twice).
   */
  constructor(
    private readonly onDelta: ((delta: ChatDelta) => void) | undefined,
    private readonly delivered: { value: boolean },
  ) {}

  take(parts: ChunkParts): void {
    if (parts.model && this.model === null) this.model = parts.model;
    if (parts.reasoning) this.emit({ kind: 'reasoning', text: parts.reasoning });
    if (parts.content) for (const delta of this.splitter.push(parts.content)) this.emit(delta);
    if (parts.finishReason) this.finishReason = parts.finishReason;
    if (parts.usage) this.usage = parts.usage;
  }

  /** End of content: text the think-splitter held back is released. */
  flush(): void {
    for (const delta of this.splitter.end()) this.emit(delta);
  }

  result(requested: string): ChatResult {
    return {
      answer: this.answer,
      reasoning: this.reasoning,
      finishReason: this.finishReason,
      model: this.model ?? requested,
      usage: this.usage,
    };
  }

  private emit(delta: ChatDelta): void {
    // An orphan `</think>`: the answer so far was reasoning all along.
    if (delta.kind === 'retract') [this.reasoning, this.answer] = [this.reasoning + this.answer, ''];
    else if (delta.kind === 'answer') this.answer += delta.text;
    else this.reasoning += delta.text;
    this.delivered.value = true;
    if (!this.started) {
      this.started = true;
      this.onFirst();
    }
    this.onDelta?.(delta);
  }
}
