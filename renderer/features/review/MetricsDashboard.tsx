import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REJECTION_REASONS } from '../../../shared/domain/draft';
import type { RejectionReason, WeekMetrics } from '../../../shared/domain/draft';
import type { AppError } from '../../../shared/errors';
import { call, toAppError } from '../../api/client';
import { useEvent, useQuery } from '../../api/hooks';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { useFormat } from '../../components/useFormat';
import { BarChart } from './BarChart';
import { byTool, parseWeek } from './metricsData';
import type { ToolMetrics } from './metricsData';
import { useReviewText } from './useReviewText';

const PERIODS = [4, 12, 26, 52] as const;
/** The counts every table and chart shows, per tool and per week. */
const COUNTS = ['created', 'approved', 'rejected'] as const;

const isReason = (value: string): value is RejectionReason => (REJECTION_REASONS as readonly string[]).includes(value);

/**
 * Usefulness, from the store: per tool and week, drafts made, approved and sent back, how long
 * approval took, how much of the AI's text reviewers changed, and why drafts went back. Counts and
 * times only; IT gets them as a file.
 */
export function MetricsDashboard() {
  const { t } = useTranslation();
  const id = useId();
  const [weeks, setWeeks] = useState<number>(12);
  const metrics = useQuery('metrics:get', { weeks });
  useEvent('drafts:changed', metrics.reload);

  let body;
  if (metrics.error) {
    body = <ErrorNotice title={t('metrics.loadFailed')} error={metrics.error} onRetry={metrics.reload} />;
  } else if (!metrics.data) {
    body = <Loading />;
  } else if (metrics.data.weeks.length === 0) {
    body = <EmptyState title={t('metrics.emptyTitle')} body={t('metrics.emptyBody')} />;
  } else {
    const tools = byTool(metrics.data.weeks);
    body = (
      <>
        <Overview tools={tools} />
        {tools.map((tool) => (
          <ToolSection key={tool.tool} tool={tool} />
        ))}
      </>
    );
  }

  return (
    <div className="metrics">
      <div className="metrics__bar">
        <div className="inline-field">
          <label htmlFor={`${id}-weeks`}>{t('metrics.period')}</label>
          <select id={`${id}-weeks`} value={weeks} onChange={(e) => setWeeks(Number(e.target.value))}>
            {PERIODS.map((n) => (
              <option key={n} value={n}>
                {t('metrics.lastWeeks', { n })}
              </option>
            ))}
          </select>
        </div>
        <MetricsExport />
      </div>
      <p className="field__hint metrics__intro">{t('metrics.intro')}</p>
      {body}
    </div>
  );
}

function MetricsExport() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ saved: boolean; path: string | null }>();
  const [error, setError] = useState<AppError>();
  const run = async () => {
    setBusy(true);
    setResult(undefined);
    setError(undefined);
    try {
      setResult(await call('metrics:export', { format: 'csv' }));
    } catch (err) {
      setError(toAppError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="metrics__export">
      <button type="button" className="button" onClick={run} disabled={busy}>
        {busy ? t('metrics.exporting') : t('metrics.export')}
      </button>
      <p role="status" className="metrics__export-result">
        {result && (result.saved ? t('metrics.exported', { path: result.path ?? '' }) : t('metrics.exportCancelled'))}
      </p>
      {error && <ErrorNotice title={t('metrics.exportFailed')} error={error} />}
    </div>
  );
}

function Overview({ tools }: { tools: ToolMetrics[] }) {
  const { t } = useTranslation();
  const text = useReviewText();
  const counts = useCounts();
  return (
    <section className="panel" aria-label={t('metrics.overview')}>
      <MetricsTable
        caption={t('metrics.overview')}
        nameColumn={t('metrics.colTool')}
        columns={counts.labels}
        rows={tools.map((tool) => ({ key: tool.tool, name: text.toolName(tool.tool), cells: counts.cells(tool) }))}
      />
    </section>
  );
}

function ToolSection({ tool }: { tool: ToolMetrics }) {
  const { t } = useTranslation();
  const text = useReviewText();
  const format = useFormat();
  const counts = useCounts();
  const id = useId();
  const name = text.toolName(tool.tool);
  const weekName = (w: WeekMetrics) => t('metrics.weekLong', parseWeek(w.week));
  const minutes = (m: number | null) =>
    m === null
      ? '—'
      : m >= 120
        ? t('metrics.hours', { n: format.number(Math.round(m / 6) / 10) })
        : t('metrics.minutes', { n: format.number(Math.round(m)) });
  const percent = (r: number | null) => (r === null ? '—' : `${format.number(Math.round(r * 1000) / 10)}%`);
  const reasonName = (reason: string) => (isReason(reason) ? text.reasonName(reason) : reason);
  const maxReason = Math.max(1, ...tool.reasons.map((r) => r.count));

  return (
    <section className="panel metrics-tool" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{name}</h2>
      <BarChart
        title={t('metrics.chartTitle', { tool: name })}
        description={t('metrics.chartDesc', {
          created: tool.created,
          approved: tool.approved,
          rejected: tool.rejected,
          weeks: tool.weeks.length,
        })}
        series={COUNTS.map((key) => ({ key, label: t(`metrics.${key}`) }))}
        groups={tool.weeks.map((w) => ({
          label: t('metrics.weekShort', parseWeek(w.week)),
          title: weekName(w),
          values: COUNTS.map((key) => w[key]),
        }))}
      />
      <MetricsTable
        caption={t('metrics.tableCaption', { tool: name })}
        captionHidden
        nameColumn={t('metrics.colWeek')}
        columns={[...counts.labels, t('metrics.medianTime'), t('metrics.medianEdit')]}
        rows={[...tool.weeks].reverse().map((w) => ({
          key: w.week,
          name: weekName(w),
          cells: [...counts.cells(w), minutes(w.medianMinutesToApproval), percent(w.medianEditRatio)],
        }))}
      />
      <p className="field__hint">{t('metrics.editHint')}</p>

      <h3 id={`${id}-reasons`}>{t('metrics.reasonsTitle')}</h3>
      {tool.reasons.length === 0 ? (
        <p className="muted">{t('metrics.reasonsNone')}</p>
      ) : (
        <table className="metrics-reasons" aria-labelledby={`${id}-reasons`}>
          <tbody>
            {tool.reasons.map((r) => (
              <tr key={r.reason}>
                <th scope="row">{reasonName(r.reason)}</th>
                <td className="metrics-reasons__bar">
                  <svg viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                    <rect className="chart__bar--reason" width={(r.count / maxReason) * 100} height="10" />
                  </svg>
                </td>
                <td className="num">{format.number(r.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The counts' column labels, and a row's counts formatted. */
function useCounts() {
  const { t } = useTranslation();
  const format = useFormat();
  return {
    labels: COUNTS.map((key) => t(`metrics.${key}`)),
    cells: (m: Record<(typeof COUNTS)[number], number>) => COUNTS.map((key) => format.number(m[key])),
  };
}

interface MetricsTableProps {
  caption: string;
  /** Read by screen readers only (a chart above says the same). */
  captionHidden?: boolean;
  /** The head of the first column, which names each row. */
  nameColumn: string;
  /** The numeric columns. */
  columns: string[];
  rows: { key: string; name: string; cells: string[] }[];
}

/** A table of numbers: a row per tool or week, its name first. */
function MetricsTable({ caption, captionHidden, nameColumn, columns, rows }: MetricsTableProps) {
  return (
    <table className="doc-table metrics-table">
      <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{nameColumn}</th>
          {columns.map((label) => (
            <th key={label} scope="col" className="num">
              {label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.name}</th>
            {row.cells.map((cell, i) => (
              <td key={i} className="num">
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
