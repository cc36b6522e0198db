import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../api/hooks';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useFormat } from '../../components/useFormat';
import { EvidenceQuote } from './EvidenceQuote';
import { FieldValueInput } from './FieldValueInput';
import { countRows, fieldRows } from './fieldRows';
import type { FieldRow, RowCounts } from './fieldRows';
import type { DraftForm } from './useDraftForm';
import { useFormText } from './useFormText';

interface Props {
  form: DraftForm;
  /** The editor's values, saved or not: each is checked as it is typed. */
  values: Record<string, string>;
  /** The AI version's values (what "changed by the person" is measured against without a proposal). */
  original: Record<string, string>;
  readOnly: boolean;
  /** The id of each field's input: review warnings focus it. */
  fieldId: (name: string) => string;
  onChange: (patch: { fields: Record<string, string> }) => void;
  onFlush: () => void;
}

/**
 * A form draft, field by field: the value (the one place it is edited), the quote it rests on with
 * a link to the passage, and what is wrong with it in words, re-checked as it is typed.
 */
export function FormCheck({ form, values, original, readOnly, fieldId, onChange, onFlush }: Props) {
  const { t } = useTranslation();
  const { fill, detail } = form;
  const rows = useMemo(
    () => fieldRows(detail?.profile, fill?.proposals ?? [], values, original),
    [detail, fill, values, original],
  );
  const titles = useDocumentTitles(rows);

  return (
    <div className="form-check">
      {form.error && <ErrorNotice title={t('formCheck.failed')} error={form.error} onRetry={form.reload} />}
      {/* Labels come with the form: rows wait for it rather than flash the fields' technical names. */}
      {!form.error && (!fill || !detail) ? (
        <p className="muted" role="status">
          {t('formCheck.loading')}
        </p>
      ) : rows.length === 0 ? (
        <p className="muted">{t('formCheck.none')}</p>
      ) : (
        <>
          <Counts counts={countRows(rows)} total={rows.length} />
          <table className="form-check__table">
            <caption className="visually-hidden">{t('formCheck.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('formCheck.colField')}</th>
                <th scope="col">{t('formCheck.colValue')}</th>
                <th scope="col">{t('formCheck.colEvidence')}</th>
                <th scope="col">{t('formCheck.colCheck')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <FieldRowView
                  key={row.name}
                  row={row}
                  inputId={fieldId(row.name)}
                  multiSelect={Boolean(detail?.fields.find((f) => f.name === row.name)?.multiSelect)}
                  multiline={Boolean(detail?.fields.find((f) => f.name === row.name)?.multiline)}
                  title={row.proposal?.evidence ? titles.get(row.proposal.evidence.documentId) : undefined}
                  readOnly={readOnly}
                  onChange={(value) => onChange({ fields: { ...values, [row.name]: value } })}
                  onFlush={onFlush}
                />
              ))}
            </tbody>
          </table>
        </>
      )}
      <p className="field__hint">{t('formCheck.hint')}</p>
    </div>
  );
}

/** "12 个字段：9 个有依据，2 个待补充，1 个需核对", announced as it changes. */
function Counts({ counts, total }: { counts: RowCounts; total: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <p className="form-check__counts" role="status">
      {t('formCheck.counts', {
        count: total,
        total: format.number(total),
        supported: format.number(counts.supported),
        empty: format.number(counts.empty),
        check: format.number(counts.check),
      })}
      {counts.person > 0 && t('formCheck.countsPerson', { n: format.number(counts.person) })}
      {counts.skipped > 0 && t('formCheck.countsSkipped', { n: format.number(counts.skipped) })}
    </p>
  );
}

/** Document titles, when the evidence comes from more than one document (a link must say which). */
function useDocumentTitles(rows: FieldRow[]): Map<string, string> {
  const docs = useQuery('documents:list', { sort: 'imported_desc', limit: 1000 });
  return useMemo(() => {
    const cited = new Set(rows.flatMap((r) => (r.proposal?.evidence ? [r.proposal.evidence.documentId] : [])));
    if (cited.size < 2) return new Map<string, string>();
    return new Map((docs.data ?? []).filter((d) => cited.has(d.id)).map((d) => [d.id, d.title || d.fileName]));
  }, [rows, docs.data]);
}

interface RowProps {
  row: FieldRow;
  inputId: string;
  multiSelect: boolean;
  multiline: boolean;
  title: string | undefined;
  readOnly: boolean;
  onChange: (value: string) => void;
  onFlush: () => void;
}

function FieldRowView({ row, inputId, multiSelect, multiline, title, readOnly, onChange, onFlush }: RowProps) {
  const { t } = useTranslation();
  const text = useFormText();
  const id = useId();
  const { field, proposal } = row;
  const evidence = proposal?.evidence ?? null;

  return (
    <tr className={`form-check__row form-check__row--${row.status}`}>
      <th scope="row" className="form-check__label">
        <label htmlFor={inputId}>{row.label}</label>
        {field?.required && <span className="form-check__required"> {t('formCheck.required')}</span>}
        {row.label !== row.name && <span className="form-check__name">{row.name}</span>}
      </th>
      <td className="form-check__value">
        <FieldValueInput
          id={inputId}
          field={field}
          value={row.value}
          multiSelect={multiSelect}
          multiline={multiline}
          readOnly={readOnly}
          invalid={row.value !== '' && row.problems.length > 0}
          describedBy={`${id}-check`}
          onChange={onChange}
          onBlur={onFlush}
        />
      </td>
      <td>
        {evidence ? (
          <EvidenceQuote evidence={evidence} value={proposal?.value ?? ''} title={title} />
        ) : (
          <span className="muted">{t('formCheck.noEvidence')}</span>
        )}
        {proposal?.rejected && <RejectedClaim claim={proposal.rejected} />}
      </td>
      <td id={`${id}-check`} className="form-check__check">
        <span className={`field-status field-status--${row.status}`}>{t(`formCheck.status.${row.status}`)}</span>
        {row.changed && row.status !== 'person' && (
          <span className="field-status field-status--person">{t('formCheck.status.person')}</span>
        )}
        {row.problems.length > 0 && (
          <ul className="form-check__problems" aria-label={t('formCheck.problemsLabel')}>
            {row.problems.map((p) => (
              <li key={p}>{text.problem(p, field)}</li>
            ))}
          </ul>
        )}
        {row.changed && proposal && proposal.source !== 'person' && (
          <p className="form-check__proposed">
            {proposal.value === '' ? t('formCheck.proposedNone') : t('formCheck.proposed', { value: proposal.value })}
          </p>
        )}
        {row.status === 'check' && row.problems.length === 0 && (
          <p className="form-check__note">{t('formCheck.valueWithoutEvidence')}</p>
        )}
        {row.status === 'skipped' && <p className="form-check__note">{t('formCheck.skippedNote')}</p>}
        {proposal?.source === 'pattern' && !row.changed && row.value !== '' && (
          <p className="form-check__note">{t('formCheck.byPattern')}</p>
        )}
      </td>
    </tr>
  );
}

/** What the model claimed and was refused (an invented quote): shown, struck, never filled in. */
function RejectedClaim({ claim }: { claim: { value: string; quote: string } }) {
  const { t } = useTranslation();
  return (
    <div className="form-check__rejected">
      <p>{t('formCheck.rejected', { value: claim.value })}</p>
      {claim.quote && <blockquote className="form-check__quote form-check__quote--rejected">{claim.quote}</blockquote>}
    </div>
  );
}
