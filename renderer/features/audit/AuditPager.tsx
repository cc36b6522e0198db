import { useTranslation } from 'react-i18next';
import { useFormat } from '../../components/useFormat';

interface Props {
  offset: number;
  shown: number;
  total: number;
  pageSize: number;
  busy: boolean;
  onOffset: (offset: number) => void;
}

/** Which entries are shown of how many, with the previous and next pages. */
export function AuditPager({ offset, shown, total, pageSize, busy, onOffset }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <nav className="audit-pager" aria-label={t('audit.pagerLabel')}>
      <button
        type="button"
        className="button"
        disabled={busy || offset === 0}
        onClick={() => onOffset(Math.max(0, offset - pageSize))}
      >
        {t('audit.prev')}
      </button>
      <span role="status">
        {t('audit.range', {
          from: format.number(shown === 0 ? 0 : offset + 1),
          to: format.number(offset + shown),
          total: format.number(total),
        })}
      </span>
      <button
        type="button"
        className="button"
        disabled={busy || offset + shown >= total}
        onClick={() => onOffset(offset + pageSize)}
      >
        {t('audit.next')}
      </button>
    </nav>
  );
}
