import { useCallback, useRef, useState } from 'react';
import type { ImportOutcome } from '../../../shared/domain/document';
import { call, toCallError } from '../../api/client';
import type { CallError } from '../../api/client';
import { useEvent } from '../../api/hooks';
import { groupFiles, readFiles } from './readFiles';

export type ImportState =
  | { phase: 'idle' }
  | { phase: 'running'; done: number; total: number; file?: string; cancelling: boolean }
  /** `error` is set when a call failed as a whole; `outcomes` then holds the files settled before. */
  | { phase: 'finished'; outcomes: ImportOutcome[]; error?: CallError };

interface Batch {
  /** Names the running call, for its progress events and for cancelling it. */
  batchId: string;
  /** Files settled before that call. */
  base: number;
  cancelled: boolean;
}

const cancelledOutcome = (file: File): ImportOutcome => ({
  file: file.name,
  status: 'rejected',
  reason: { code: 'cancelled', message: 'import cancelled' },
});

/** One import at a time: reads the files, sends them in groups, follows progress, collects outcomes. */
export function useImport() {
  const [state, setState] = useState<ImportState>({ phase: 'idle' });
  const batch = useRef<Batch | null>(null);

  useEvent('import:progress', (progress) => {
    const current = batch.current;
    // Events of an earlier call can trail its reply (SSE in the web shell): its id no longer matches.
    if (current?.batchId !== progress.batchId) return;
    setState((s) => (s.phase === 'running' ? { ...s, done: current.base + progress.done, file: progress.file } : s));
  });

  const start = useCallback(async (files: readonly File[]) => {
    if (files.length === 0 || batch.current) return;
    const current: Batch = { batchId: '', base: 0, cancelled: false };
    batch.current = current;
    const outcomes: ImportOutcome[] = [];
    setState({ phase: 'running', done: 0, total: files.length, cancelling: false });
    try {
      for (const group of groupFiles(files)) {
        const read = current.cancelled ? undefined : await readFiles(group);
        if (!read || current.cancelled) {
          // Cancelled before this group was sent: none of it is imported.
          outcomes.push(...group.map(cancelledOutcome));
        } else {
          outcomes.push(...read.unreadable);
          if (read.readable.length > 0) {
            current.batchId = crypto.randomUUID();
            current.base = outcomes.length;
            outcomes.push(...(await call('documents:import', { batchId: current.batchId, files: read.readable })));
          }
        }
        setState((s) => (s.phase === 'running' ? { ...s, done: outcomes.length } : s));
      }
      setState({ phase: 'finished', outcomes });
    } catch (err) {
      setState({ phase: 'finished', outcomes, error: toCallError(err) });
    } finally {
      batch.current = null;
    }
  }, []);

  /** Stops the running call (main reports its unstarted files as cancelled) and sends no more. */
  const cancel = useCallback(() => {
    const current = batch.current;
    if (!current || current.cancelled) return;
    current.cancelled = true;
    setState((s) => (s.phase === 'running' ? { ...s, cancelling: true } : s));
    // If this fails the running call simply completes; its outcomes are shown all the same.
    if (current.batchId) void call('documents:cancelImport', { batchId: current.batchId }).catch(() => undefined);
  }, []);

  const dismiss = useCallback(() => setState({ phase: 'idle' }), []);
  return { state, start, cancel, dismiss };
}
