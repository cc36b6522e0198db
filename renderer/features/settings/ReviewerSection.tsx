import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Settings } from '../../../shared/domain/settings';
import type { AppError } from '../../../shared/errors';
import { call, toAppError } from '../../api/client';
import { useQuery } from '../../api/hooks';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ManagedNote, describedBy, useManaged } from './Managed';

const ReviewerName = Settings.shape.reviewerName;

/** The reviewer's display name: recorded with each approval beside the OS account. */
export function ReviewerSection() {
  const { t } = useTranslation();
  const id = useId();
  const settings = useQuery('settings:get', {});
  const [draft, setDraft] = useState<string>();
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [error, setError] = useState<AppError>();
  const managed = useManaged();
  const locked = managed.isLocked('reviewerName');
  const value = draft ?? settings.data?.reviewerName ?? '';
  const valid = ReviewerName.safeParse(value.trim()).success;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!valid || locked) return;
    setState('saving');
    setError(undefined);
    call('settings:update', { reviewerName: value.trim() })
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
      <h2 id={`${id}-title`}>{t('review.settingsTitle')}</h2>
      <form className="field" onSubmit={onSubmit}>
        <label htmlFor={id}>{t('review.reviewerName')}</label>
        <div className="field__row">
          <input
            id={id}
            type="text"
            className="input--wide"
            maxLength={100}
            autoComplete="name"
            value={value}
            disabled={!settings.data || locked}
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
              {t('review.reviewerSave')}
            </button>
          )}
        </div>
        <p id={`${id}-hint`} className="field__hint" role="status">
          {state === 'saved' ? t('review.reviewerSaved') : t('review.reviewerHint')}
        </p>
      </form>
      {(error ?? settings.error) && (
        <ErrorNotice title={t('review.settingsTitle')} error={(error ?? settings.error)!} />
      )}
    </section>
  );
}
