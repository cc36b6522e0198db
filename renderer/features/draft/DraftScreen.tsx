import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ScreenHeader } from '../../components/ScreenHeader';
import { hrefFor } from '../../router/route';
import { PromptField } from '../endpoint/PromptField';
import { EndpointTarget, SendOrStop, StreamAnswer } from '../endpoint/StreamViews';
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
  const streaming = generation.phase === 'streaming';
  const offline = status.data?.engine === 'offline';
  const empty = prompt.trim() === '';

  const generate = async (e?: FormEvent) => {
    e?.preventDefault();
    if (empty || streaming) return;
    const draft = await generation.start({ title: title.trim() || undefined, prompt, documentIds });
    if (draft) window.location.hash = hrefFor({ screen: 'review', draftId: draft.id });
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
        <EndpointTarget status={status.data} offlineText={t('draft.offline')} />

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
          <PromptField
            label={t('draft.promptLabel')}
            placeholder={t('draft.promptPlaceholder')}
            hint={t('draft.promptHint')}
            rows={6}
            value={prompt}
            onChange={setPrompt}
            onSubmit={() => void generate()}
            disabled={streaming}
          />
          <DocumentPicker selected={documentIds} onChange={setDocumentIds} disabled={streaming} />
          <div className="form-actions">
            <SendOrStop stream={generation} label={t('draft.generate')} disabled={empty} />
          </div>
        </form>
      </section>

      <StreamAnswer
        stream={generation}
        offline={offline}
        className="draft-stream"
        title={t('draft.streamTitle')}
        phaseText={(phase) => t(`draft.phase.${phase}`)}
        textLabel={t('draft.streamText')}
        emptyText={t('draft.nothing')}
        failedTitle={t('draft.failed')}
        note={t('draft.reviewNote')}
      />
    </>
  );
}
