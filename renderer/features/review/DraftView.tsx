import { useCallback, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftDetail, DraftVersion, DraftWarning } from '../../../shared/domain/draft';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { useFormat } from '../../components/useFormat';
import { hrefFor } from '../../router/route';
import { DecisionLog } from './DecisionLog';
import { DiffView } from './DiffView';
import { DraftEditor } from './DraftEditor';
import { EgressActions } from './EgressActions';
import { ReviewPanel } from './ReviewPanel';
import { RevisePanel } from './RevisePanel';
import { DraftLint } from '../lint/DraftLint';
import { SummaryCheck } from '../summarize/SummaryCheck';
import { FormCheck } from '../forms/FormCheck';
import { useDraftForm } from '../forms/useDraftForm';
import { SourceList } from './SourceList';
import { StateBadge } from './StateBadge';
import { VersionHistory } from './VersionHistory';
import { useDraftSession } from './useDraftSession';
import { useReviewText } from './useReviewText';

/**
 * One draft under review: its text to edit, what changed, where it came from, and the review itself.
 * `embedded`: inside another screen (a summary just made), without the way back to the queue and
 * with its title one level down.
 */
export function DraftView({ id, embedded = false }: { id: string; embedded?: boolean }) {
  const { t } = useTranslation();
  const session = useDraftSession(id);

  let body;
  if (!session.draft && session.loadError) {
    body = <ErrorNotice title={t('review.draftLoadFailed')} error={session.loadError} onRetry={session.reload} />;
  } else if (!session.draft || !session.editor) {
    body = <Loading />;
  } else {
    body = <DraftBody session={session} draft={session.draft} embedded={embedded} />;
  }
  if (embedded) return body;
  return (
    <>
      <a className="back-link" href={hrefFor({ screen: 'review' })}>
        <span aria-hidden="true">← </span>
        {t('review.back')}
      </a>
      {body}
    </>
  );
}

const NO_FIELDS: Record<string, string> = {};

interface BodyProps {
  session: ReturnType<typeof useDraftSession>;
  draft: DraftDetail;
  embedded: boolean;
}

function DraftBody({ session, draft, embedded }: BodyProps) {
  const { t } = useTranslation();
  const text = useReviewText();
  const format = useFormat();
  const fieldsId = useId();
  const textRef = useRef<HTMLTextAreaElement>(null);
  const editor = session.editor!;
  const pending = session.dirty || session.save.phase === 'saving';
  const ai = draft.versions.filter((v) => v.origin === 'ai').at(-1);
  const fieldId = useCallback((name: string) => `${fieldsId}-field-${encodeURIComponent(name)}`, [fieldsId]);
  // Drafting by document type (issue 6): a typed draft gets the live format check and revision by
  // instruction; after a revision the diff shows it against the version it was made from.
  const typed = Boolean(draft.versions.find((v) => v.version === draft.version)?.content.fields.typeName);
  const { accept } = session;
  const [revising, setRevising] = useState(false);
  const [revisedFrom, setRevisedFrom] = useState<DraftVersion>();
  const onRevised = useCallback(
    (d: DraftDetail, from: DraftVersion | undefined) => {
      setRevisedFrom(from);
      accept(d);
    },
    [accept],
  );

  // A filled form: edited field by field in its check, exported as the form file it fills.
  const form = useDraftForm(draft.kind === 'form' ? draft.id : undefined);
  const labels = form.detail?.profile.fields;
  const fieldLabel = useCallback((name: string) => labels?.find((f) => f.name === name)?.label || name, [labels]);

  const approvedNow =
    draft.state === 'approved' &&
    draft.approvals.some((a) => a.version === draft.version && a.contentHash === session.shown?.contentHash);

  /** Selects a span of the text in the editor. */
  const select = (from: number, to: number) => {
    const area = textRef.current;
    if (!area) return;
    const end = Math.min(to, area.value.length);
    const start = Math.min(from, end);
    // Blur first: focusing again scrolls the selection into view in Chromium.
    area.blur();
    area.setSelectionRange(start, start);
    area.focus();
    area.setSelectionRange(start, end);
  };

  /** Selects the words a warning is about in the text (or focuses its field). */
  const locate = (w: DraftWarning) => {
    if (w.start !== null && w.end !== null && textRef.current) return select(w.start, w.end);
    if (w.field) document.getElementById(fieldId(w.field))?.focus();
  };
  const Title = embedded ? 'h2' : 'h1';

  return (
    <article className="draft-view">
      <header className="draft-header">
        <Title>{draft.title || t('review.untitled')}</Title>
        <StateBadge state={draft.state} />
      </header>
      <p className="draft-meta">
        {ai?.engine === 'offline' ? (
          <span className="tag tag--offline">{t('endpoint.offlineTag')}</span>
        ) : (
          <span className="tag tag--ai">{t('endpoint.aiTag')}</span>
        )}
        <span>
          {ai?.engine === 'offline'
            ? t('review.madeOffline')
            : ai
              ? t('review.madeBy', { model: ai.model ?? t('review.aiModelUnknown') })
              : t('review.madeNothingYet')}
        </span>
        <span>{text.toolName(draft.tool)}</span>
        <span>
          {t('review.requestedAt')} <time dateTime={draft.requestedAt}>{format.dateTime(draft.requestedAt)}</time>
        </span>
      </p>
      {draft.state !== 'approved' && <p className="aigc-note">{t('review.aigcNote')}</p>}
      {draft.state === 'generating' && (
        <p className="notice notice--info" role="status">
          {t('review.generatingNote')}
        </p>
      )}
      {session.loadError && (
        <ErrorNotice title={t('review.draftLoadFailed')} error={session.loadError} onRetry={session.reload} />
      )}

      <div className="review-layout">
        <div className="review-layout__main">
          {draft.kind === 'summary' && (
            <SummaryCheck
              draftId={draft.id}
              text={editor.text}
              saved={session.shown?.content.text ?? ''}
              generating={draft.state === 'generating'}
              onSelect={select}
            />
          )}
          <DraftEditor
            editor={editor}
            dirty={session.dirty}
            save={session.save}
            conflict={session.conflict}
            readOnly={draft.state === 'generating' || revising}
            approved={draft.state === 'approved'}
            textRef={textRef}
            fieldId={fieldId}
            onChange={session.change}
            onFlush={() => void session.flush()}
            onDismissConflict={session.dismissConflict}
            form={
              draft.kind === 'form'
                ? {
                    title: t('formCheck.title'),
                    body: (
                      <FormCheck
                        form={form}
                        values={editor.fields}
                        original={ai?.content.fields ?? NO_FIELDS}
                        readOnly={draft.state === 'generating'}
                        fieldId={fieldId}
                        onChange={session.change}
                        onFlush={() => void session.flush()}
                      />
                    ),
                  }
                : undefined
            }
          />
          {typed && (
            <>
              <DraftLint
                text={editor.text}
                fields={editor.fields}
                textRef={textRef}
                fieldId={fieldId}
                onChange={session.change}
                readOnly={draft.state === 'generating' || revising}
              />
              <RevisePanel
                draft={draft}
                text={editor.text}
                base={editor.base}
                dirty={session.dirty}
                textRef={textRef}
                flush={session.flush}
                disabled={draft.state === 'generating'}
                onBusy={setRevising}
                onRevised={onRevised}
              />
            </>
          )}
          <DiffView
            ai={revisedFrom ?? ai}
            current={{ text: editor.text, fields: editor.fields }}
            dirty={session.dirty}
            fieldLabel={draft.kind === 'form' ? fieldLabel : undefined}
          />
          <SourceList sources={draft.sources} />
          <VersionHistory draft={draft} />
        </div>
        <div className="review-layout__side">
          <ReviewPanel
            draft={draft}
            shown={session.shown}
            pending={pending}
            onLocate={locate}
            onDecided={session.accept}
            onStale={() => void session.reload()}
            fieldLabel={draft.kind === 'form' ? fieldLabel : undefined}
          />
          <EgressActions draft={draft} allowed={approvedNow && !pending} formKind={form.detail?.form.kind} />
          <DecisionLog draft={draft} />
        </div>
      </div>
    </article>
  );
}
