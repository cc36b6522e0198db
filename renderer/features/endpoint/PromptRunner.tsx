import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestPreview } from '../../../shared/domain/endpoint';
import type { AppError } from '../../../shared/errors';
import type { ChatResult } from '../../../shared/llm/types';
import { call, toAppError } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useFormat } from '../../components/useFormat';
import { PromptField } from './PromptField';
import { RequestPreviewView } from './RequestPreviewView';
import { EndpointTarget, SendOrStop, StreamAnswer } from './StreamViews';
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
  const status = useEndpointStatus();
  const completion = useCompletion();
  const [prompt, setPrompt] = useState(initialPrompt);
  const [preview, setPreview] = useState<PreviewState>({ loading: false });
  const [sentOffline, setSentOffline] = useState(false);

  const streaming = completion.phase === 'streaming';
  const offline = status.data?.engine === 'offline';
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
    setSentOffline(offline);
    void completion.start({ prompt, documentIds });
  };

  const { result } = completion;
  const cut = completion.phase === 'done' && result?.finishReason === 'length';

  return (
    <div className="runner">
      <EndpointTarget
        status={status.data}
        offlineText={t(`engine.offlineReason.${status.data?.reason ?? 'not_configured'}`)}
      />

      <form className="runner__form" onSubmit={send}>
        <PromptField
          label={t('endpoint.promptLabel')}
          placeholder={t('endpoint.promptPlaceholder')}
          hint={t('endpoint.promptHint')}
          rows={5}
          value={prompt}
          onChange={setPrompt}
          onSubmit={() => send()}
        />
        <div className="runner__actions">
          <button type="button" className="button" onClick={runPreview} disabled={empty || preview.loading}>
            {preview.loading ? t('endpoint.previewing') : t('endpoint.preview')}
          </button>
          <SendOrStop stream={completion} label={t('endpoint.send')} disabled={empty} />
        </div>
      </form>

      {preview.error && <ErrorNotice title={t('endpoint.previewFailed')} error={preview.error} onRetry={runPreview} />}
      {preview.data && <RequestPreviewView preview={preview.data} stale={preview.prompt !== prompt} />}

      <StreamAnswer
        stream={completion}
        offline={sentOffline}
        title={t('endpoint.answerTitle')}
        phaseText={(phase) => t(`endpoint.phase.${phase}`)}
        textLabel={t('endpoint.answerText')}
        emptyText={t('endpoint.noAnswer')}
        failedTitle={t('endpoint.answerFailed')}
        note={t(sentOffline ? 'endpoint.offlineNote' : 'endpoint.aiNote')}
        footer={result && completion.phase === 'done' && <Usage result={result} />}
      >
        {cut && (
          <div className="notice notice--info answer__cut">
            <p>{t('endpoint.cutNotice')}</p>
            <button type="button" className="button" onClick={() => void completion.continueAnswer()}>
              {t('endpoint.continue')}
            </button>
          </div>
        )}
      </StreamAnswer>
    </div>
  );
}

/** Which model answered and the tokens it counted, when the endpoint reported them. */
function Usage({ result }: { result: ChatResult }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
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
  );
}
