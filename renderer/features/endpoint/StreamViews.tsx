import { useId } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EndpointStatus } from '../../../shared/domain/endpoint';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { StreamPhase, StreamState } from './useModelStream';

type Stream = Pick<StreamState<unknown>, 'phase' | 'answer' | 'reasoning' | 'error' | 'stopping'> & {
  stop: () => void;
};

/** Where a request goes: the offline engine (why, in `offlineText`) or the approved endpoint. */
export function EndpointTarget({ status, offlineText }: { status?: EndpointStatus; offlineText: string }) {
  const { t } = useTranslation();
  const endpoint = status?.endpoint;
  return (
    <p className="runner__target">
      {status?.engine === 'offline' ? (
        <>
          <span className="tag tag--offline">{t('endpoint.offlineTag')}</span>
          <span>{offlineText}</span>
        </>
      ) : endpoint ? (
        <>
          <span className="tag tag--online">{t('endpoint.onlineTag')}</span>
          <span>{t('endpoint.sendsTo', { name: endpoint.name, model: endpoint.model })}</span>
        </>
      ) : null}
    </p>
  );
}

/** The form's submit button, or while the request streams, the button that stops it. */
export function SendOrStop({ stream, label, disabled }: { stream: Stream; label: string; disabled: boolean }) {
  const { t } = useTranslation();
  return stream.phase === 'streaming' ? (
    <button type="button" className="button button--danger" disabled={stream.stopping} onClick={() => stream.stop()}>
      {stream.stopping ? t('endpoint.stopping') : t('endpoint.stop')}
    </button>
  ) : (
    <button type="submit" className="button button--primary" disabled={disabled}>
      {label}
    </button>
  );
}

interface AnswerProps {
  stream: Stream;
  /** Sent to the offline engine: labelled offline rather than AI-generated. */
  offline: boolean;
  className?: string;
  title: string;
  /** The status line for each phase of a request that started. */
  phaseText: (phase: Exclude<StreamPhase, 'idle'>) => string;
  textLabel: string;
  /** In place of the text when nothing arrived. */
  emptyText: string;
  failedTitle: string;
  note: string;
  /** Between the header and the text (the stages of a long request, say). */
  lead?: ReactNode;
  /** Between the text and the reasoning (a notice that the answer was cut, say). */
  children?: ReactNode;
  /** After the reasoning (token usage, say). */
  footer?: ReactNode;
}

/**
 * The streamed text, once a request started: its phase, the text as it arrives (labelled as
 * AI-generated or offline), a failure, and the reasoning in its own collapsible panel.
 */
export function StreamAnswer(props: AnswerProps) {
  const {
    stream,
    offline,
    className,
    title,
    phaseText,
    textLabel,
    emptyText,
    failedTitle,
    note,
    lead,
    children,
    footer,
  } = props;
  const { t } = useTranslation();
  const id = useId();
  if (stream.phase === 'idle') return null;
  const streaming = stream.phase === 'streaming';
  return (
    <section className={className ? `answer ${className}` : 'answer'} aria-labelledby={id}>
      <div className="answer__header">
        <h3 id={id}>{title}</h3>
        <span className={`tag ${offline ? 'tag--offline' : 'tag--ai'}`}>
          {offline ? t('endpoint.offlineTag') : t('endpoint.aiTag')}
        </span>
        <p className="answer__phase" role="status">
          {phaseText(stream.phase)}
        </p>
      </div>
      {lead}
      <article
        className={`answer__text${streaming ? ' answer__text--streaming' : ''}`}
        aria-label={textLabel}
        aria-busy={streaming}
      >
        {stream.answer || <span className="muted">{streaming ? t('endpoint.waiting') : emptyText}</span>}
      </article>
      {stream.phase === 'failed' && stream.error && <ErrorNotice title={failedTitle} error={stream.error} />}
      {children}
      {stream.reasoning && (
        <details className="reasoning">
          <summary>{t('endpoint.reasoningTitle', { count: [...stream.reasoning].length })}</summary>
          <div className="reasoning__text" aria-label={t('endpoint.reasoningText')} role="document">
            {stream.reasoning}
          </div>
          <p className="field__hint">{t('endpoint.reasoningHint')}</p>
        </details>
      )}
      {footer}
      <p className="answer__note">{note}</p>
    </section>
  );
}
