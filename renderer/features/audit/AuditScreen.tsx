import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { ScreenHeader } from '../../components/ScreenHeader';

export function AuditScreen() {
  const { t } = useTranslation();
  return (
    <>
      <ScreenHeader title={t('nav.audit')} />
      <EmptyState title={t('audit.emptyTitle')} body={t('audit.emptyBody')} />
    </>
  );
}
