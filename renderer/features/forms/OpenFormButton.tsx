import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/errors';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { OpenBusy } from './useOpenForm';

interface Props {
  busy: OpenBusy | undefined;
  error: AppError | undefined;
  onFile: (file: File) => void;
}

/** 打开表格: a PDF form or a Word template chosen from disk, read into bytes; what happened, and why not. */
export function OpenFormButton({ busy, error, onFile }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);

  let status = '';
  if (busy?.kind === 'open') status = t('forms.opening', { file: busy.file });
  else if (busy?.kind === 'get') status = t('forms.reopening', { title: busy.title });

  return (
    <div className="form-open">
      <div className="form-open__row">
        <button
          type="button"
          className="button button--primary"
          disabled={busy !== undefined}
          aria-describedby={`${id}-hint`}
          onClick={() => input.current?.click()}
        >
          {t('forms.open')}
        </button>
        {/* Hidden like the Library's: the button above is the one keyboard and screen readers reach. */}
        <input
          ref={input}
          type="file"
          accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          className="visually-hidden"
          tabIndex={-1}
          aria-hidden="true"
          aria-label={t('forms.open')}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) onFile(file);
            // Choosing the same file again must fire `change` again.
            e.target.value = '';
          }}
        />
        <span className="field__hint" role="status">
          {status}
        </span>
      </div>
      <p id={`${id}-hint`} className="field__hint">
        {t('forms.openHint')}
      </p>
      {error && <ErrorNotice title={t('forms.openFailed')} error={error} />}
    </div>
  );
}
