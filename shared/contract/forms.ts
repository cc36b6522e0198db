import { z } from 'zod';
import { DocumentId } from '../domain/document';
import { DraftDetail, DraftId } from '../domain/draft';
import { FormDetail, FormFill, FormProfile, FormSummary } from '../domain/form';

const RequestId = z.string().min(1).max(64);
const FormId = z.string().regex(/^[0-9a-f]{64}$/);

export const formCalls = {
  /** Forms kept in the store, most recently used first. */
  'forms:list': { input: z.object({}).strict(), output: z.array(FormSummary) },
  /** A PDF AcroForm or DOCX template chosen by the user (bytes, never a path): kept, its fields and profile. */
  'forms:open': {
    input: z.object({ name: z.string().min(1).max(255), bytes: z.instanceof(Uint8Array) }).strict(),
    output: FormDetail,
  },
  'forms:get': { input: z.object({ id: FormId }).strict(), output: FormDetail },
  /** The user's corrections of labels and validation types: saved for the next use of this form. */
  'forms:saveProfile': { input: z.object({ profile: FormProfile }).strict(), output: FormDetail },
  /**
   * Proposes each field's value from the source documents (endpoint, or offline patterns), each
   * with its evidence, checked: a draft awaiting review (kind 'form') and its proposals. Streams
   * the model's answer as `model:delta` with requestId.
   */
  'forms:fill': {
    input: z
      .object({
        requestId: RequestId,
        id: FormId,
        documentIds: z.array(DocumentId).min(1).max(20),
      })
      .strict(),
    output: z.object({ draft: DraftDetail, fill: FormFill }),
  },
  /** The proposals (evidence and problems) of a form draft. */
  'forms:fillOf': { input: z.object({ id: DraftId }).strict(), output: FormFill },
} as const;
