import type { FormKind } from '../../shared/domain/form';
import { AppError } from '../../shared/errors';

/** What a form file is, from its bytes first (a renamed file is still what it is), then its name. */
export function formKindOf(name: string, bytes: Uint8Array): FormKind {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return 'pdf';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && /\.(docx|dotx|docm)$/i.test(name)) return 'docx';
  throw new AppError('form_unreadable', `${name}: not a PDF form or a DOCX template`, {
    file: name,
    detail: 'not a PDF or DOCX file',
  });
}
