import { useRef } from 'react';
import { useTranslation } from 'react-i18next';

const ACCEPT = '.txt,.md,.markdown,.pdf,.docx';

/**
 * A real button opens the native picker. The file input is hidden from sight, the tab order and
 * the accessibility tree (so only one "Import files" button exists there), but keeps its label so
 * automation can find it (`getByLabel`, `setInputFiles`).
 */
export function ImportButton({ onFiles, disabled }: { onFiles: (files: File[]) => void; disabled: boolean }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className="button button--primary" onClick={() => input.current?.click()} disabled={disabled}>
        {t('import.button')}
      </button>
      <input
        ref={input}
        type="file"
        multiple
        accept={ACCEPT}
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        aria-label={t('import.button')}
        onChange={(e) => {
          onFiles([...(e.target.files ?? [])]);
          // Choosing the same file again must fire `change` again.
          e.target.value = '';
        }}
      />
    </>
  );
}
