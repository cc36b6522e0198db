import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { ScreenHeader } from '../../components/ScreenHeader';

export function ReviewScreen() {
  const { t } = useTranslation();
  return (
    <>
      <ScreenHeader title={t('nav.review')} />
      <EmptyState title={t('review.emptyTitle')} body={t('review.emptyBody')} />
    </>
  );
}
