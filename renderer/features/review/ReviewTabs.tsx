import { useTranslation } from 'react-i18next';
import { hrefFor } from '../../router/route';

/** The queue and the usefulness dashboard: two pages of the review screen, as links. */
export function ReviewTabs({ current }: { current: 'queue' | 'metrics' }) {
  const { t } = useTranslation();
  const link = (page: 'queue' | 'metrics', label: string) => (
    <li>
      <a
        className="review-tabs__link"
        href={hrefFor(page === 'queue' ? { screen: 'review' } : { screen: 'review', view: 'metrics' })}
        aria-current={page === current ? 'page' : undefined}
      >
        {label}
      </a>
    </li>
  );
  return (
    <nav className="review-tabs" aria-label={t('review.tabsLabel')}>
      <ul>
        {link('queue', t('review.queueTab'))}
        {link('metrics', t('review.metricsTab'))}
      </ul>
    </nav>
  );
}
