import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../api/hooks';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';

/** Read-only facts IT asks for on the phone: version, where the data lives, which engine runs. */
export function AboutSection() {
  const { t } = useTranslation();
  const id = useId();
  const info = useQuery('app:info', {});

  let body;
  if (info.data) {
    const { version, shell, dataDir, dbPath, engine } = info.data;
    body = (
      <dl className="facts">
        <dt>{t('settings.version')}</dt>
        <dd>{version}</dd>
        <dt>{t('settings.shell')}</dt>
        <dd>{t(shell === 'electron' ? 'settings.shellElectron' : 'settings.shellWeb')}</dd>
        <dt>{t('settings.dataDir')}</dt>
        <dd className="path">{dataDir}</dd>
        <dt>{t('settings.dbPath')}</dt>
        <dd className="path">{dbPath}</dd>
        <dt>{t('settings.engine')}</dt>
        <dd>{t(engine === 'offline' ? 'settings.engineOffline' : 'settings.engineEndpoint')}</dd>
      </dl>
    );
  } else if (info.error) {
    body = <ErrorNotice title={t('settings.aboutTitle')} error={info.error} onRetry={info.reload} />;
  } else {
    body = <Loading />;
  }

  return (
    <section className="panel panel--narrow" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('settings.aboutTitle')}</h2>
      {body}
    </section>
  );
}
