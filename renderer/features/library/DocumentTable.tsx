import { useTranslation } from 'react-i18next';
import type { DocumentSummary } from '../../../shared/domain/document';
import { ClassificationChip } from '../../components/ClassificationChip';
import { useFormat } from '../../components/useFormat';
import { hrefFor } from '../../router/route';

/**
 * The documents with their 公文 particulars. Columns marked `col-minor` (type, size, passages)
 * give way first when the window is narrow (see styles.css).
 */
export function DocumentTable({ documents }: { documents: readonly DocumentSummary[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <table className="doc-table">
      <caption className="visually-hidden">{t('library.tableCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('library.colTitle')}</th>
          <th scope="col">{t('library.colDocType')}</th>
          <th scope="col">{t('library.colDocNumber')}</th>
          <th scope="col">{t('library.colIssuedDate')}</th>
          <th scope="col" className="col-minor">
            {t('library.colKind')}
          </th>
          <th scope="col" className="num col-minor">
            {t('library.colSize')}
          </th>
          <th scope="col">{t('library.colImported')}</th>
          <th scope="col" className="num col-minor">
            {t('library.colPassages')}
          </th>
        </tr>
      </thead>
      <tbody>
        {documents.map((doc) => (
          <tr key={doc.id}>
            <th scope="row" className="doc-table__title">
              <a href={hrefFor({ screen: 'library', docId: doc.id })}>{doc.title || doc.fileName}</a>
              {(doc.meta.classification || !doc.textLayer) && (
                <span className="doc-table__marks">
                  {doc.meta.classification && <ClassificationChip value={doc.meta.classification} />}
                  {!doc.textLayer && (
                    <span className="tag tag--ocr" title={t('library.noTextLayerHint')}>
                      {t('library.noTextLayer')}
                    </span>
                  )}
                </span>
              )}
              <span className="doc-table__file">{doc.fileName}</span>
            </th>
            <td>{doc.meta.docType ?? <NotStated />}</td>
            <td className="doc-table__number">{doc.meta.docNumber ?? <NotStated />}</td>
            <td>{doc.meta.issuedDate ? format.date(doc.meta.issuedDate) : <NotStated />}</td>
            <td className="col-minor">{t(`kind.${doc.kind}`)}</td>
            <td className="num col-minor">{format.bytes(doc.sizeBytes)}</td>
            <td>{format.dateTime(doc.importedAt)}</td>
            <td className="num col-minor">{format.number(doc.passageCount)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A dash for what the document does not say; screen readers hear "none" rather than "dash". */
function NotStated() {
  const { t } = useTranslation();
  return (
    <>
      <span className="not-stated" aria-hidden="true">
        —
      </span>
      <span className="visually-hidden">{t('common.none')}</span>
    </>
  );
}
