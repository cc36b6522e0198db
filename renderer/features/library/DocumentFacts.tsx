import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentDetail } from '../../../shared/domain/document';
import { ClassificationChip } from '../../components/ClassificationChip';
import { useFormat } from '../../components/useFormat';

/** Enough of the hash to tell documents apart; the full value is in the tooltip. */
const SHORT_HASH = 12;

/** The document's own particulars (文号, 发文机关 …) where known, then the file's. */
export function DocumentFacts({ doc }: { doc: DocumentDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { meta } = doc;
  return (
    <dl className="facts facts--document">
      {meta.classification && (
        <Fact term={t('document.classification')}>
          <ClassificationChip value={meta.classification} />
        </Fact>
      )}
      {meta.docType && <Fact term={t('document.docType')}>{meta.docType}</Fact>}
      {meta.docNumber && <Fact term={t('document.docNumber')}>{meta.docNumber}</Fact>}
      {meta.issuer && <Fact term={t('document.issuer')}>{meta.issuer}</Fact>}
      {meta.issuedDate && <Fact term={t('document.issuedDate')}>{format.date(meta.issuedDate)}</Fact>}
      {meta.tags.length > 0 && (
        <Fact term={t('document.tags')}>
          <ul className="tag-list" aria-label={t('document.tags')}>
            {meta.tags.map((tag) => (
              <li key={tag} className="tag tag--plain">
                {tag}
              </li>
            ))}
          </ul>
        </Fact>
      )}
      <Fact term={t('document.fileName')}>
        <span className="path">{doc.fileName}</span>
      </Fact>
      <Fact term={t('document.kind')}>{t(`kind.${doc.kind}`)}</Fact>
      <Fact term={t('document.size')}>{format.bytes(doc.sizeBytes)}</Fact>
      <Fact term={t('document.encoding')}>{doc.encoding ?? t('common.none')}</Fact>
      <Fact term={t('document.sha256')}>
        <code title={doc.sha256}>{doc.sha256.slice(0, SHORT_HASH)}</code>
      </Fact>
      <Fact term={t('document.imported')}>{format.dateTime(doc.importedAt)}</Fact>
      {doc.pageCount > 0 && <Fact term={t('document.pages')}>{format.number(doc.pageCount)}</Fact>}
      <Fact term={t('document.passages')}>{format.number(doc.passageCount)}</Fact>
      <Fact term={t('document.chars')}>{format.number(doc.charCount)}</Fact>
    </dl>
  );
}

/** One term and its value; the wrapping div is valid inside <dl> and keeps the pair together. */
function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="fact">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
