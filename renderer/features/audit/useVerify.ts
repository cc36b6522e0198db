import { useCallback, useState } from 'react';
import type { AuditVerification } from '../../../shared/domain/audit';
import type { AppError } from '../../../shared/errors';
import { call, toAppError } from '../../api/client';

export type VerifyState =
  | { phase: 'idle' }
  | { phase: 'running' }
  | { phase: 'done'; result: AuditVerification; at: string }
  | { phase: 'failed'; error: AppError };

/** Runs audit:verify on demand; the last outcome stays until the next run. */
export function useVerify() {
  const [state, setState] = useState<VerifyState>({ phase: 'idle' });
  const run = useCallback(() => {
    setState({ phase: 'running' });
    call('audit:verify', {}).then(
      (result) => setState({ phase: 'done', result, at: new Date().toISOString() }),
      (err: unknown) => setState({ phase: 'failed', error: toAppError(err) }),
    );
  }, []);
  return { state, run };
}
