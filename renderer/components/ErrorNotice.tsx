import { useTranslation } from 'react-i18next';
import type { ErrorParams } from '../../shared/errors';
import { useErrorText } from './useErrorText';

interface Props {
  /** What failed, in the user's words ("the document list could not be loaded"). */
  title: string;
  error: { code: string; params?: ErrorParams };
  onRetry?: () => void;
}

export function ErrorNotice({ title, error, onRetry }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  return (
    <div className="notice notice--error" role="alert">
      <p className="notice__title">{title}</p>
      <p>{errorText(error)}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
