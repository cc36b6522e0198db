import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { ScreenHeader } from '../../components/ScreenHeader';

export function SummarizeScreen() {
  const { t } = useTranslation();
  return (
    <>
      <ScreenHeader title={t('nav.summarize')} />
      <EmptyState title={t('summarize.emptyTitle')} body={t('summarize.emptyBody')} />
    </>
  );
}
