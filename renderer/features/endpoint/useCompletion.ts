import { useCallback, useRef } from 'react';
import type { ChatResult } from '../../../shared/llm/types';
import { call } from '../../api/client';
import { useModelStream } from './useModelStream';
import type { StreamText } from './useModelStream';

export interface CompletionInput {
  prompt: string;
  /** Documents from the store whose text goes along (UUIDs). */
  documentIds?: string[];
}

/**
 * A continuation's result may carry only the new text or the whole answer; either way the
 * answer shown is the text so far followed by the new text, exactly once.
 */
function joinContinued(before: string, result: string): string {
  return before && !result.startsWith(before) ? before + result : result;
}

/**
 * One prompt through `model:complete`, streamed (useModelStream); `result` is the last request's
 * result once it resolved, and authoritative. Leaving the screen cancels a request in flight.
 */
export function useCompletion() {
  const { run, ...stream } = useModelStream<ChatResult>({ cancelOnUnmount: true });
  const lastInput = useRef<CompletionInput | null>(null);

  const complete = useCallback(
    async (input: CompletionInput, from?: StreamText) => {
      lastInput.current = input;
      await run({
        send: (requestId) =>
          call('model:complete', {
            prompt: input.prompt,
            documentIds: input.documentIds ?? [],
            requestId,
            ...(from ? { continueFrom: from.answer } : {}),
          }),
        settle: (result) => ({
          answer: joinContinued(from?.answer ?? '', result.answer),
          reasoning: joinContinued(from?.reasoning ?? '', result.reasoning),
        }),
        from,
      });
    },
    [run],
  );

  const start = useCallback((input: CompletionInput) => complete(input), [complete]);

  /** Continues an answer cut at max_tokens: the same prompt, with the answer so far to go on from. */
  const continueAnswer = useCallback(() => {
    if (!lastInput.current) return Promise.resolve();
    return complete(lastInput.current, { answer: stream.answer, reasoning: stream.reasoning });
  }, [complete, stream.answer, stream.reasoning]);

  return { ...stream, start, continueAnswer };
}
