import { useCallback, useEffect, useRef, useState } from 'react';
import type { DraftDetail } from '../../../shared/domain/draft';
import type { AppError } from '../../../shared/errors';
import { call, toAppError } from '../../api/client';
import { useEvent } from '../../api/hooks';
import { newRequestId } from '../endpoint/useCompletion';

export type GeneratePhase = 'idle' | 'streaming' | 'done' | 'stopped' | 'failed';

export interface GenerateState {
  phase: GeneratePhase;
  /** The text as far as it has arrived (reasoning never included). */
  answer: string;
  reasoning: string;
  /** The new draft, once main stored it. */
  draft?: DraftDetail;
  error?: AppError;
}

export interface GenerateInput {
  title?: string;
  prompt: string;
  documentIds: string[];
}

const IDLE: GenerateState = { phase: 'idle', answer: '', reasoning: '' };

/**
 * A new draft through `drafts:generate`, streamed like `model:complete` (the same `model:delta`
 * events for this request id; `retract` moves the answer so far into the reasoning). Stopping
 * keeps what arrived as a draft marked incomplete (main's answer); leaving the screen does not
 * stop it: the draft appears in the review queue when done.
 */
export function useGenerate() {
  const [state, setState] = useState<GenerateState>(IDLE);
  const active = useRef<string | null>(null);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEvent('model:delta', (delta) => {
    if (delta.requestId !== active.current) return;
    setState((s) => {
      switch (delta.kind) {
        case 'answer':
          return { ...s, answer: s.answer + delta.text };
        case 'reasoning':
          return { ...s, reasoning: s.reasoning + delta.text };
        case 'retract':
          return { ...s, answer: '', reasoning: s.reasoning + s.answer };
      }
    });
  });

  const start = useCallback(async (input: GenerateInput): Promise<DraftDetail | undefined> => {
    const requestId = newRequestId();
    active.current = requestId;
    setState({ phase: 'streaming', answer: '', reasoning: '' });
    try {
      const draft = await call('drafts:generate', {
        requestId,
        kind: 'document',
        prompt: input.prompt,
        documentIds: input.documentIds,
        ...(input.title ? { title: input.title } : {}),
      });
      if (active.current !== requestId || !mounted.current) return undefined;
      const text = draft.versions.find((v) => v.version === draft.version)?.content.text;
      setState((s) => ({ ...s, phase: 'done', answer: text ?? s.answer, draft }));
      return draft;
    } catch (err) {
      if (active.current !== requestId) return undefined;
      const error = toAppError(err);
      setState((s) => (error.code === 'cancelled' ? { ...s, phase: 'stopped' } : { ...s, phase: 'failed', error }));
      return undefined;
    } finally {
      if (active.current === requestId) active.current = null;
    }
  }, []);

  const stop = useCallback(() => {
    const requestId = active.current;
    if (requestId) call('model:cancel', { requestId }).catch(() => {});
  }, []);

  return { ...state, start, stop };
}
