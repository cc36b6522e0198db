import { useTranslation } from 'react-i18next';
import { useQuery } from '../api/hooks';

/** Whether the AI tools reach the approved endpoint or run in their reduced offline form. */
export function EngineBadge() {
  const { t } = useTranslation();
  const info = useQuery('app:info', {});
  if (!info.data) return null;
  const offline = info.data.engine === 'offline';
  const hint = t(offline ? 'shell.engineOfflineHint' : 'shell.engineEndpointHint');
  return (
    <p className={`badge ${offline ? 'badge--offline' : 'badge--online'}`} title={hint}>
      {t(offline ? 'shell.engineOffline' : 'shell.engineEndpoint')}
      <span className="visually-hidden">: {hint}</span>
    </p>
  );
}
