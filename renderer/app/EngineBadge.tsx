import { useTranslation } from 'react-i18next';
import { useEndpointStatus } from '../features/endpoint/useEndpointStatus';
import { useErrorText } from '../components/useErrorText';

/**
 * Whether the AI tools reach the approved endpoint (its name) or run offline; the tooltip (and
 * the screen-reader text) says why. Follows `endpoint:changed`.
 */
export function EngineBadge() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const status = useEndpointStatus();
  if (!status.data && !status.error) return null;

  const s = status.data;
  // Without a status the tools cannot reach an endpoint either: say offline, and why.
  const online = s?.engine === 'endpoint' && s.endpoint !== null;
  const label = online ? s.endpoint!.name : t('shell.engineOffline');
  let hint: string;
  if (!s) hint = t('engine.statusFailed', { error: errorText(status.error!) });
  else if (online)
    hint = t('engine.onlineHint', {
      reason: t(`engine.reason.${s.reason}`),
      model: s.endpoint!.model,
      baseUrl: s.endpoint!.baseUrl,
    });
  else hint = t('engine.offlineHint', { reason: t(`engine.offlineReason.${s.reason}`) });

  return (
    <p className={`badge engine-badge ${online ? 'badge--online' : 'badge--offline'}`} title={hint}>
      {label}
      <span className="visually-hidden">: {hint}</span>
    </p>
  );
}
