import { useCallback } from 'react';
import type { CallOutput } from '../../../shared/contract';
import { call } from '../../api/client';
import { useModelStream } from '../endpoint/useModelStream';

export type FormFillRun = CallOutput<'forms:fill'>;

/**
 * Filling a form through `forms:fill`: the model's raw answer streams as `model:delta` for the
 * request id (shown only as progress: the checked values come with the result). Leaving the
 * screen does not stop it: the filled form then waits in the review queue.
 */
export function useFormFill() {
  const { run, ...stream } = useModelStream<FormFillRun>({ cancelOnUnmount: false });
  const start = useCallback(
    (input: { id: string; documentIds: string[] }) =>
      run({
        send: (requestId) => call('forms:fill', { requestId, ...input }),
        settle: (_result, { answer, reasoning }) => ({ answer, reasoning }),
      }),
    [run],
  );
  return { ...stream, start };
}
