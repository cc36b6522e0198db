import { useCallback, useRef, useState } from 'react';
import type { FormDetail, FormSummary } from '../../../shared/domain/form';
import type { AppError } from '../../../shared/errors';
import { call, toAppError } from '../../api/client';

export type OpenBusy = { kind: 'open'; file: string } | { kind: 'get'; title: string };

/**
 * The form on screen: opened from a file (its bytes go to main, never a path) or again from the
 * list. A later choice supersedes one still loading; a failure keeps the form already open.
 */
export function useOpenForm(onOpened: () => void) {
  const [detail, setDetail] = useState<FormDetail>();
  const [busy, setBusy] = useState<OpenBusy>();
  const [error, setError] = useState<AppError>();
  const latest = useRef(0);

  const run = useCallback(
    async (next: OpenBusy, load: () => Promise<FormDetail>) => {
      const seq = ++latest.current;
      setBusy(next);
      setError(undefined);
      try {
        const opened = await load();
        if (seq !== latest.current) return;
        setDetail(opened);
        onOpened();
      } catch (err) {
        if (seq === latest.current) setError(toAppError(err));
      } finally {
        if (seq === latest.current) setBusy(undefined);
      }
    },
    [onOpened],
  );

  const open = useCallback(
    (file: File) =>
      run({ kind: 'open', file: file.name }, async () =>
        call('forms:open', { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }),
      ),
    [run],
  );
  const reopen = useCallback(
    (form: FormSummary) =>
      run({ kind: 'get', title: form.title || form.fileName }, () => call('forms:get', { id: form.id })),
    [run],
  );

  return { detail, busy, error, open, reopen, replace: setDetail };
}
