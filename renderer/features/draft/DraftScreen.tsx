import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { ScreenHeader } from '../../components/ScreenHeader';

export function DraftScreen() {
  const { t } = useTranslation();
  return (
    <>
      <ScreenHeader title={t('nav.draft')} />
      <EmptyState title={t('draft.emptyTitle')} body={t('draft.emptyBody')} />
    </>
  );
}
