import { useId, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Settings } from '../../../shared/domain/settings';
import type { EndpointSummary } from '../../../shared/domain/endpoint';
import type { AppError } from '../../../shared/errors';
import { call, toAppError } from '../../api/client';
import { useQuery } from '../../api/hooks';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ManagedNote, describedBy, useManaged } from './Managed';

type Key = 'endpointUrl' | 'model' | 'contextWindow';
type Drafts = Partial<Record<Key, string>>;

const parse = {
  endpointUrl: (v: string) => Settings.shape.endpointUrl.safeParse(v.trim()),
  model: (v: string) => Settings.shape.model.safeParse(v.trim()),
  contextWindow: (v: string) => Settings.shape.contextWindow.safeParse(v.trim() === '' ? NaN : Number(v)),
};

interface FieldProps {
  id: string;
  label: string;
  hint: string;
  invalid?: string;
  locked: boolean;
  organization: string | null;
  children: (describedBy: string | undefined) => ReactNode;
}

/** A labelled control with its hint, its error and, when the policy fixes it, the managed note. */
function Field({ id, label, hint, invalid, locked, organization, children }: FieldProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="field__row field__row--wide">
        {children(describedBy(locked && `${id}-managed`, `${id}-hint`))}
        {locked && <ManagedNote id={`${id}-managed`} organization={organization} />}
      </div>
      <p id={`${id}-hint`} className={invalid ? 'field__error' : 'field__hint'}>
        {invalid ?? hint}
      </p>
    </div>
  );
}

/**
 * The user's own endpoint, when no machine policy governs this computer: base URL, model name
 * and context window. The API key is saved separately (it never goes through settings).
 */
export function UserEndpointForm() {
  const { t } = useTranslation();
  const id = useId();
  const settings = useQuery('settings:get', {});
  const managed = useManaged();
  const [drafts, setDrafts] = useState<Drafts>({});
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [error, setError] = useState<AppError>();

  const saved = settings.data;
  const value = (key: Key) => drafts[key] ?? (saved ? String(saved[key]) : '');
  const valid = (key: Key) => parse[key](value(key)).success;
  const changed = (Object.keys(drafts) as Key[]).filter(
    (key) => !managed.isLocked(key) && saved && value(key).trim() !== String(saved[key]),
  );
  const allValid = changed.every(valid);

  const set = (key: Key) => (v: string) => {
    setDrafts((d) => ({ ...d, [key]: v }));
    setState('idle');
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (changed.length === 0 || !allValid) return;
    const patch: Partial<Settings> = {};
    for (const key of changed) {
      const parsed = parse[key](value(key));
      if (parsed.success) Object.assign(patch, { [key]: parsed.data });
    }
    setState('saving');
    setError(undefined);
    call('settings:update', patch)
      .then(() => {
        setDrafts({});
        settings.reload();
        setState('saved');
      })
      .catch((err: unknown) => {
        setError(toAppError(err));
        setState('idle');
      });
  };

  const field = (key: Key) => ({
    id: `${id}-${key}`,
    locked: managed.isLocked(key),
    organization: managed.organization,
    invalid: drafts[key] !== undefined && !valid(key) ? t(`settings.${key}Invalid`) : undefined,
  });

  return (
    <form className="endpoint-form" onSubmit={onSubmit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('settings.userEndpointTitle')}</h3>
      <p className="field__hint">{t('settings.userEndpointHint')}</p>
      <Field {...field('endpointUrl')} label={t('settings.endpointUrl')} hint={t('settings.endpointUrlHint')}>
        {(desc) => (
          <input
            id={`${id}-endpointUrl`}
            type="url"
            className="input--wide"
            spellCheck={false}
            autoComplete="off"
            placeholder="https://llm.example.gov.cn/v1"
            value={value('endpointUrl')}
            disabled={!saved || managed.isLocked('endpointUrl')}
            aria-invalid={drafts.endpointUrl !== undefined && !valid('endpointUrl')}
            aria-describedby={desc}
            onChange={(e) => set('endpointUrl')(e.target.value)}
          />
        )}
      </Field>
      <Field {...field('model')} label={t('settings.model')} hint={t('settings.modelHint')}>
        {(desc) => (
          <input
            id={`${id}-model`}
            type="text"
            spellCheck={false}
            autoComplete="off"
            placeholder="qwen3-32b"
            value={value('model')}
            disabled={!saved || managed.isLocked('model')}
            aria-invalid={drafts.model !== undefined && !valid('model')}
            aria-describedby={desc}
            onChange={(e) => set('model')(e.target.value)}
          />
        )}
      </Field>
      <Field {...field('contextWindow')} label={t('settings.contextWindow')} hint={t('settings.contextWindowHint')}>
        {(desc) => (
          <input
            id={`${id}-contextWindow`}
            type="number"
            inputMode="numeric"
            min={512}
            max={10_000_000}
            step={1}
            value={value('contextWindow')}
            disabled={!saved || managed.isLocked('contextWindow')}
            aria-invalid={drafts.contextWindow !== undefined && !valid('contextWindow')}
            aria-describedby={desc}
            onChange={(e) => set('contextWindow')(e.target.value)}
          />
        )}
      </Field>
      <div className="form-actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={changed.length === 0 || !allValid || state === 'saving'}
        >
          {state === 'saving' ? t('settings.endpointSaving') : t('settings.endpointSave')}
        </button>
        <p className="field__hint" role="status">
          {state === 'saved' ? t('settings.endpointSaved') : ''}
        </p>
      </div>
      {(error ?? settings.error) && (
        <ErrorNotice title={t('settings.endpointSaveFailed')} error={(error ?? settings.error)!} />
      )}
    </form>
  );
}

/** The policy approves one endpoint with several models: the user picks one, unless the policy fixes it. */
export function ModelChoice({ endpoint }: { endpoint: EndpointSummary }) {
  const { t } = useTranslation();
  const id = useId();
  const managed = useManaged();
  const locked = managed.isLocked('model');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<AppError>();

  const onChange = (model: string) => {
    setSaving(true);
    setError(undefined);
    call('settings:update', { model })
      .catch((err: unknown) => setError(toAppError(err)))
      .finally(() => setSaving(false));
  };

  return (
    <div className="field">
      <label htmlFor={id}>{t('settings.modelChoice')}</label>
      <div className="field__row field__row--wide">
        <select
          id={id}
          value={endpoint.model}
          disabled={saving || locked}
          aria-describedby={describedBy(locked && `${id}-managed`, `${id}-hint`)}
          onChange={(e) => onChange(e.target.value)}
        >
          {endpoint.models.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
        {locked && <ManagedNote id={`${id}-managed`} organization={managed.organization} />}
      </div>
      <p id={`${id}-hint`} className="field__hint">
        {t('settings.modelChoiceHint')}
      </p>
      {error && <ErrorNotice title={t('settings.modelChoice')} error={error} />}
    </div>
  );
}
