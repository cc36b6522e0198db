import { useId, useState } from 'react';
import type { FormEvent, KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ScreenHeader } from '../../components/ScreenHeader';
import { hrefFor } from '../../router/route';
import { useEndpointStatus } from '../endpoint/useEndpointStatus';
import { DocumentPicker } from './DocumentPicker';
import { useGenerate } from './useGenerate';

const TITLE_MAX = 200;

/**
 * 起草, for now: a new draft from a request (and documents from the Library). The text streams
 * in as the model writes it; the finished draft opens in Review, where a person edits and approves
 * it. (Drafting by document type, with its fields and format checks, comes with issue 6.)
 */
export function DraftScreen() {
  const { t } = useTranslation();
  const id = useId();
  const status = useEndpointStatus();
  const generation = useGenerate();
  const [title, setTitle] = useState('');
  const [prompt, setPrompt] = useState('');
  const [documentIds, setDocumentIds] = useState<string[]>([]);
  const [stopping, setStopping] = useState(false);
  const streaming = generation.phase === 'streaming';
  const offline = status.data?.engine === 'offline';
  const endpoint = status.data?.endpoint;
  const empty = prompt.trim() === '';

  const generate = async (e?: FormEvent) => {
    e?.preventDefault();
    if (empty || streaming) return;
    setStopping(false);
    const draft = await generation.start({ title: title.trim() || undefined, prompt, documentIds });
    if (draft) window.location.hash = hrefFor({ screen: 'review', draftId: draft.id });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void generate(e);
  };

  return (
    <>
      <ScreenHeader title={t('nav.draft')}>
        <a className="button" href={hrefFor({ screen: 'review' })}>
          {t('draft.toQueue')}
        </a>
      </ScreenHeader>
      <section className="panel draft-new" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{t('draft.newTitle')}</h2>
        <p className="panel__intro field__hint">{t('draft.intro')}</p>
        <p className="runner__target">
          {offline ? (
            <>
              <span className="tag tag--offline">{t('endpoint.offlineTag')}</span>
              <span>{t('draft.offline')}</span>
            </>
          ) : endpoint ? (
            <>
              <span className="tag tag--online">{t('endpoint.onlineTag')}</span>
              <span>{t('endpoint.sendsTo', { name: endpoint.name, model: endpoint.model })}</span>
            </>
          ) : null}
        </p>

        <form className="draft-new__form" onSubmit={generate}>
          <div className="field field--wide">
            <label htmlFor={`${id}-name`}>{t('draft.titleLabel')}</label>
            <input
              id={`${id}-name`}
              type="text"
              value={title}
              maxLength={TITLE_MAX}
              disabled={streaming}
              placeholder={t('draft.titlePlaceholder')}
              onChange={(e) => setTitle(e.target.value)}
            />
          </div>
          <div className="field field--wide">
            <label htmlFor={`${id}-prompt`}>{t('draft.promptLabel')}</label>
            <textarea
              id={`${id}-prompt`}
              rows={6}
              value={prompt}
              disabled={streaming}
              placeholder={t('draft.promptPlaceholder')}
              aria-describedby={`${id}-hint`}
              onChange={(e) => setPrompt(e.target.value)}
              onKeyDown={onKeyDown}
            />
            <p id={`${id}-hint`} className="field__hint">
              {t('draft.promptHint')}
            </p>
          </div>
          <DocumentPicker selected={documentIds} onChange={setDocumentIds} disabled={streaming} />
          <div className="form-actions">
            {streaming ? (
              <button
                type="button"
                className="button button--danger"
                disabled={stopping}
                onClick={() => {
                  setStopping(true);
                  generation.stop();
                }}
              >
                {stopping ? t('endpoint.stopping') : t('endpoint.stop')}
              </button>
            ) : (
              <button type="submit" className="button button--primary" disabled={empty}>
                {t('draft.generate')}
              </button>
            )}
          </div>
        </form>
      </section>

      {generation.phase !== 'idle' && (
        <section className="answer draft-stream" aria-labelledby={`${id}-answer`}>
          <div className="answer__header">
            <h3 id={`${id}-answer`}>{t('draft.streamTitle')}</h3>
            <span className={`tag ${offline ? 'tag--offline' : 'tag--ai'}`}>
              {offline ? t('endpoint.offlineTag') : t('endpoint.aiTag')}
            </span>
            <p className="answer__phase" role="status">
              {t(`draft.phase.${generation.phase}`)}
            </p>
          </div>
          <article
            className={`answer__text${streaming ? ' answer__text--streaming' : ''}`}
            aria-label={t('draft.streamText')}
            aria-busy={streaming}
          >
            {generation.answer || (
              <span className="muted">{streaming ? t('endpoint.waiting') : t('draft.nothing')}</span>
            )}
          </article>
          {generation.phase === 'failed' && generation.error && (
            <ErrorNotice title={t('draft.failed')} error={generation.error} />
          )}
          {generation.reasoning && (
            <details className="reasoning">
              <summary>{t('endpoint.reasoningTitle', { count: [...generation.reasoning].length })}</summary>
              <div className="reasoning__text" aria-label={t('endpoint.reasoningText')} role="document">
                {generation.reasoning}
              </div>
              <p className="field__hint">{t('endpoint.reasoningHint')}</p>
            </details>
          )}
          <p className="answer__note">{t('draft.reviewNote')}</p>
        </section>
      )}
    </>
  );
}
