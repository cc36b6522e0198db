import { Fragment, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Passage } from '../../../shared/domain/document';

/** The element id of a passage, the target of `#/library/<doc>?passage=<id>` (citations, search hits). */
export const passageElementId = (passageId: string) => `passage-${passageId}`;

interface Props {
  passages: readonly Passage[];
  /** Show where each page starts (PDFs). */
  paged: boolean;
  highlight?: string;
}

export function PassageList({ passages, paged, highlight }: Props) {
  const { t } = useTranslation();

  useEffect(() => {
    if (!highlight) return;
    const target = document.getElementById(passageElementId(highlight));
    target?.scrollIntoView({ block: 'center' });
    target?.focus({ preventScroll: true });
  }, [highlight]);

  if (passages.length === 0) return <p className="muted">{t('document.noText')}</p>;

  return (
    <section className="passages" aria-label={t('document.textLabel')}>
      {passages.map((p, i) => (
        <Fragment key={p.id}>
          {paged && p.page !== passages[i - 1]?.page && (
            <h2 className="page-marker">{t('document.page', { page: p.page })}</h2>
          )}
          <p
            id={passageElementId(p.id)}
            data-passage-id={p.id}
            className={p.id === highlight ? 'passage passage--highlight' : 'passage'}
            tabIndex={p.id === highlight ? -1 : undefined}
          >
            {p.text}
          </p>
        </Fragment>
      ))}
    </section>
  );
}
