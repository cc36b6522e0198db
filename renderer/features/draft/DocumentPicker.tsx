import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../api/hooks';
import { ClassificationChip } from '../../components/ClassificationChip';
import { ErrorNotice } from '../../components/ErrorNotice';

/** The most documents one request may take along (the contract's limit). */
export const MAX_DOCUMENTS = 50;
const LISTED = 500;

interface Props {
  selected: string[];
  onChange: (ids: string[]) => void;
  disabled: boolean;
  /** How many may be chosen (the calling contract's limit). */
  max?: number;
  /** The legend and hint, when the documents are not attachments of a draft (a summary's). */
  legend?: string;
  hint?: string;
}

/** Documents from the Library whose text goes along with the request, found by title or 文号. */
export function DocumentPicker({ selected, onChange, disabled, max = MAX_DOCUMENTS, legend, hint }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [filter, setFilter] = useState('');
  const docs = useQuery('documents:list', { sort: 'imported_desc', limit: LISTED });
  const needle = filter.trim().toLowerCase();
  const shown = (docs.data ?? []).filter(
    (d) =>
      needle === '' ||
      selected.includes(d.id) ||
      [d.title, d.fileName, d.meta.docNumber ?? '', d.meta.issuer ?? ''].some((s) => s.toLowerCase().includes(needle)),
  );
  const full = selected.length >= max;

  return (
    <fieldset className="doc-picker" disabled={disabled}>
      <legend>{legend ?? t('draft.documents')}</legend>
      <p className="field__hint">{hint ?? t('draft.documentsHint', { max })}</p>
      {docs.error && <ErrorNotice title={t('draft.documentsFailed')} error={docs.error} onRetry={docs.reload} />}
      {docs.data?.length === 0 && <p className="muted">{t('draft.documentsEmpty')}</p>}
      {docs.data && docs.data.length > 0 && (
        <>
          <div className="doc-picker__filter">
            <label htmlFor={`${id}-filter`} className="visually-hidden">
              {t('draft.documentsFilter')}
            </label>
            <input
              id={`${id}-filter`}
              type="search"
              value={filter}
              placeholder={t('draft.documentsFilter')}
              autoComplete="off"
              onChange={(e) => setFilter(e.target.value)}
            />
            <span className="muted" role="status">
              {t('draft.documentsSelected', { n: selected.length })}
            </span>
          </div>
          <ul className="doc-picker__list">
            {shown.map((d) => {
              const checked = selected.includes(d.id);
              const boxId = `${id}-${d.id}`;
              return (
                <li key={d.id}>
                  <input
                    id={boxId}
                    type="checkbox"
                    checked={checked}
                    disabled={!checked && full}
                    onChange={(e) =>
                      onChange(e.target.checked ? [...selected, d.id] : selected.filter((s) => s !== d.id))
                    }
                  />
                  <label htmlFor={boxId}>
                    {d.title || d.fileName}
                    {d.meta.docNumber && <span className="muted"> {d.meta.docNumber}</span>}
                  </label>
                  {d.meta.classification && <ClassificationChip value={d.meta.classification} />}
                </li>
              );
            })}
          </ul>
          {shown.length === 0 && <p className="muted">{t('draft.documentsNoMatch')}</p>}
        </>
      )}
    </fieldset>
  );
}
