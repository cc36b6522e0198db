import { useCallback, useEffect, useRef, useState } from 'react';
import type { SecondOpinion } from '../../../shared/domain/summary';
import type { AppError } from '../../../shared/errors';
import { call, toAppError } from '../../api/client';
import { newRequestId } from '../endpoint/useModelStream';

export type OpinionState =
  | { phase: 'idle' }
  | { phase: 'running' }
  | { phase: 'done'; opinions: SecondOpinion[]; text: string }
  | { phase: 'failed'; error: AppError }
  /** The policy does not allow it (`forbidden`): the button goes away. */
  | { phase: 'off' };

/**
 * The endpoint's advisory opinion on the flagged sentences of the stored version
 * (`summaries:secondOpinion`). The opinions name sentences by position, so they belong to the text
 * they were asked about (`text`) and are shown only while the check is of that same text.
 */
export function useSecondOpinion(draftId: string) {
  const [state, setState] = useState<OpinionState>({ phase: 'idle' });
  const active = useRef<string | null>(null);

  const ask = useCallback(
    async (text: string) => {
      const requestId = newRequestId();
      active.current = requestId;
      setState({ phase: 'running' });
      try {
        const opinions = await call('summaries:secondOpinion', { requestId, id: draftId });
        if (active.current === requestId) setState({ phase: 'done', opinions, text });
      } catch (err) {
        if (active.current !== requestId) return;
        const error = toAppError(err);
        if (error.code === 'cancelled') setState({ phase: 'idle' });
        else if (error.code === 'forbidden') setState({ phase: 'off' });
        else setState({ phase: 'failed', error });
      } finally {
        if (active.current === requestId) active.current = null;
      }
    },
    [draftId],
  );

  const stop = useCallback(() => {
    if (active.current) call('model:cancel', { requestId: active.current }).catch(() => {});
  }, []);

  // Leaving the draft stops a request nobody will read.
  useEffect(
    () => () => {
      if (active.current) call('model:cancel', { requestId: active.current }).catch(() => {});
      active.current = null;
    },
    [],
  );

  return { state, ask, stop };
}
