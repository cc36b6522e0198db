import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Settings } from '../../../shared/domain/settings';
import { call, toAppError } from '../../api/client';
import type { AppError } from '../../../shared/errors';
import { useQuery } from '../../api/hooks';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ManagedNote, describedBy, useManaged } from './Managed';

const MaxImportMb = Settings.shape.maxImportMb;

/** The largest file the Library accepts; main reads it at each import. */
export function ImportSection() {
  const { t } = useTranslation();
  const id = useId();
  const settings = useQuery('settings:get', {});
  const [draft, setDraft] = useState<string>();
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [error, setError] = useState<AppError>();
  const managed = useManaged();
  const locked = managed.isLocked('maxImportMb');
  const value = draft ?? String(settings.data?.maxImportMb ?? '');
  const valid = MaxImportMb.safeParse(Number(value)).success;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!valid || locked) return;
    setState('saving');
    setError(undefined);
    call('settings:update', { maxImportMb: Number(value) })
      .then(() => {
        setDraft(undefined);
        settings.reload();
        setState('saved');
      })
      .catch((err: unknown) => {
        setError(toAppError(err));
        setState('idle');
      });
  };

  return (
    <section className="panel panel--narrow" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('settings.importTitle')}</h2>
      <form className="field" onSubmit={onSubmit}>
        <label htmlFor={id}>{t('settings.maxImportMb')}</label>
        <div className="field__row">
          <input
            id={id}
            type="number"
            inputMode="numeric"
            min={1}
            max={2000}
            step={1}
            value={value}
            disabled={!settings.data || locked}
            aria-invalid={!valid}
            aria-describedby={describedBy(locked && `${id}-managed`, `${id}-hint`)}
            onChange={(e) => {
              setDraft(e.target.value);
              setState('idle');
            }}
          />
          {locked ? (
            <ManagedNote id={`${id}-managed`} organization={managed.organization} />
          ) : (
            <button type="submit" className="button" disabled={!valid || state === 'saving' || draft === undefined}>
              {t('settings.save')}
            </button>
          )}
        </div>
        <p id={`${id}-hint`} className="field__hint" role="status">
          {!valid
            ? t('settings.maxImportMbInvalid')
            : state === 'saved'
              ? t('settings.saved')
              : t('settings.maxImportMbHint')}
        </p>
      </form>
      {(error ?? settings.error) && (
        <ErrorNotice title={t('settings.importTitle')} error={(error ?? settings.error)!} />
      )}
    </section>
  );
}
