import { useCallback, useRef, useState } from 'react';
import type { CallInput } from '../../../shared/contract';
import type { ImportOutcome } from '../../../shared/domain/document';
import { call, toAppError } from '../../api/client';
import type { AppError } from '../../../shared/errors';
import { useEvent } from '../../api/hooks';
import { groupFiles, readFiles } from './readFiles';

type ImportFile = CallInput<'documents:import'>['files'][number];

/** One file's result; an encrypted file can be opened again with its password. */
export interface ImportRow {
  outcome: ImportOutcome;
  /** Waiting for a password (its bytes are kept in memory to send again). */
  locked: boolean;
  /** Its password is being tried. */
  unlocking: boolean;
  /** The retry call failed as a whole. */
  unlockError?: AppError;
}

export type ImportState =
  | { phase: 'idle' }
  /** `total` is 0 while a dropped folder is still being listed. */
  | { phase: 'running'; done: number; total: number; file?: string; cancelling: boolean }
  /** `error` is set when a call failed as a whole; `rows` then holds the files settled before. */
  | { phase: 'finished'; rows: ImportRow[]; error?: AppError; emptyFolder: boolean };

/** Files chosen one by one, or a folder's files (possibly still being listed). */
export type FileSource = readonly File[] | Promise<readonly File[]>;

interface Run {
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

export const needsPassword = (outcome: ImportOutcome) =>
  outcome.status === 'rejected' &&
  (outcome.reason.code === 'password_required' || outcome.reason.code === 'wrong_password');

const rowOf = (outcome: ImportOutcome): ImportRow => ({ outcome, locked: needsPassword(outcome), unlocking: false });

/**
 * One import at a time: reads the files, sends them in groups (≤50 files, ≤64 MB a call), follows
 * progress across all groups, collects outcomes. Cancel stops the running call and sends no more
 * groups. Encrypted files keep their bytes so `unlock` can send them again with a password.
 */
export function useImport() {
  const [state, setState] = useState<ImportState>({ phase: 'idle' });
  const running = useRef<Run | null>(null);
  /** Bytes of the files waiting for a password, by row; dropped with the results. */
  const locked = useRef(new Map<number, ImportFile>());
  /** Bumped whenever the results are replaced, so a late unlock reply does not touch new ones. */
  const generation = useRef(0);

  useEvent('import:progress', (progress) => {
    const current = running.current;
    // Events of an earlier call can trail its reply (SSE in the web shell): its id no longer matches.
    if (current?.batchId !== progress.batchId) return;
    setState((s) => (s.phase === 'running' ? { ...s, done: current.base + progress.done, file: progress.file } : s));
  });

  const start = useCallback(async (source: FileSource, from: 'files' | 'folder' = 'files') => {
    if (running.current) return;
    const current: Run = { batchId: '', base: 0, cancelled: false };
    running.current = current;
    generation.current++;
    locked.current = new Map();
    const rows: ImportRow[] = [];
    try {
      let files: readonly File[];
      if (source instanceof Promise) {
        setState({ phase: 'running', done: 0, total: 0, cancelling: false });
        files = await source;
      } else {
        files = source;
      }
      if (files.length === 0 || current.cancelled) {
        setState(
          from === 'folder' && !current.cancelled
            ? { phase: 'finished', rows: [], emptyFolder: true }
            : { phase: 'idle' },
        );
        return;
      }
      setState({ phase: 'running', done: 0, total: files.length, cancelling: false });
      for (const group of groupFiles(files)) {
        const read = current.cancelled ? undefined : await readFiles(group);
        if (!read || current.cancelled) {
          // Cancelled before this group was sent: none of it is imported.
          rows.push(...group.map((f) => rowOf(cancelledOutcome(f))));
        } else {
          rows.push(...read.unreadable.map(rowOf));
          if (read.readable.length > 0) {
            current.batchId = crypto.randomUUID();
            current.base = rows.length;
            const outcomes = await call('documents:import', { batchId: current.batchId, files: read.readable });
            outcomes.forEach((outcome, i) => {
              if (!needsPassword(outcome)) return;
              // Outcomes come one per file, in order; the name check guards against a reply that is not.
              const file =
                read.readable[i]?.name === outcome.file
                  ? read.readable[i]
                  : read.readable.find((f) => f.name === outcome.file);
              if (file) locked.current.set(rows.length + i, { name: file.name, bytes: file.bytes });
            });
            rows.push(...outcomes.map(rowOf));
          }
        }
        setState((s) => (s.phase === 'running' ? { ...s, done: rows.length } : s));
      }
      setState({ phase: 'finished', rows: withKnownBytes(rows, locked.current), emptyFolder: false });
    } catch (err) {
      setState({
        phase: 'finished',
        rows: withKnownBytes(rows, locked.current),
        error: toAppError(err),
        emptyFolder: false,
      });
    } finally {
      running.current = null;
    }
  }, []);

  /** Stops the running call (main reports its unstarted files as cancelled) and sends no more. */
  const cancel = useCallback(() => {
    const current = running.current;
    if (!current || current.cancelled) return;
    current.cancelled = true;
    setState((s) => (s.phase === 'running' ? { ...s, cancelling: true } : s));
    // If this fails the running call simply completes; its outcomes are shown all the same.
    if (current.batchId) void call('documents:cancelImport', { batchId: current.batchId }).catch(() => undefined);
  }, []);

  /** Sends one encrypted file again, with the password the user typed; its row shows the new outcome. */
  const unlock = useCallback(async (index: number, password: string): Promise<ImportOutcome | undefined> => {
    const file = locked.current.get(index);
    if (!file) return undefined;
    const at = generation.current;
    const update = (patch: Partial<ImportRow>) =>
      setState((s) =>
        s.phase === 'finished' && generation.current === at
          ? { ...s, rows: s.rows.map((row, i) => (i === index ? { ...row, ...patch } : row)) }
          : s,
      );
    update({ unlocking: true, unlockError: undefined });
    try {
      const [outcome] = await call('documents:import', {
        batchId: crypto.randomUUID(),
        files: [{ ...file, password }],
      });
      if (!outcome) throw new Error('no outcome for the file');
      const still = needsPassword(outcome);
      if (!still && generation.current === at) locked.current.delete(index);
      update({ outcome, locked: still, unlocking: false });
      return outcome;
    } catch (err) {
      update({ unlocking: false, unlockError: toAppError(err) });
      return undefined;
    }
  }, []);

  const dismiss = useCallback(() => {
    generation.current++;
    locked.current = new Map();
    setState({ phase: 'idle' });
  }, []);

  return { state, start, cancel, unlock, dismiss };
}

/** A row offers a password field only if its bytes are at hand. */
const withKnownBytes = (rows: ImportRow[], bytes: Map<number, ImportFile>) =>
  rows.map((row, i) => (row.locked && !bytes.has(i) ? { ...row, locked: false } : row));
