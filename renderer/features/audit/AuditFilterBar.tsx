import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { AuditKind } from '../../../shared/domain/audit';
import type { AuditFilters } from './filters';
import { hasFilters } from './filters';
import { useAuditText } from './useAuditText';

interface Props {
  filters: AuditFilters;
  onChange: (filters: AuditFilters) => void;
}

/** Kind, a range of days and free text; each change applies at once (text after a pause). */
export function AuditFilterBar({ filters, onChange }: Props) {
  const { t } = useTranslation();
  const text = useAuditText();
  const id = useId();
  const set = (patch: Partial<AuditFilters>) => onChange({ ...filters, ...patch });
  const reversed = filters.from !== '' && filters.to !== '' && filters.from > filters.to;

  return (
    <section className="panel filter-panel" aria-label={t('audit.filtersLabel')}>
      <div className="filter-grid">
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t('audit.kind')}</label>
          <select
            id={`${id}-kind`}
            value={filters.kind}
            onChange={(e) => {
              const kind = AuditKind.safeParse(e.target.value);
              set({ kind: kind.success ? kind.data : '' });
            }}
          >
            <option value="">{t('audit.anyKind')}</option>
            {AuditKind.options.map((kind) => (
              <option key={kind} value={kind}>
                {text.kindName(kind)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-text`}>{t('audit.text')}</label>
          <input
            id={`${id}-text`}
            type="search"
            value={filters.text}
            maxLength={200}
            autoComplete="off"
            spellCheck={false}
            placeholder={t('audit.textPlaceholder')}
            onChange={(e) => set({ text: e.target.value })}
          />
        </div>
        <fieldset className="field date-range">
          <legend>{t('audit.date')}</legend>
          <span className="date-range__part">
            <label htmlFor={`${id}-from`}>{t('audit.dateFrom')}</label>
            <input
              id={`${id}-from`}
              type="date"
              value={filters.from}
              max={filters.to || undefined}
              onChange={(e) => set({ from: e.target.value })}
            />
          </span>
          <span className="date-range__part">
            <label htmlFor={`${id}-to`}>{t('audit.dateTo')}</label>
            <input
              id={`${id}-to`}
              type="date"
              value={filters.to}
              min={filters.from || undefined}
              onChange={(e) => set({ to: e.target.value })}
            />
          </span>
          {reversed && <p className="field__error">{t('audit.dateOrder')}</p>}
        </fieldset>
      </div>
      {hasFilters(filters) && (
        <button
          type="button"
          className="button button--quiet button--small"
          onClick={() => onChange({ kind: '', from: '', to: '', text: '' })}
        >
          {t('audit.clear')}
        </button>
      )}
    </section>
  );
}
