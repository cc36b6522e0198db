import { useCallback } from 'react';
import type { DraftDetail } from '../../../shared/domain/draft';
import { call } from '../../api/client';
import { useModelStream } from '../endpoint/useModelStream';

export interface GenerateInput {
  title?: string;
  prompt: string;
  documentIds: string[];
}

export interface TypedInput {
  typeId: string;
  fields: Record<string, string>;
  documentIds: string[];
}

/**
 * A new draft through `drafts:generate`, streamed like `model:complete` (useModelStream: the same
 * `model:delta` events for this request id). `draft` is the new draft, once main stored it.
 * Stopping keeps what arrived as a draft marked incomplete (main's answer); leaving the screen
 * does not stop it: the draft appears in the review queue when done.
 */
export function useGenerate() {
  const { run, result: draft, ...stream } = useModelStream<DraftDetail>({ cancelOnUnmount: false });

  const start = useCallback(
    (input: GenerateInput): Promise<DraftDetail | undefined> =>
      run({
        send: (requestId) =>
          call('drafts:generate', {
            requestId,
            kind: 'document',
            prompt: input.prompt,
            documentIds: input.documentIds,
            ...(input.title ? { title: input.title } : {}),
          }),
        settle: (stored, streamed) => ({
          answer: stored.versions.find((v) => v.version === stored.version)?.content.text ?? streamed.answer,
          reasoning: streamed.reasoning,
        }),
      }),
    [run],
  );

  /** A draft of a document type from its fields (`drafting:generate`), streamed the same way. */
  const startTyped = useCallback(
    (input: TypedInput): Promise<DraftDetail | undefined> =>
      run({
        send: (requestId) => call('drafting:generate', { requestId, ...input }),
        settle: (stored, streamed) => ({
          answer: stored.versions.find((v) => v.version === stored.version)?.content.text ?? streamed.answer,
          reasoning: streamed.reasoning,
        }),
      }),
    [run],
  );

  return { ...stream, draft, start, startTyped };
}
