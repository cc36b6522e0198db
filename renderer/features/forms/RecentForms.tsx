import { useTranslation } from 'react-i18next';
import type { FormSummary } from '../../../shared/domain/form';
import { useFormat } from '../../components/useFormat';

interface Props {
  forms: FormSummary[];
  /** The form on screen. */
  currentId: string | undefined;
  disabled: boolean;
  onOpen: (form: FormSummary) => void;
}

/** Forms kept from earlier, most recently used first: one button opens each again with its saved settings. */
export function RecentForms({ forms, currentId, disabled, onOpen }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <ul className="form-list" aria-label={t('forms.recentLabel')}>
      {forms.map((form) => {
        const current = form.id === currentId;
        const title = form.title || form.fileName;
        return (
          <li key={form.id} className={current ? 'form-list__item form-list__item--current' : 'form-list__item'}>
            <div className="form-list__text">
              <p className="form-list__title">
                {title}
                <span className="tag tag--plain">{t(`forms.kinds.${form.kind}`)}</span>
                {form.xfa && <span className="tag tag--plain">{t('forms.xfaTag')}</span>}
              </p>
              <p className="field__hint">
                {t('forms.listFacts', {
                  file: form.fileName,
                  n: format.number(form.fieldCount),
                  time: format.dateTime(form.updatedAt),
                })}
              </p>
            </div>
            {current ? (
              <span className="form-list__current">{t('forms.current')}</span>
            ) : (
              <button
                type="button"
                className="button button--small"
                disabled={disabled}
                aria-label={t('forms.reopenLabel', { title })}
                onClick={() => onOpen(form)}
              >
                {t('forms.reopen')}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
