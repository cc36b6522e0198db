/**
 * Files of a folder, picked (<input webkitdirectory>) or dropped (DataTransferItem entries, read
 * recursively). Hidden files and folders (.git, .DS_Store …) are left out, as a file manager
 * would not show them either; everything else goes to main, which says why it rejects a file.
 */

export const isHiddenName = (name: string) => name.startsWith('.');
const isHiddenPath = (path: string) => path.split('/').some(isHiddenName);

/** A file the browser listed but will not give us: reading it fails, so it is reported, not lost. */
class UnreadableFile extends File {
  constructor(name: string) {
    super([], name);
  }

  override arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.reject(new Error(`cannot read ${this.name}`));
  }
}

const pathOf = (file: File) => file.webkitRelativePath || file.name;
const byName = (a: string, b: string) => a.localeCompare(b, 'zh-CN', { numeric: true });

/**
 * The files of a picked folder that are not hidden (by name or by a hidden folder on their path),
 * in path order (browsers list them in no particular order).
 */
export const visibleFiles = (files: readonly File[]): File[] =>
  files.filter((f) => !isHiddenPath(pathOf(f))).sort((a, b) => byName(pathOf(a), pathOf(b)));

/**
 * The dropped entries when the drop holds at least one folder (else the plain file list does).
 * Must be called while the drop event is dispatched: the items are emptied afterwards.
 */
export function droppedFolderEntries(dataTransfer: DataTransfer): FileSystemEntry[] | undefined {
  const items = dataTransfer.items ? [...dataTransfer.items].filter((item) => item.kind === 'file') : [];
  const entries = items.map((item) => (typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null));
  if (entries.length === 0 || entries.some((e) => e === null)) return undefined;
  const found = entries as FileSystemEntry[];
  return found.some((e) => e.isDirectory) ? found : undefined;
}

const fileOf = (entry: FileSystemFileEntry) =>
  new Promise<File>((resolve) => entry.file(resolve, () => resolve(new UnreadableFile(entry.name))));

/** readEntries answers in chunks (100 in Chromium) until it returns none. */
async function childrenOf(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[] | undefined> {
  const reader = dir.createReader();
  const all: FileSystemEntry[] = [];
  for (;;) {
    const chunk = await new Promise<FileSystemEntry[] | undefined>((resolve) =>
      reader.readEntries(resolve, () => resolve(undefined)),
    );
    if (chunk === undefined) return undefined;
    if (chunk.length === 0) break;
    all.push(...chunk);
  }
  return all.sort((a, b) => byName(a.name, b.name));
}

/** Every visible file under the entries, folder by folder in name order. */
export async function filesOfEntries(entries: readonly FileSystemEntry[]): Promise<File[]> {
  const files: File[] = [];
  const visit = async (entry: FileSystemEntry): Promise<void> => {
    if (isHiddenName(entry.name)) return;
    if (entry.isFile) {
      files.push(await fileOf(entry as FileSystemFileEntry));
    } else if (entry.isDirectory) {
      const children = await childrenOf(entry as FileSystemDirectoryEntry);
      if (children === undefined) files.push(new UnreadableFile(entry.name));
      else for (const child of children) await visit(child);
    }
  };
  for (const entry of entries) await visit(entry);
  return files;
}
