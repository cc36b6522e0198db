import { useRef, useState } from 'react';
import type { DragEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { droppedFolderEntries, filesOfEntries } from './folderFiles';
import type { FileSource } from './useImport';

const carriesFiles = (e: DragEvent) => e.dataTransfer.types.includes('Files');

interface Props {
  onFiles: (files: FileSource, from: 'files' | 'folder') => void;
  children: ReactNode;
}

/**
 * Files and folders dragged anywhere onto the Library are imported (the import buttons are the
 * keyboard path). A folder is read recursively, hidden files left out.
 */
export function DropZone({ onFiles, children }: Props) {
  const { t } = useTranslation();
  const [over, setOver] = useState(false);
  // dragenter/dragleave also fire for every child crossed, so count them.
  const depth = useRef(0);

  const onDragEnter = (e: DragEvent) => {
    if (!carriesFiles(e)) return;
    e.preventDefault();
    depth.current++;
    setOver(true);
  };
  const onDragOver = (e: DragEvent) => {
    if (!carriesFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  };
  const onDragLeave = (e: DragEvent) => {
    if (!carriesFiles(e)) return;
    depth.current = Math.max(0, depth.current - 1);
    if (depth.current === 0) setOver(false);
  };
  const onDrop = (e: DragEvent) => {
    if (!carriesFiles(e)) return;
    e.preventDefault();
    depth.current = 0;
    setOver(false);
    const folders = droppedFolderEntries(e.dataTransfer);
    if (folders) onFiles(filesOfEntries(folders), 'folder');
    else onFiles([...e.dataTransfer.files], 'files');
  };

  return (
    <div
      className={over ? 'drop-zone drop-zone--over' : 'drop-zone'}
      onDragEnter={onDragEnter}
      onDragOver={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
    >
      {children}
      {over && (
        <div className="drop-zone__overlay" aria-hidden="true">
          <p>{t('library.dropHint')}</p>
        </div>
      )}
    </div>
  );
}
