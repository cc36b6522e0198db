import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DocumentSort } from '../../../shared/domain/document';

interface Props {
  value: DocumentSort;
  onChange: (sort: DocumentSort) => void;
  /** While search results (ranked by relevance) replace the list. */
  disabled?: boolean;
}

export function SortSelect({ value, onChange, disabled }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const labels: Record<DocumentSort, string> = {
    imported_desc: t('library.sortNewest'),
    imported_asc: t('library.sortOldest'),
    title_asc: t('library.sortTitle'),
  };
  return (
    <div className="inline-field">
      <label htmlFor={id}>{t('library.sortLabel')}</label>
      <select id={id} value={value} disabled={disabled} onChange={(e) => onChange(DocumentSort.parse(e.target.value))}>
        {DocumentSort.options.map((sort) => (
          <option key={sort} value={sort}>
            {labels[sort]}
          </option>
        ))}
      </select>
    </div>
  );
}
