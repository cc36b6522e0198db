import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChatResult } from '../../../shared/llm/types';
import type { AppError } from '../../../shared/errors';
import { call, toAppError } from '../../api/client';
import { useEvent } from '../../api/hooks';

export type CompletionPhase = 'idle' | 'streaming' | 'done' | 'stopped' | 'failed';

export interface CompletionState {
  phase: CompletionPhase;
  /** The answer as far as it has arrived (reasoning never included). */
  answer: string;
  /** Reasoning (`reasoning_content`, `<think>` text): shown apart, never part of the answer. */
  reasoning: string;
  /** The last request's result, once it resolved. */
  result?: ChatResult;
  /** Why the last request failed; the text received before the failure stays in `answer`. */
  error?: AppError;
}

export interface CompletionInput {
  prompt: string;
  /** Documents from the store whose text goes along (UUIDs). */
  documentIds?: string[];
}

const IDLE: CompletionState = { phase: 'idle', answer: '', reasoning: '' };

let counter = 0;
/** A fresh id for each request, so deltas of an earlier or a concurrent request are never mixed in. */
export function newRequestId(): string {
  counter += 1;
  const random = globalThis.crypto?.randomUUID?.() ?? Math.random().toString(36).slice(2);
  return `r${counter}-${random}`.slice(0, 64);
}

/**
 * A continuation's result may carry only the new text or the whole answer; either way the
 * answer shown is the text so far followed by the new text, exactly once.
 */
function joinContinued(before: string, result: string): string {
  return before && !result.startsWith(before) ? before + result : result;
}

/**
 * One prompt through `model:complete`, streamed: `model:delta` events for the current request
 * build the answer and the reasoning as they arrive; `retract` moves the answer streamed by this
 * request into the reasoning (a model that closed `</think>` without opening it). The result,
 * when the call resolves, is authoritative. Leaving the screen cancels a request in flight.
 */
export function useCompletion() {
  const [state, setState] = useState<CompletionState>(IDLE);
  const active = useRef<string | null>(null);
  /** Where this request's own answer text starts (after the text it continues). */
  const streamStart = useRef(0);
  const lastInput = useRef<CompletionInput | null>(null);

  useEvent('model:delta', (delta) => {
    if (delta.requestId !== active.current) return;
    setState((s) => {
      switch (delta.kind) {
        case 'answer':
          return { ...s, answer: s.answer + delta.text };
        case 'reasoning':
          return { ...s, reasoning: s.reasoning + delta.text };
        case 'retract':
          return {
            ...s,
            answer: s.answer.slice(0, streamStart.current),
            reasoning: s.reasoning + s.answer.slice(streamStart.current),
          };
      }
    });
  });

  const run = useCallback(async (input: CompletionInput, from: { answer: string; reasoning: string } | null) => {
    const requestId = newRequestId();
    active.current = requestId;
    lastInput.current = input;
    streamStart.current = from?.answer.length ?? 0;
    setState({ phase: 'streaming', answer: from?.answer ?? '', reasoning: from?.reasoning ?? '' });
    try {
      const result = await call('model:complete', {
        prompt: input.prompt,
        documentIds: input.documentIds ?? [],
        requestId,
        ...(from ? { continueFrom: from.answer } : {}),
      });
      if (active.current !== requestId) return;
      setState({
        phase: 'done',
        answer: joinContinued(from?.answer ?? '', result.answer),
        reasoning: joinContinued(from?.reasoning ?? '', result.reasoning),
        result,
      });
    } catch (err) {
      if (active.current !== requestId) return;
      const error = toAppError(err);
      setState((s) => (error.code === 'cancelled' ? { ...s, phase: 'stopped' } : { ...s, phase: 'failed', error }));
    } finally {
      if (active.current === requestId) active.current = null;
    }
  }, []);

  const start = useCallback((input: CompletionInput) => run(input, null), [run]);

  /** Continues an answer cut at max_tokens: the same prompt, with the answer so far to go on from. */
  const continueAnswer = useCallback(() => {
    if (!lastInput.current) return Promise.resolve();
    return run(lastInput.current, { answer: state.answer, reasoning: state.reasoning });
  }, [run, state.answer, state.reasoning]);

  const stop = useCallback(() => {
    const requestId = active.current;
    if (!requestId) return;
    // The call then rejects with `cancelled`; the text so far stays.
    call('model:cancel', { requestId }).catch(() => {});
  }, []);

  const reset = useCallback(() => {
    stop();
    active.current = null;
    setState(IDLE);
  }, [stop]);

  useEffect(
    () => () => {
      const requestId = active.current;
      active.current = null;
      if (requestId) call('model:cancel', { requestId }).catch(() => {});
    },
    [],
  );

  return { ...state, start, continueAnswer, stop, reset };
}
