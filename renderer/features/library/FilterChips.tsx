import { useTranslation } from 'react-i18next';
import type { SearchFilters } from '../../../shared/search/types';
import { levelClass } from '../../components/ClassificationChip';
import { useFormat } from '../../components/useFormat';
import { FILTER_KEYS } from './filters';
import type { FilterKey } from './filters';

interface Props {
  filters: SearchFilters;
  onRemove: (key: FilterKey) => void;
  onClear: () => void;
}

/** The active filters, each a button that removes it, and one that removes them all. */
export function FilterChips({ filters, onRemove, onClear }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const chips = FILTER_KEYS.flatMap((key) => {
    const value = filters[key];
    if (value === undefined || value === '') return [];
    let shown: string = value;
    if (key === 'dateFrom' || key === 'dateTo') shown = format.date(value);
    if (key === 'classification' && filters.classification) shown = t(`classification.${filters.classification}`);
    return [{ key, label: t('filters.chip', { name: t(`filters.chipName.${key}`), value: shown }) }];
  });
  if (chips.length === 0) return null;

  return (
    <div className="filter-chips" role="group" aria-label={t('filters.activeLabel')}>
      <ul>
        {chips.map(({ key, label }) => (
          <li key={key}>
            <button
              type="button"
              className={
                key === 'classification' && filters.classification
                  ? `chip ${levelClass(filters.classification)}`
                  : 'chip'
              }
              aria-label={t('filters.remove', { label })}
              onClick={() => onRemove(key)}
            >
              {label}
              <span className="chip__x" aria-hidden="true">
                ×
              </span>
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="button button--quiet" onClick={onClear}>
        {t('filters.clear')}
      </button>
    </div>
  );
}
