import { useCallback, useEffect, useRef, useState } from 'react';
import type { FormDetail, FormFill } from '../../../shared/domain/form';
import type { AppError } from '../../../shared/errors';
import { call, toAppError } from '../../api/client';
import { useEvent } from '../../api/hooks';

export interface DraftForm {
  /** The proposals of the draft: each value's evidence and problems. */
  fill?: FormFill;
  /** The form the draft fills: its kind (what export makes) and profile (labels, validation). */
  detail?: FormDetail;
  error?: AppError;
  reload: () => void;
}

/**
 * The form behind a form draft (`forms:fillOf`, then `forms:get`), or nothing for another kind
 * (`draftId` undefined). The proposals are read again when the draft changes (main may record a
 * person's value); the form itself does not change under a draft.
 */
export function useDraftForm(draftId: string | undefined): DraftForm {
  const [fill, setFill] = useState<FormFill>();
  const [detail, setDetail] = useState<FormDetail>();
  const [error, setError] = useState<AppError>();
  const latest = useRef(0);
  /** The form already loaded: main reads the file again for `forms:get`, so once is enough. */
  const loaded = useRef<string | undefined>(undefined);

  const load = useCallback(async () => {
    if (!draftId) return;
    const seq = ++latest.current;
    try {
      const next = await call('forms:fillOf', { id: draftId });
      if (seq !== latest.current) return;
      setFill(next);
      setError(undefined);
      if (loaded.current !== next.formId) {
        const form = await call('forms:get', { id: next.formId });
        if (seq !== latest.current) return;
        loaded.current = form.form.id;
        setDetail(form);
      }
    } catch (err) {
      if (seq === latest.current) setError(toAppError(err));
    }
  }, [draftId]);

  useEffect(() => {
    void load();
  }, [load]);
  useEvent('drafts:changed', ({ ids }) => {
    if (draftId && ids.includes(draftId)) void load();
  });

  return { fill, detail, error, reload: () => void load() };
}
