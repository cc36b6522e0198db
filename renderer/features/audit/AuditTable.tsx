import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../shared/domain/audit';
import { useFormat } from '../../components/useFormat';
import { useAuditText } from './useAuditText';

/** The entries of one page: when, who, what kind, one line about it, and the recorded facts on demand. */
export function AuditTable({ entries }: { entries: readonly AuditEntry[] }) {
  const { t } = useTranslation();
  // Made once for the page, not once per row (formatters are costly to build).
  const format = useFormat();
  const text = useAuditText();
  return (
    <table className="doc-table audit-table">
      <caption className="visually-hidden">{t('audit.tableCaption')}</caption>
      <thead>
        <tr>
          <th scope="col" className="num">
            {t('audit.colSeq')}
          </th>
          <th scope="col">{t('audit.colTime')}</th>
          <th scope="col">{t('audit.colActor')}</th>
          <th scope="col">{t('audit.colKind')}</th>
          <th scope="col">{t('audit.colSummary')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <AuditRow key={entry.seq} entry={entry} format={format} text={text} />
        ))}
      </tbody>
    </table>
  );
}

interface RowProps {
  entry: AuditEntry;
  format: ReturnType<typeof useFormat>;
  text: ReturnType<typeof useAuditText>;
}

function AuditRow({ entry, format, text }: RowProps) {
  const { t } = useTranslation();
  return (
    <tr>
      <th scope="row" className="num">
        {entry.seq}
      </th>
      <td>
        <time dateTime={entry.at} title={entry.at}>
          {format.dateTime(entry.at)}
        </time>
      </td>
      <td>{entry.actor}</td>
      <td>{text.kindName(entry.kind)}</td>
      <td className="audit-table__summary">
        <span>{text.summary(entry)}</span>
        <details className="audit-table__details">
          <summary aria-label={t('audit.detailsLabel', { seq: entry.seq })}>{t('audit.details')}</summary>
          <dl className="facts">
            <dt>{t('audit.data')}</dt>
            <dd>
              <pre>{JSON.stringify(entry.data, null, 2)}</pre>
            </dd>
            <dt>{t('audit.prevHash')}</dt>
            <dd className="hash">{entry.prevHash}</dd>
            <dt>{t('audit.hash')}</dt>
            <dd className="hash">{entry.hash}</dd>
          </dl>
        </details>
      </td>
    </tr>
  );
}
