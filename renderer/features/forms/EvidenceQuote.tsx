import { useTranslation } from 'react-i18next';
import type { Evidence } from '../../../shared/domain/form';
import { hrefFor } from '../../router/route';
import { usePlace } from '../summarize/Citation';

interface Props {
  evidence: Evidence;
  /** The proposed value: marked where the quote holds it. */
  value: string;
  /** The document's title, when the draft draws on several (the link then names it). */
  title: string | undefined;
}

/** The quote a value rests on, the value marked in it, and a link to its passage in the Library. */
export function EvidenceQuote({ evidence, value, title }: Props) {
  const { t } = useTranslation();
  const place = usePlace()(evidence) || t('formCheck.passage');
  const at = value === '' ? -1 : evidence.quote.indexOf(value);
  return (
    <div className="form-check__evidence">
      <blockquote className="form-check__quote">
        {at < 0 ? (
          evidence.quote
        ) : (
          <>
            {evidence.quote.slice(0, at)}
            <mark>{value}</mark>
            {evidence.quote.slice(at + value.length)}
          </>
        )}
      </blockquote>
      <a
        className="cite"
        href={hrefFor({ screen: 'library', docId: evidence.documentId, passage: evidence.passageId })}
        title={title ? t('summaryCheck.citationIn', { title, place }) : undefined}
        aria-label={title ? t('summaryCheck.citationIn', { title, place }) : undefined}
      >
        {place}
      </a>
    </div>
  );
}
