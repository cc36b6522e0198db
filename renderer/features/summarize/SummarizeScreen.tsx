import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SummaryLanguage, SummaryPreset } from '../../../shared/domain/summary';
import { useEvent, useQuery } from '../../api/hooks';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { ScreenHeader } from '../../components/ScreenHeader';
import { hrefFor } from '../../router/route';
import { DocumentPicker } from '../draft/DocumentPicker';
import { EndpointTarget, SendOrStop, StreamAnswer } from '../endpoint/StreamViews';
import { useEndpointStatus } from '../endpoint/useEndpointStatus';
import { ChoiceGroup } from './ChoiceGroup';
import { StageProgress } from './StageProgress';
import { SummaryResult } from './SummaryResult';
import { useSummarize } from './useSummarize';

/** The most documents one summary takes (the contract's limit). */
export const MAX_SUMMARY_DOCUMENTS = 20;

/**
 * 摘要: documents from the Library, a length and a language; the summary streams in (with the
 * stages of long input), then opens right here as a draft under review with its sentence-by-sentence
 * check, so reading, fixing and approving happen in one place.
 */
export function SummarizeScreen() {
  const { t } = useTranslation();
  // One document is enough to know whether there is anything to summarize.
  const docs = useQuery('documents:list', { sort: 'imported_desc', limit: 1 });
  useEvent('documents:changed', docs.reload);

  let body;
  if (docs.error && !docs.data) {
    body = <ErrorNotice title={t('draft.documentsFailed')} error={docs.error} onRetry={docs.reload} />;
  } else if (!docs.data) {
    body = <Loading />;
  } else if (docs.data.length === 0) {
    body = (
      <EmptyState title={t('summarize.emptyTitle')} body={t('summarize.emptyBody')}>
        <a className="button button--primary" href={hrefFor({ screen: 'library' })}>
          {t('summarize.toLibrary')}
        </a>
      </EmptyState>
    );
  } else {
    body = <Summarize />;
  }
  return (
    <>
      <ScreenHeader title={t('nav.summarize')}>
        <a className="button" href={hrefFor({ screen: 'review' })}>
          {t('draft.toQueue')}
        </a>
      </ScreenHeader>
      {body}
    </>
  );
}

function Summarize() {
  const { t } = useTranslation();
  const id = useId();
  const status = useEndpointStatus();
  const summary = useSummarize();
  const [documentIds, setDocumentIds] = useState<string[]>([]);
  const [preset, setPreset] = useState<SummaryPreset>('key_points');
  const [language, setLanguage] = useState<SummaryLanguage>('zh');
  const streaming = summary.phase === 'streaming';
  const offline = status.data?.engine === 'offline';

  const generate = (e: FormEvent) => {
    e.preventDefault();
    if (streaming || documentIds.length === 0) return;
    void summary.start({ documentIds, preset, language });
  };

  return (
    <>
      <section className="panel summarize-new" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{t('summarize.newTitle')}</h2>
        <p className="panel__intro field__hint">{t('summarize.intro')}</p>
        <form className="draft-new__form" onSubmit={generate}>
          <DocumentPicker
            selected={documentIds}
            onChange={setDocumentIds}
            disabled={streaming}
            max={MAX_SUMMARY_DOCUMENTS}
            legend={t('summarize.documents')}
            hint={t('summarize.documentsHint', { max: MAX_SUMMARY_DOCUMENTS })}
          />
          <div className="summarize-options">
            <ChoiceGroup
              legend={t('summarize.preset')}
              options={SummaryPreset.options}
              value={preset}
              onChange={setPreset}
              label={(p) => t(`summarize.presets.${p}`)}
              hint={(p) => t(`summarize.presetHints.${p}`)}
              disabled={streaming}
            />
            <ChoiceGroup
              legend={t('summarize.language')}
              options={SummaryLanguage.options}
              value={language}
              onChange={setLanguage}
              label={(l) => t(`summarize.languages.${l}`)}
              disabled={streaming}
            />
          </div>
          <EndpointTarget status={status.data} offlineText={t('summarize.offline')} />
          <div className="form-actions">
            <SendOrStop stream={summary} label={t('summarize.generate')} disabled={documentIds.length === 0} />
            {documentIds.length === 0 && !streaming && (
              <span className="field__hint">{t('summarize.chooseDocuments')}</span>
            )}
          </div>
        </form>
      </section>

      {summary.phase === 'done' && summary.result ? (
        <SummaryResult key={summary.result.draft.id} result={summary.result} />
      ) : (
        <StreamAnswer
          stream={summary}
          offline={offline}
          className="summarize-stream"
          title={t('summarize.streamTitle')}
          phaseText={(phase) => t(`summarize.phase.${phase}`)}
          textLabel={t('summarize.streamText')}
          emptyText={t('summarize.nothing')}
          failedTitle={t('summarize.failed')}
          note={t('summarize.streamNote')}
          lead={streaming && summary.progress ? <StageProgress progress={summary.progress} /> : null}
        />
      )}
    </>
  );
}
