import { z } from 'zod';
import type { AppErrorData } from '../errors';

/** OpenAI-compatible chat types, as Wenshu uses them (no tools, no images). */
export const ChatRole = z.enum(['system', 'user', 'assistant']);
export type ChatRole = z.infer<typeof ChatRole>;

export const ChatMessage = z.object({ role: ChatRole, content: z.string() });
export type ChatMessage = z.infer<typeof ChatMessage>;

export const ChatUsage = z.object({
  promptTokens: z.number().int().min(0),
  completionTokens: z.number().int().min(0),
  /** Part of completionTokens spent on reasoning, when the endpoint says so. */
  reasoningTokens: z.number().int().min(0).optional(),
});
export type ChatUsage = z.infer<typeof ChatUsage>;

/** `length`: the answer was cut at max_tokens; the UI offers to continue it. */
export const FinishReason = z.enum(['stop', 'length', 'tool_calls', 'content_filter', 'unknown']);
export type FinishReason = z.infer<typeof FinishReason>;

/**
 * A piece of streamed output. `retract` means everything streamed as answer so far was in fact
 * reasoning (a model that closed `</think>` without opening it); consumers move it over.
 */
export type ChatDelta = { kind: 'answer' | 'reasoning'; text: string } | { kind: 'retract' };

export const ChatResult = z.object({
  /** The answer with reasoning removed: the only text that may go into a draft. */
  answer: z.string(),
  /** `reasoning_content` and `<think>` text: shown in a detail panel, never in a draft. */
  reasoning: z.string(),
  finishReason: FinishReason.nullable(),
  model: z.string(),
  usage: ChatUsage.nullable(),
});
export type ChatResult = z.infer<typeof ChatResult>;

/** A failed call keeps what had streamed before the failure. */
export type ChatOutcome = { ok: true; value: ChatResult } | { ok: false; error: AppErrorData; partial: ChatResult };
