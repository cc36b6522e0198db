import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { PromptRunner } from '../endpoint/PromptRunner';

/** Settings → 试用: one prompt through the same data boundary and endpoint the tools use. */
export function TrySection() {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="panel panel--narrow" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('settings.tryTitle')}</h2>
      <p className="field__hint panel__intro">{t('settings.tryHint')}</p>
      <PromptRunner />
    </section>
  );
}
