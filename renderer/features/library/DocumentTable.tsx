import { useTranslation } from 'react-i18next';
import type { DocumentSummary } from '../../../shared/domain/document';
import { useFormat } from '../../components/useFormat';
import { hrefFor } from '../../router/route';

export function DocumentTable({ documents }: { documents: readonly DocumentSummary[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <table className="doc-table">
      <caption className="visually-hidden">{t('library.tableCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('library.colTitle')}</th>
          <th scope="col">{t('library.colKind')}</th>
          <th scope="col" className="num">
            {t('library.colSize')}
          </th>
          <th scope="col">{t('library.colImported')}</th>
          <th scope="col" className="num">
            {t('library.colPassages')}
          </th>
        </tr>
      </thead>
      <tbody>
        {documents.map((doc) => (
          <tr key={doc.id}>
            <th scope="row">
              <a href={hrefFor({ screen: 'library', docId: doc.id })}>{doc.title || doc.fileName}</a>
              {doc.meta.classification && (
                <span className="tag tag--classified">{t(`classification.${doc.meta.classification}`)}</span>
              )}
              <span className="doc-table__file">{doc.fileName}</span>
            </th>
            <td>{t(`kind.${doc.kind}`)}</td>
            <td className="num">{format.bytes(doc.sizeBytes)}</td>
            <td>{format.dateTime(doc.importedAt)}</td>
            <td className="num">{format.number(doc.passageCount)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
