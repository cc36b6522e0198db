import { useTranslation } from 'react-i18next';
import { ScreenHeader } from '../../components/ScreenHeader';
import type { ReviewView } from '../../router/route';
import { DraftView } from './DraftView';
import { MetricsDashboard } from './MetricsDashboard';
import { ReviewQueue } from './ReviewQueue';
import { ReviewTabs } from './ReviewTabs';

/**
 * 审核: every AI output waits here for a person. `#/review` lists the drafts, `#/review/<id>`
 * opens one for review, `#/review/metrics` shows how useful the tools are.
 */
export function ReviewScreen({ draftId, view }: { draftId?: string; view?: ReviewView }) {
  const { t } = useTranslation();
  if (draftId) return <DraftView id={draftId} />;
  const page = view === 'metrics' ? 'metrics' : 'queue';
  return (
    <>
      <ScreenHeader title={t('nav.review')} />
      <ReviewTabs current={page} />
      {page === 'metrics' ? <MetricsDashboard /> : <ReviewQueue />}
    </>
  );
}
