import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useEvent, useQuery } from '../../api/hooks';
import { ErrorNotice } from '../../components/ErrorNotice';
import { hrefFor } from '../../router/route';
import { DocumentPicker } from '../draft/DocumentPicker';
import { EndpointTarget, SendOrStop } from '../endpoint/StreamViews';
import { useEndpointStatus } from '../endpoint/useEndpointStatus';
import { FillProgress } from './FillProgress';
import { FormResult } from './FormResult';
import { useFormFill } from './useFormFill';

/** The most documents one fill takes (the contract's limit). */
export const MAX_FORM_DOCUMENTS = 20;

interface Props {
  formId: string;
  /** Some field is left to AI (not every one skipped). */
  fillable: boolean;
  /** Saves the field settings first (main fills by the saved profile); false: do not fill. */
  beforeFill: () => Promise<boolean>;
  onFilled: () => void;
}

/**
 * 填写: source documents from the Library, where the request goes, then the fill; its result
 * opens right below as a draft under review. Without documents, the way to the Library.
 */
export function FillSection(props: Props) {
  const { t } = useTranslation();
  const id = useId();
  // One document is enough to know whether there is anything to fill from.
  const docs = useQuery('documents:list', { sort: 'imported_desc', limit: 1 });
  useEvent('documents:changed', docs.reload);

  let body;
  if (docs.error && !docs.data) {
    body = <ErrorNotice title={t('draft.documentsFailed')} error={docs.error} onRetry={docs.reload} />;
  } else if (docs.data?.length === 0) {
    body = (
      <div className="empty-state empty-state--compact">
        <p className="form-fill__empty-title">{t('forms.fill.noDocumentsTitle')}</p>
        <p>{t('forms.fill.noDocumentsBody')}</p>
        <a className="button button--primary" href={hrefFor({ screen: 'library' })}>
          {t('forms.fill.toLibrary')}
        </a>
      </div>
    );
  } else if (docs.data) {
    return <Fill {...props} titleId={`${id}-title`} />;
  }
  return (
    <section className="panel form-fill" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('forms.fill.title')}</h2>
      {body}
    </section>
  );
}

function Fill({ formId, fillable, beforeFill, onFilled, titleId }: Props & { titleId: string }) {
  const { t } = useTranslation();
  const status = useEndpointStatus();
  const fill = useFormFill();
  const [documentIds, setDocumentIds] = useState<string[]>([]);
  const streaming = fill.phase === 'streaming';
  const offline = status.data?.engine === 'offline';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (streaming || documentIds.length === 0 || !fillable) return;
    if (!(await beforeFill())) return;
    if (await fill.start({ id: formId, documentIds })) onFilled();
  };

  return (
    <>
      <section className="panel form-fill" aria-labelledby={titleId}>
        <h2 id={titleId}>{t('forms.fill.title')}</h2>
        <p className="panel__intro field__hint">{t('forms.fill.intro')}</p>
        <form className="draft-new__form" onSubmit={(e) => void submit(e)}>
          <DocumentPicker
            selected={documentIds}
            onChange={setDocumentIds}
            disabled={streaming}
            max={MAX_FORM_DOCUMENTS}
            legend={t('forms.fill.documents')}
            hint={t('forms.fill.documentsHint', { max: MAX_FORM_DOCUMENTS })}
          />
          <EndpointTarget status={status.data} offlineText={t('forms.fill.offline')} />
          <div className="form-actions">
            <SendOrStop stream={fill} label={t('forms.fill.submit')} disabled={documentIds.length === 0 || !fillable} />
            {!streaming && !fillable && <span className="field__hint">{t('forms.fill.nothingToFill')}</span>}
            {!streaming && fillable && documentIds.length === 0 && (
              <span className="field__hint">{t('forms.fill.chooseDocuments')}</span>
            )}
          </div>
        </form>
        <FillProgress fill={fill} offline={offline} />
      </section>
      {fill.phase === 'done' && fill.result && <FormResult key={fill.result.draft.id} result={fill.result} />}
    </>
  );
}
