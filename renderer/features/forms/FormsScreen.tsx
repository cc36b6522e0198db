import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { ScreenHeader } from '../../components/ScreenHeader';

export function FormsScreen() {
  const { t } = useTranslation();
  return (
    <>
      <ScreenHeader title={t('nav.forms')} />
      <EmptyState title={t('forms.emptyTitle')} body={t('forms.emptyBody')} />
    </>
  );
}
