import { useTranslation } from 'react-i18next';
import type { FormDetail } from '../../../shared/domain/form';
import { useFormat } from '../../components/useFormat';

/** The open form: its title, file, kind and number of fields, and what happens to an XFA form. */
export function FormFacts({ detail, titleId }: { detail: FormDetail; titleId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { form } = detail;
  return (
    <>
      <h2 id={titleId}>{form.title || form.fileName}</h2>
      <dl className="facts form-facts">
        <dt>{t('forms.file')}</dt>
        <dd>{form.fileName}</dd>
        <dt>{t('forms.kind')}</dt>
        <dd>{t(`forms.kinds.${form.kind}`)}</dd>
        <dt>{t('forms.fields')}</dt>
        <dd>{t('forms.fieldCount', { n: format.number(form.fieldCount) })}</dd>
      </dl>
      {form.xfa && <p className="notice notice--info">{t('forms.xfaNote')}</p>}
    </>
  );
}
