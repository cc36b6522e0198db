import { useTranslation } from 'react-i18next';
import type { CitedPassage } from '../../../shared/domain/summary';
import { hrefFor } from '../../router/route';

/** "第3页·第2段": where a passage is (paragraphs count from 1 on screen, from 0 in the store). */
export function usePlace() {
  const { t } = useTranslation();
  return (p: { page?: number; paragraph?: number }) =>
    p.page === undefined || p.paragraph === undefined
      ? ''
      : t('summaryCheck.place', { page: p.page, paragraph: p.paragraph + 1 });
}

interface Props {
  label: string;
  passage: CitedPassage | undefined;
  /** The summary draws on several documents: the link names its document too. */
  named: boolean;
}

/**
 * A citation marker as a link to the passage in the Library; a label that names no passage
 * stays visible as a broken marker, so the reader sees the claim has no valid source.
 */
export function Citation({ label, passage, named }: Props) {
  const { t } = useTranslation();
  const place = usePlace();
  if (!passage) {
    const broken = t('summaryCheck.citationBroken', { label });
    return (
      <span className="cite cite--broken" title={broken}>
        <span aria-hidden="true">[{label}]</span>
        <span className="visually-hidden">{broken}</span>
      </span>
    );
  }
  const where = place(passage);
  const full = t('summaryCheck.citationIn', { title: passage.title, place: where });
  return (
    <a
      className="cite"
      href={hrefFor({ screen: 'library', docId: passage.documentId, passage: passage.passageId })}
      title={full}
      aria-label={named ? full : undefined}
    >
      {where}
    </a>
  );
}
