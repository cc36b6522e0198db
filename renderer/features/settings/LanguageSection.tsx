import { useId, useState } from 'react';
import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES } from '../../../shared/domain/settings';
import type { Locale } from '../../../shared/domain/settings';
import { toAppError } from '../../api/client';
import type { AppError } from '../../../shared/errors';
import { ErrorNotice } from '../../components/ErrorNotice';
import { changeLocale, isLocale } from '../../i18n';
import { ManagedNote, describedBy, useManaged } from './Managed';

/** Each language is named in itself, so a user who picked the wrong one can still find theirs. */
const NATIVE_NAMES: Record<Locale, string> = { 'zh-CN': '简体中文', 'en-US': 'English' };

export function LanguageSection() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<AppError>();
  const managed = useManaged();
  const locked = managed.isLocked('locale');

  const onChange = (e: ChangeEvent<HTMLSelectElement>) => {
    const locale = e.target.value;
    if (!isLocale(locale)) return;
    setSaving(true);
    setError(undefined);
    changeLocale(i18n, locale)
      .catch((err: unknown) => setError(toAppError(err)))
      .finally(() => setSaving(false));
  };

  return (
    <section className="panel panel--narrow" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('settings.interfaceTitle')}</h2>
      <div className="field">
        <label htmlFor={id}>{t('settings.language')}</label>
        <div className="field__row">
          <select
            id={id}
            value={i18n.resolvedLanguage}
            onChange={onChange}
            disabled={saving || locked}
            aria-describedby={describedBy(locked && `${id}-managed`, `${id}-hint`)}
          >
            {LOCALES.map((locale) => (
              <option key={locale} value={locale} lang={locale}>
                {NATIVE_NAMES[locale]}
              </option>
            ))}
          </select>
          {locked && <ManagedNote id={`${id}-managed`} organization={managed.organization} />}
        </div>
        <p id={`${id}-hint`} className="field__hint">
          {t('settings.languageHint')}
        </p>
      </div>
      {error && <ErrorNotice title={t('settings.language')} error={error} />}
    </section>
  );
}
