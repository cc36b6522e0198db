import { useTranslation } from 'react-i18next';
import type { AuditVerification } from '../../../shared/domain/audit';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useFormat } from '../../components/useFormat';
import { shortHash, useAuditText } from './useAuditText';
import type { VerifyState } from './useVerify';

/** ✓ with the count and the head hash, or ✗ with the first broken entry and why. */
export function VerifyResult({ state, onRetry }: { state: VerifyState; onRetry: () => void }) {
  const { t } = useTranslation();
  if (state.phase === 'failed') {
    return <ErrorNotice title={t('audit.verifyFailed')} error={state.error} onRetry={onRetry} />;
  }
  if (state.phase !== 'done') return null;
  return state.result.ok ? (
    <Intact result={state.result} at={state.at} />
  ) : (
    <Broken result={state.result} at={state.at} />
  );
}

function Intact({ result, at }: { result: AuditVerification; at: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="notice notice--ok audit-verify" role="status">
      <p className="audit-verify__line">
        <span className="audit-verify__mark" aria-hidden="true">
          ✓
        </span>{' '}
        {result.count === 0 ? t('audit.verifyOkEmpty') : t('audit.verifyOk', { count: format.number(result.count) })}
      </p>
      {result.head && (
        <>
          <p>
            <span className="hash" title={result.head}>
              {t('audit.verifyHead', { head: shortHash(result.head) })}
            </span>
          </p>
          <p className="muted">{t('audit.verifyHeadHint')}</p>
        </>
      )}
      <p className="muted">{t('audit.verifiedAt', { time: format.dateTime(at) })}</p>
    </div>
  );
}

function Broken({ result, at }: { result: AuditVerification; at: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const text = useAuditText();
  const reason = result.reason ? text.reason(result.reason) : '';
  const entry = result.brokenEntry;
  const seq = result.brokenAt ?? 0;
  const validTime = entry && !Number.isNaN(Date.parse(entry.at));
  return (
    <div className="notice notice--error audit-verify" role="alert">
      <p className="audit-verify__line notice__title">
        <span className="audit-verify__mark" aria-hidden="true">
          ✗
        </span>{' '}
        {entry
          ? t('audit.verifyBroken', {
              seq,
              time: validTime ? format.dateTime(entry.at) : entry.at,
              kind: text.kindName(entry.kind),
              actor: entry.actor,
              reason,
            })
          : t('audit.verifyBrokenMissing', { seq, reason })}
      </p>
      <p>{t('audit.verifyIntactBefore', { count: format.number(result.count) })}</p>
      <p className="muted">{t('audit.verifiedAt', { time: format.dateTime(at) })}</p>
    </div>
  );
}
