import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckItem, DoctorReport } from '../../../shared/domain/endpoint';
import type { AppError } from '../../../shared/errors';
import { call, toAppError } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';

type CheckState = { running: boolean; report?: DoctorReport; error?: AppError };

const outcome = (item: CheckItem) => (item.skipped ? 'skipped' : item.ok ? 'ok' : 'failed');
const MARK = { ok: '✓', failed: '✗', skipped: '–' } as const;

/** The same checks as `wenshu doctor`, one line each: passed, failed (with the fix) or skipped. */
export function CheckReport({ report }: { report: DoctorReport }) {
  const { t } = useTranslation();
  const failed = report.items.filter((i) => !i.ok && !i.skipped).length;
  return (
    <div className="check-report">
      <p
        className={`check-report__summary ${report.ok ? 'check-report__summary--ok' : 'check-report__summary--failed'}`}
      >
        {report.ok ? t('endpoint.checkAllPassed') : t('endpoint.checkSomeFailed', { count: failed })}
      </p>
      <ul className="check-list" aria-label={t('endpoint.checkListLabel')}>
        {report.items.map((item) => {
          const state = outcome(item);
          return (
            <li key={item.id} className={`check-item check-item--${state}`}>
              <span className="check-item__mark" aria-hidden="true">
                {MARK[state]}
              </span>
              <span className="check-item__name">{t(`endpoint.checkItem.${item.id}`)}</span>
              <span className={`tag check-item__state check-item__state--${state}`}>
                {t(`endpoint.checkState.${state}`)}
              </span>
              {item.detail && <p className="check-item__detail">{item.detail}</p>}
              {item.fix && (
                <p className="check-item__fix">
                  <span className="check-item__fix-label">{t('endpoint.checkFix')}</span>
                  {item.fix}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** A button that runs `endpoint:check`; it can take seconds (DNS, TLS, a one-token completion). */
export function ConnectionCheck() {
  const { t } = useTranslation();
  const id = useId();
  const [state, setState] = useState<CheckState>({ running: false });

  const run = () => {
    setState({ running: true });
    call('endpoint:check', {}).then(
      (report) => setState({ running: false, report }),
      (err: unknown) => setState({ running: false, error: toAppError(err) }),
    );
  };

  return (
    <div className="connection-check">
      <div className="field__row">
        <button type="button" className="button" onClick={run} disabled={state.running} aria-describedby={`${id}-hint`}>
          {state.running ? t('endpoint.checking') : t('endpoint.check')}
        </button>
        <p id={`${id}-hint`} className="field__hint">
          {t('endpoint.checkHint')}
        </p>
      </div>
      <div role="status" className="connection-check__status">
        {state.running && (
          <span className="connection-check__progress">
            <progress aria-label={t('endpoint.checkProgress')} />
            {t('endpoint.checkProgress')}
          </span>
        )}
      </div>
      {state.report && <CheckReport report={state.report} />}
      {state.error && <ErrorNotice title={t('endpoint.checkFailed')} error={state.error} onRetry={run} />}
    </div>
  );
}
