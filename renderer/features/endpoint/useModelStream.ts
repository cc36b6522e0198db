import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError } from '../../../shared/errors';
import { call, toAppError } from '../../api/client';
import { useEvent } from '../../api/hooks';

export type StreamPhase = 'idle' | 'streaming' | 'done' | 'stopped' | 'failed';

/** The text shown: the answer and, apart from it, the reasoning. */
export interface StreamText {
  /** The answer as far as it has arrived (reasoning never included). */
  answer: string;
  /** Reasoning (`reasoning_content`, `<think>` text): shown apart, never part of the answer. */
  reasoning: string;
}

export interface StreamState<R> extends StreamText {
  phase: StreamPhase;
  /** A stop was asked for and the request has not ended yet (main is cancelling it). */
  stopping: boolean;
  /** The last request's result, once it resolved. */
  result?: R;
  /** Why the last request failed; the text received before the failure stays in `answer`. */
  error?: AppError;
}

export interface StreamRequest<R> {
  /** Makes the call for this request id; main streams its `model:delta` events meanwhile. */
  send: (requestId: string) => Promise<R>;
  /** The text to show once the call resolved, from its result (authoritative) and what streamed. */
  settle: (result: R, streamed: StreamText) => StreamText;
  /** Text this request goes on from: shown first, and never moved by a `retract`. */
  from?: StreamText;
}

const IDLE: StreamState<never> = { phase: 'idle', answer: '', reasoning: '', stopping: false };

let counter = 0;
/** A fresh id for each request, so deltas of an earlier or a concurrent request are never mixed in. */
export function newRequestId(): string {
  counter += 1;
  const random = globalThis.crypto?.randomUUID?.() ?? Math.random().toString(36).slice(2);
  return `r${counter}-${random}`.slice(0, 64);
}

/**
 * One streamed model request at a time (`model:complete`, `drafts:generate`): the `model:delta`
 * events of the current request id build the answer and the reasoning as they arrive; `retract`
 * moves the answer streamed by this request into the reasoning (a model that closed `</think>`
 * without opening it). A newer request supersedes an older one; stopping asks main to cancel, and
 * the text so far stays. `cancelOnUnmount` decides whether leaving the screen cancels the request
 * in flight; either way `run` then resolves to undefined.
 */
export function useModelStream<R>({ cancelOnUnmount }: { cancelOnUnmount: boolean }) {
  const [state, setState] = useState<StreamState<R>>(IDLE);
  const active = useRef<string | null>(null);
  /** Where this request's own answer text starts (after the text it goes on from). */
  const streamStart = useRef(0);
  const mounted = useRef(true);

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

  /** Resolves to the call's result, or undefined when it was stopped, failed, superseded or left. */
  const run = useCallback(async ({ send, settle, from }: StreamRequest<R>): Promise<R | undefined> => {
    const requestId = newRequestId();
    active.current = requestId;
    streamStart.current = from?.answer.length ?? 0;
    setState({ phase: 'streaming', answer: from?.answer ?? '', reasoning: from?.reasoning ?? '', stopping: false });
    try {
      const result = await send(requestId);
      if (active.current !== requestId || !mounted.current) return undefined;
      setState((s) => ({ phase: 'done', ...settle(result, s), stopping: false, result }));
      return result;
    } catch (err) {
      if (active.current !== requestId) return undefined;
      const error = toAppError(err);
      setState((s) =>
        error.code === 'cancelled'
          ? { ...s, phase: 'stopped', stopping: false }
          : { ...s, phase: 'failed', stopping: false, error },
      );
      return undefined;
    } finally {
      if (active.current === requestId) active.current = null;
    }
  }, []);

  const stop = useCallback(() => {
    const requestId = active.current;
    if (!requestId) return;
    setState((s) => ({ ...s, stopping: true }));
    // The call then rejects with `cancelled`; the text so far stays.
    call('model:cancel', { requestId }).catch(() => {});
  }, []);

  const reset = useCallback(() => {
    stop();
    active.current = null;
    setState(IDLE);
  }, [stop]);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      if (!cancelOnUnmount) return;
      const requestId = active.current;
      active.current = null;
      if (requestId) call('model:cancel', { requestId }).catch(() => {});
    };
  }, [cancelOnUnmount]);

  return { ...state, run, stop, reset };
}
