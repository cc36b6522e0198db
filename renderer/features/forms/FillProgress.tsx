import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useFormat } from '../../components/useFormat';
import type { useFormFill } from './useFormFill';

interface Props {
  fill: ReturnType<typeof useFormFill>;
  offline: boolean;
}

/**
 * A fill under way (or stopped, or failed): its phase, and the model's raw answer folded away —
 * the values that count are the checked ones that come with the result.
 */
export function FillProgress({ fill, offline }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  if (fill.phase === 'idle' || fill.phase === 'done') return null;
  const streaming = fill.phase === 'streaming';
  const chars = [...fill.answer].length;

  return (
    <section className="fill-progress" aria-labelledby={`${id}-title`} aria-busy={streaming}>
      <div className="answer__header">
        <h3 id={`${id}-title`}>{t('forms.fill.progressTitle')}</h3>
        <span className={`tag ${offline ? 'tag--offline' : 'tag--ai'}`}>
          {offline ? t('endpoint.offlineTag') : t('endpoint.aiTag')}
        </span>
        <p className="answer__phase" role="status">
          {t(`forms.fill.phase.${fill.phase}`)}
          {streaming && chars > 0 && ` ${t('forms.fill.received', { n: format.number(chars) })}`}
        </p>
      </div>
      {streaming && <progress className="fill-progress__bar" aria-label={t('forms.fill.progressTitle')} />}
      {fill.phase === 'failed' && fill.error && <ErrorNotice title={t('forms.fill.failed')} error={fill.error} />}
      {chars > 0 && (
        <details className="reasoning">
          <summary>{t('forms.fill.rawTitle', { n: format.number(chars) })}</summary>
          <div className="reasoning__text" role="document" aria-label={t('forms.fill.rawLabel')}>
            {fill.answer}
          </div>
          <p className="field__hint">{t('forms.fill.rawNote')}</p>
        </details>
      )}
    </section>
  );
}
