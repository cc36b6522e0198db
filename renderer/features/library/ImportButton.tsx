import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { visibleFiles } from './folderFiles';
import type { FileSource } from './useImport';

const ACCEPT = '.txt,.md,.markdown,.pdf,.docx';

interface Props {
  onFiles: (files: FileSource, from: 'files' | 'folder') => void;
  disabled: boolean;
}

/**
 * Real buttons open the native pickers. The file inputs are hidden from sight, the tab order and
 * the accessibility tree (so only one button of each name exists there), but keep their labels so
 * automation can find them (`getByLabel`, `setInputFiles`).
 */
export function ImportButton({ onFiles, disabled }: Props) {
  const { t } = useTranslation();
  const files = useRef<HTMLInputElement>(null);
  const folder = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        className="button button--primary"
        onClick={() => files.current?.click()}
        disabled={disabled}
      >
        {t('import.button')}
      </button>
      <button type="button" className="button" onClick={() => folder.current?.click()} disabled={disabled}>
        {t('import.folderButton')}
      </button>
      <input
        ref={files}
        type="file"
        multiple
        accept={ACCEPT}
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        aria-label={t('import.button')}
        onChange={(e) => {
          onFiles([...(e.target.files ?? [])], 'files');
          // Choosing the same file again must fire `change` again.
          e.target.value = '';
        }}
      />
      <input
        ref={folder}
        type="file"
        multiple
        webkitdirectory=""
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        aria-label={t('import.folderButton')}
        onChange={(e) => {
          onFiles(visibleFiles([...(e.target.files ?? [])]), 'folder');
          e.target.value = '';
        }}
      />
    </>
  );
}
