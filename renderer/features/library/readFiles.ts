import type { CallInput } from '../../../shared/contract';
import type { ImportOutcome } from '../../../shared/domain/document';

type ImportFile = CallInput<'documents:import'>['files'][number];

const MAX_GROUP_FILES = 50;
const MAX_GROUP_BYTES = 64 * 1024 * 1024;

/**
 * Splits a selection into import calls: each stays far under the contract's 500 files, and only
 * one group's bytes are in memory (and in one IPC or HTTP message) at a time.
 */
export function groupFiles(files: readonly File[]): File[][] {
  const groups: File[][] = [];
  let group: File[] = [];
  let bytes = 0;
  for (const file of files) {
    if (group.length > 0 && (group.length >= MAX_GROUP_FILES || bytes + file.size > MAX_GROUP_BYTES)) {
      groups.push(group);
      group = [];
      bytes = 0;
    }
    group.push(file);
    bytes += file.size;
  }
  if (group.length > 0) groups.push(group);
  return groups;
}

/** Reads each file's bytes; one that cannot be read (e.g. a dropped folder) becomes a rejection. */
export async function readFiles(
  files: readonly File[],
): Promise<{ readable: ImportFile[]; unreadable: ImportOutcome[] }> {
  const readable: ImportFile[] = [];
  const unreadable: ImportOutcome[] = [];
  for (const file of files) {
    try {
      readable.push({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    } catch {
      unreadable.push({
        file: file.name,
        status: 'rejected',
        reason: { code: 'file_unreadable', message: `cannot read ${file.name}`, params: { file: file.name } },
      });
    }
  }
  return { readable, unreadable };
}
