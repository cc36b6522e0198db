import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Classification } from '../../../shared/domain/document';
import type { DocumentFacets, FacetValue } from '../../../shared/domain/document';
import type { SearchFilters } from '../../../shared/search/types';
import type { Query } from '../../api/hooks';
import { ErrorNotice } from '../../components/ErrorNotice';
import { withFilter } from './filters';

interface Props {
  id: string;
  filters: SearchFilters;
  onChange: (filters: SearchFilters) => void;
  facets: Query<DocumentFacets>;
}

/** 文种, 发文机关, 成文日期, 标签 and 密级, offered with the values the store holds (and their counts). */
export function FilterPanel({ id, filters, onChange, facets }: Props) {
  const { t } = useTranslation();
  const data = facets.data;
  const set = <K extends keyof SearchFilters>(key: K, value: SearchFilters[K] | '') =>
    onChange(withFilter(filters, key, value));
  const reversed = filters.dateFrom !== undefined && filters.dateTo !== undefined && filters.dateFrom > filters.dateTo;

  return (
    <section id={id} className="panel filter-panel" aria-label={t('filters.panelLabel')}>
      {facets.error && <ErrorNotice title={t('filters.facetsFailed')} error={facets.error} onRetry={facets.reload} />}
      <div className="filter-grid">
        <FacetSelect
          label={t('filters.docType')}
          value={filters.docType}
          values={data?.docTypes}
          onChange={(v) => set('docType', v)}
        />
        <FacetSelect
          label={t('filters.issuer')}
          value={filters.issuer}
          values={data?.issuers}
          onChange={(v) => set('issuer', v)}
        />
        <FacetSelect label={t('filters.tag')} value={filters.tag} values={data?.tags} onChange={(v) => set('tag', v)} />
        <FacetSelect
          label={t('filters.classification')}
          value={filters.classification}
          values={data?.classifications.filter((f) => Classification.safeParse(f.value).success)}
          display={(v) => t(`classification.${Classification.parse(v)}`)}
          onChange={(v) => set('classification', v === '' ? '' : Classification.parse(v))}
        />
        {/* Last: it spans two cells, and placed earlier it would leave holes in the grid. */}
        <fieldset className="field date-range">
          <legend>{t('filters.date')}</legend>
          <DateInput
            label={t('filters.dateFrom')}
            value={filters.dateFrom}
            max={filters.dateTo}
            onChange={(v) => set('dateFrom', v)}
          />
          <DateInput
            label={t('filters.dateTo')}
            value={filters.dateTo}
            min={filters.dateFrom}
            onChange={(v) => set('dateTo', v)}
          />
          {reversed && <p className="field__error">{t('filters.dateOrder')}</p>}
        </fieldset>
      </div>
    </section>
  );
}

interface FacetSelectProps {
  label: string;
  value: string | undefined;
  values: readonly FacetValue[] | undefined;
  display?: (value: string) => string;
  onChange: (value: string) => void;
}

function FacetSelect({ label, value, values = [], display = (v) => v, onChange }: FacetSelectProps) {
  const { t } = useTranslation();
  const id = useId();
  // A chosen value stays selectable even if the store no longer holds it (its count is then 0).
  const options =
    value !== undefined && !values.some((f) => f.value === value) ? [...values, { value, count: 0 }] : values;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value)} disabled={options.length === 0}>
        <option value="">{options.length === 0 ? t('filters.noValues') : t('filters.any')}</option>
        {options.map((f) => (
          <option key={f.value} value={f.value}>
            {t('filters.option', { value: display(f.value), count: f.count })}
          </option>
        ))}
      </select>
    </div>
  );
}

interface DateInputProps {
  label: string;
  value: string | undefined;
  min?: string;
  max?: string;
  onChange: (value: string) => void;
}

/** A native date picker: its value is YYYY-MM-DD (or empty) whatever the display locale. */
function DateInput({ label, value, min, max, onChange }: DateInputProps) {
  const id = useId();
  return (
    <span className="date-range__part">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="date" value={value ?? ''} min={min} max={max} onChange={(e) => onChange(e.target.value)} />
    </span>
  );
}
