import { useId, useState } from 'react';
import type { FormEvent, KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestPreview } from '../../../shared/domain/endpoint';
import type { AppError } from '../../../shared/errors';
import { call, toAppError } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useFormat } from '../../components/useFormat';
import { RequestPreviewView } from './RequestPreviewView';
import { useCompletion } from './useCompletion';
import { useEndpointStatus } from './useEndpointStatus';

interface Props {
  /** Documents from the store whose text goes along with the prompt. */
  documentIds?: string[];
  /** The prompt to start with (a tool may prefill it). */
  initialPrompt?: string;
}

type PreviewState = { loading: boolean; prompt?: string; data?: RequestPreview; error?: AppError };

/**
 * One prompt to the approved endpoint: preview exactly what would be sent, send it, watch the
 * answer arrive, stop it, continue an answer cut at its length limit. Reasoning stays in its own
 * collapsible panel; the answer is labelled as AI-generated (or offline).
 */
export function PromptRunner({ documentIds = [], initialPrompt = '' }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const format = useFormat();
  const status = useEndpointStatus();
  const completion = useCompletion();
  const [prompt, setPrompt] = useState(initialPrompt);
  const [preview, setPreview] = useState<PreviewState>({ loading: false });
  const [stopping, setStopping] = useState(false);
  const [sentOffline, setSentOffline] = useState(false);

  const streaming = completion.phase === 'streaming';
  const offline = status.data?.engine === 'offline';
  const endpoint = status.data?.endpoint;
  const empty = prompt.trim() === '';

  const runPreview = () => {
    if (empty) return;
    const asked = prompt;
    setPreview((p) => ({ ...p, loading: true, error: undefined }));
    call('model:preview', { prompt: asked, documentIds }).then(
      (data) => setPreview({ loading: false, prompt: asked, data }),
      (err: unknown) => setPreview({ loading: false, error: toAppError(err) }),
    );
  };

  const send = (e?: FormEvent) => {
    e?.preventDefault();
    if (empty || streaming) return;
    setStopping(false);
    setSentOffline(offline);
    void completion.start({ prompt, documentIds });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) send(e);
  };

  const stop = () => {
    setStopping(true);
    completion.stop();
  };

  const continueAnswer = () => {
    setStopping(false);
    void completion.continueAnswer();
  };

  const { result } = completion;
  const cut = completion.phase === 'done' && result?.finishReason === 'length';

  return (
    <div className="runner">
      <p className="runner__target">
        {offline ? (
          <>
            <span className="tag tag--offline">{t('endpoint.offlineTag')}</span>
            <span>{t(`engine.offlineReason.${status.data?.reason ?? 'not_configured'}`)}</span>
          </>
        ) : endpoint ? (
          <>
            <span className="tag tag--online">{t('endpoint.onlineTag')}</span>
            <span>{t('endpoint.sendsTo', { name: endpoint.name, model: endpoint.model })}</span>
          </>
        ) : null}
      </p>

      <form className="runner__form" onSubmit={send}>
        <div className="field field--wide">
          <label htmlFor={id}>{t('endpoint.promptLabel')}</label>
          <textarea
            id={id}
            rows={5}
            value={prompt}
            placeholder={t('endpoint.promptPlaceholder')}
            aria-describedby={`${id}-hint`}
            onChange={(e) => setPrompt(e.target.value)}
            onKeyDown={onKeyDown}
          />
          <p id={`${id}-hint`} className="field__hint">
            {t('endpoint.promptHint')}
          </p>
        </div>
        <div className="runner__actions">
          <button type="button" className="button" onClick={runPreview} disabled={empty || preview.loading}>
            {preview.loading ? t('endpoint.previewing') : t('endpoint.preview')}
          </button>
          {streaming ? (
            <button type="button" className="button button--danger" onClick={stop} disabled={stopping}>
              {stopping ? t('endpoint.stopping') : t('endpoint.stop')}
            </button>
          ) : (
            <button type="submit" className="button button--primary" disabled={empty}>
              {t('endpoint.send')}
            </button>
          )}
        </div>
      </form>

      {preview.error && <ErrorNotice title={t('endpoint.previewFailed')} error={preview.error} onRetry={runPreview} />}
      {preview.data && <RequestPreviewView preview={preview.data} stale={preview.prompt !== prompt} />}

      {completion.phase !== 'idle' && (
        <section className="answer" aria-labelledby={`${id}-answer`}>
          <div className="answer__header">
            <h3 id={`${id}-answer`}>{t('endpoint.answerTitle')}</h3>
            <span className={`tag ${sentOffline ? 'tag--offline' : 'tag--ai'}`}>
              {sentOffline ? t('endpoint.offlineTag') : t('endpoint.aiTag')}
            </span>
            <p className="answer__phase" role="status">
              {t(`endpoint.phase.${completion.phase}`)}
            </p>
          </div>
          <article
            className={`answer__text${streaming ? ' answer__text--streaming' : ''}`}
            aria-label={t('endpoint.answerText')}
            aria-busy={streaming}
          >
            {completion.answer ||
              (streaming ? (
                <span className="muted">{t('endpoint.waiting')}</span>
              ) : (
                <span className="muted">{t('endpoint.noAnswer')}</span>
              ))}
          </article>

          {completion.phase === 'failed' && completion.error && (
            <ErrorNotice title={t('endpoint.answerFailed')} error={completion.error} />
          )}
          {cut && (
            <div className="notice notice--info answer__cut">
              <p>{t('endpoint.cutNotice')}</p>
              <button type="button" className="button" onClick={continueAnswer}>
                {t('endpoint.continue')}
              </button>
            </div>
          )}

          {completion.reasoning && (
            <details className="reasoning">
              <summary>{t('endpoint.reasoningTitle', { count: [...completion.reasoning].length })}</summary>
              <div className="reasoning__text" aria-label={t('endpoint.reasoningText')} role="document">
                {completion.reasoning}
              </div>
              <p className="field__hint">{t('endpoint.reasoningHint')}</p>
            </details>
          )}

          {result && completion.phase === 'done' && (
            <p className="answer__usage">
              {result.usage
                ? t('endpoint.usage', {
                    model: result.model,
                    prompt: format.number(result.usage.promptTokens),
                    completion: format.number(result.usage.completionTokens),
                  })
                : t('endpoint.usageUnknown', { model: result.model })}
              {result.usage?.reasoningTokens !== undefined &&
                t('endpoint.usageReasoning', { reasoning: format.number(result.usage.reasoningTokens) })}
            </p>
          )}
          <p className="answer__note">{t(sentOffline ? 'endpoint.offlineNote' : 'endpoint.aiNote')}</p>
        </section>
      )}
    </div>
  );
}
