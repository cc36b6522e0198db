import { useId, useState } from 'react';
import type { FormEvent, InputHTMLAttributes } from 'react';
import { Settings } from '../../../shared/domain/settings';
import type { AppError } from '../../../shared/errors';
import { call, toAppError } from '../../api/client';
import { useQuery } from '../../api/hooks';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ManagedNote, describedBy, useManaged } from './Managed';
import type { SettingKey } from './Managed';

interface Props<K extends SettingKey> {
  setting: K;
  title: string;
  label: string;
  saveLabel: string;
  /** The field's text as a setting value; the setting's schema then says whether it is valid. */
  parse: (text: string) => Settings[K];
  /** The line under the field. */
  hint: string;
  /** Under the field once saved, until it changes again. */
  savedHint: string;
  /** Under the field while its text is not valid; a field with one is also marked aria-invalid. */
  invalidHint?: string;
  /** The input's own attributes (type, limits, autocomplete). */
  input: InputHTMLAttributes<HTMLInputElement>;
}

/**
 * A settings panel with one field: the stored value until edited, saved with `settings:update`,
 * "saved" in the status line after, and a note instead of the button when the policy locks it.
 */
export function SettingFieldSection<K extends SettingKey>(props: Props<K>) {
  const { setting, title, label, saveLabel, parse, hint, savedHint, invalidHint, input } = props;
  const id = useId();
  const settings = useQuery('settings:get', {});
  const [draft, setDraft] = useState<string>();
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [error, setError] = useState<AppError>();
  const managed = useManaged();
  const locked = managed.isLocked(setting);
  const value = draft ?? (settings.data ? String(settings.data[setting]) : '');
  const parsed = parse(value);
  const valid = Settings.shape[setting].safeParse(parsed).success;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!valid || locked) return;
    setState('saving');
    setError(undefined);
    const patch: Partial<Settings> = {};
    patch[setting] = parsed;
    call('settings:update', patch)
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
      <h2 id={`${id}-title`}>{title}</h2>
      <form className="field" onSubmit={onSubmit}>
        <label htmlFor={id}>{label}</label>
        <div className="field__row">
          <input
            {...input}
            id={id}
            value={value}
            disabled={!settings.data || locked}
            aria-invalid={invalidHint === undefined ? undefined : !valid}
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
              {saveLabel}
            </button>
          )}
        </div>
        <p id={`${id}-hint`} className="field__hint" role="status">
          {!valid && invalidHint !== undefined ? invalidHint : state === 'saved' ? savedHint : hint}
        </p>
      </form>
      {(error ?? settings.error) && <ErrorNotice title={title} error={(error ?? settings.error)!} />}
    </section>
  );
}
