import { useCallback, useRef, useState } from 'react';
import type { CallOutput } from '../../../shared/contract';
import type { SummaryLanguage, SummaryPreset, SummaryStage } from '../../../shared/domain/summary';
import { call } from '../../api/client';
import { useEvent } from '../../api/hooks';
import { useModelStream } from '../endpoint/useModelStream';

export type SummaryRun = CallOutput<'summaries:run'>;

export interface SummarizeInput {
  documentIds: string[];
  preset: SummaryPreset;
  language: SummaryLanguage;
}

/** Where a long summary is: the stage main reported last, and how far it got. */
export interface SummaryProgress {
  stage: SummaryStage;
  done: number;
  total: number;
  /** Long input is summarized in pieces first: once `map` was seen the indicator shows that stage too. */
  mapped: boolean;
}

/**
 * A summary through `summaries:run`, streamed like a draft (the same `model:delta` events for the
 * request id) with `summaries:progress` for the stages of long input. Leaving the screen does not
 * stop it: the summary then waits in the review queue.
 */
export function useSummarize() {
  const { run, ...stream } = useModelStream<SummaryRun>({ cancelOnUnmount: false });
  const requestId = useRef<string | null>(null);
  const [progress, setProgress] = useState<SummaryProgress>();

  useEvent('summaries:progress', (p) => {
    if (p.requestId !== requestId.current) return;
    setProgress((prev) => ({
      stage: p.stage,
      done: p.done,
      total: p.total,
      mapped: Boolean(prev?.mapped) || p.stage === 'map',
    }));
  });

  const start = useCallback(
    (input: SummarizeInput): Promise<SummaryRun | undefined> => {
      setProgress(undefined);
      return run({
        send: (id) => {
          requestId.current = id;
          return call('summaries:run', { requestId: id, ...input });
        },
        settle: (result, streamed) => ({
          answer:
            result.draft.versions.find((v) => v.version === result.draft.version)?.content.text ?? streamed.answer,
          reasoning: streamed.reasoning,
        }),
      });
    },
    [run],
  );

  return { ...stream, progress, start };
}
