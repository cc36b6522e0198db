import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestPreview } from '../../../shared/domain/endpoint';
import { useErrorText } from '../../components/useErrorText';
import { useFormat } from '../../components/useFormat';
import { maskValue, splitPlaceholders } from './mask';

/** Text with each placeholder that replaced a personal identifier marked where it stands. */
export function MarkedText({ text, placeholders }: { text: string; placeholders: readonly string[] }) {
  const { t } = useTranslation();
  return splitPlaceholders(text, placeholders).map((part, i) =>
    part.placeholder ? (
      <mark key={i} className="placeholder" title={t('endpoint.placeholderTitle')}>
        {part.text}
      </mark>
    ) : (
      part.text
    ),
  );
}

/**
 * Exactly what a request would send, after the data boundary: the refusal if it would be refused,
 * the token budget, the identifiers replaced by placeholders and every message verbatim.
 */
export function RequestPreviewView({ preview, stale }: { preview: RequestPreview; stale: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const errorText = useErrorText();
  const format = useFormat();
  const { estimate, entities, messages, refusal, endpoint } = preview;
  const placeholders = entities.map((e) => e.placeholder);
  const available = Math.max(estimate.contextWindow - estimate.maxTokens, 0);

  return (
    <section
      className={`preview${stale ? ' preview--stale' : ''}`}
      aria-labelledby={`${id}-title`}
      aria-describedby={stale ? `${id}-stale` : undefined}
    >
      <h3 id={`${id}-title`}>{t('endpoint.previewTitle')}</h3>
      {stale && (
        <p id={`${id}-stale`} className="preview__stale">
          {t('endpoint.previewStale')}
        </p>
      )}

      {refusal ? (
        <div className="notice notice--error" role="alert">
          <p className="notice__title">{t('endpoint.refusalTitle')}</p>
          <p>{errorText(refusal)}</p>
        </div>
      ) : (
        <p className="preview__target">
          {endpoint
            ? t('endpoint.previewTarget', { name: endpoint.name, model: endpoint.model })
            : t('endpoint.previewNoEndpoint')}
        </p>
      )}

      <div className="budget">
        <div className="budget__head">
          <p className="budget__label" id={`${id}-budget`}>
            {t('endpoint.budgetLabel')}
          </p>
          <meter
            className="budget__meter"
            min={0}
            max={Math.max(available, 1)}
            low={available * 0.7}
            high={available * 0.9}
            optimum={0}
            value={Math.min(estimate.promptTokens, Math.max(available, 1))}
            aria-labelledby={`${id}-budget`}
          />
        </div>
        <p className="budget__text">
          {t('endpoint.budgetText', {
            prompt: format.number(estimate.promptTokens),
            max: format.number(estimate.maxTokens),
            window: format.number(estimate.contextWindow),
          })}
        </p>
        <p className={estimate.fits ? 'budget__fits' : 'budget__over'}>
          {estimate.fits ? t('endpoint.budgetFits') : t('endpoint.budgetOver')}
        </p>
      </div>

      <h4>{t('endpoint.entitiesTitle', { count: entities.length })}</h4>
      {entities.length === 0 ? (
        <p className="muted">{t('endpoint.entitiesNone')}</p>
      ) : (
        <table className="entity-table">
          <caption className="visually-hidden">{t('endpoint.entitiesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('endpoint.entityType')}</th>
              <th scope="col">{t('endpoint.entityPlaceholder')}</th>
              <th scope="col">{t('endpoint.entityValue')}</th>
            </tr>
          </thead>
          <tbody>
            {entities.map((e) => (
              <tr key={`${e.placeholder}-${e.start}`}>
                <td>{t(`endpoint.piiType.${e.type}`)}</td>
                <td>
                  <mark className="placeholder">{e.placeholder}</mark>
                </td>
                <td className="entity-table__value">{maskValue(e.type, e.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h4>{t('endpoint.messagesTitle', { count: messages.length })}</h4>
      <ol className="messages">
        {messages.map((m, i) => (
          <li key={i} className={`message message--${m.role}`}>
            <span className="message__role">{t(`endpoint.role.${m.role}`)}</span>
            <div className="message__content">
              <MarkedText text={m.content} placeholders={placeholders} />
            </div>
          </li>
        ))}
      </ol>
      {entities.length > 0 && <p className="field__hint preview__hint">{t('endpoint.placeholderHint')}</p>}
    </section>
  );
}
