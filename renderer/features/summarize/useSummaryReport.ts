import { useCallback, useEffect, useRef, useState } from 'react';
import type { SummaryReport } from '../../../shared/domain/summary';
import type { AppError } from '../../../shared/errors';
import { call, toAppError } from '../../api/client';

/** Typing pauses this long before the summary is checked again. */
export const REPORT_DEBOUNCE_MS = 300;

export interface CheckedReport {
  report: SummaryReport;
  /** The text the report is of: its offsets point into this, not into what is typed since. */
  text: string;
}

/**
 * The check of a summary draft's text as it is being edited (`summaries:report` with the unsaved
 * text; main's check is deterministic and fast). The first check runs at once, later ones once
 * typing pauses; an answer to an older text never replaces a newer one, and the last report stays
 * on screen while the next one is made.
 */
export function useSummaryReport(draftId: string, text: string, enabled: boolean, delay = REPORT_DEBOUNCE_MS) {
  const [checked, setChecked] = useState<CheckedReport>();
  const [error, setError] = useState<AppError>();
  const [checking, setChecking] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const latest = useRef(0);
  const first = useRef(true);

  useEffect(() => {
    if (!enabled) return;
    const seq = ++latest.current;
    const run = () => {
      setChecking(true);
      call('summaries:report', { id: draftId, text }).then(
        (report) => {
          if (seq !== latest.current) return;
          setChecked({ report, text });
          setError(undefined);
          setChecking(false);
        },
        (err: unknown) => {
          if (seq !== latest.current) return;
          setError(toAppError(err));
          setChecking(false);
        },
      );
    };
    if (first.current) {
      first.current = false;
      run();
      return;
    }
    const timer = setTimeout(run, delay);
    return () => clearTimeout(timer);
  }, [draftId, text, enabled, delay, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  /** Whether what is on screen is the check of the text as it stands. */
  const current = checked?.text === text && !checking;
  return { checked, error, checking, current, retry };
}
