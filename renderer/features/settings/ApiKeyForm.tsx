import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EndpointStatus } from '../../../shared/domain/endpoint';
import type { AppError } from '../../../shared/errors';
import { call, toAppError } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';

type SaveState = 'idle' | 'saving' | 'saved' | 'removed';

/**
 * The endpoint's API key: typed once, handed to main, never shown again (main keeps it with the
 * operating system's encryption and never returns it). Shows whether one is stored, and where.
 */
export function ApiKeyForm({ apiKey, onChange }: { apiKey: EndpointStatus['apiKey']; onChange: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [value, setValue] = useState('');
  const [state, setState] = useState<SaveState>('idle');
  const [error, setError] = useState<AppError>();
  const unavailable = apiKey.storage === 'unavailable';
  const fromEnv = apiKey.storage === 'env';

  const save = (key: string, done: SaveState) => {
    setState('saving');
    setError(undefined);
    call('endpoint:setApiKey', { apiKey: key })
      .then(() => {
        setValue('');
        setState(done);
        onChange();
      })
      .catch((err: unknown) => {
        setError(toAppError(err));
        setState('idle');
      });
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (value.trim() === '' || unavailable) return;
    save(value.trim(), 'saved');
  };

  return (
    <form className="api-key" onSubmit={onSubmit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('settings.apiKeyTitle')}</h3>
      <p className="api-key__state">
        <span className={`tag ${apiKey.present ? 'tag--imported' : 'tag--duplicate'}`}>
          {apiKey.present ? t('settings.apiKeyPresent') : t('settings.apiKeyAbsent')}
        </span>
        <span>{t(`settings.apiKeyStorage.${apiKey.storage}`)}</span>
      </p>
      <div className="field">
        <label htmlFor={id}>{t('settings.apiKeyNew')}</label>
        <div className="field__row field__row--wide">
          <input
            id={id}
            type="password"
            className="input--wide"
            autoComplete="off"
            spellCheck={false}
            value={value}
            placeholder={apiKey.present ? t('settings.apiKeyReplacePlaceholder') : t('settings.apiKeyPlaceholder')}
            disabled={unavailable || state === 'saving'}
            aria-describedby={`${id}-hint`}
            onChange={(e) => {
              setValue(e.target.value);
              setState('idle');
            }}
          />
          <button
            type="submit"
            className="button button--primary"
            disabled={unavailable || value.trim() === '' || state === 'saving'}
          >
            {t('settings.apiKeySave')}
          </button>
          {apiKey.present && !fromEnv && (
            <button type="button" className="button" disabled={state === 'saving'} onClick={() => save('', 'removed')}>
              {t('settings.apiKeyRemove')}
            </button>
          )}
        </div>
        <p id={`${id}-hint`} className="field__hint" role="status">
          {state === 'saved'
            ? t('settings.apiKeySaved')
            : state === 'removed'
              ? t('settings.apiKeyRemoved')
              : fromEnv
                ? t('settings.apiKeyEnvHint')
                : t('settings.apiKeyHint')}
        </p>
      </div>
      {error && <ErrorNotice title={t('settings.apiKeyFailed')} error={error} />}
    </form>
  );
}
