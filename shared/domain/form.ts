import { z } from 'zod';

/**
 * Forms: a PDF AcroForm or a DOCX template, its fields as a person sees them (the profile), and
 * values proposed from source documents, each with the evidence it rests on.
 */

export const FormKind = z.enum(['pdf', 'docx']);
export type FormKind = z.infer<typeof FormKind>;

export const FieldType = z.enum(['text', 'checkbox', 'radio', 'dropdown', 'list', 'signature', 'button']);
export type FieldType = z.infer<typeof FieldType>;

/** One field as the file defines it (`wenshu form fields FILE --json` prints these). */
export const FormField = z.object({
  /** Fully qualified name (PDF: parent.child; DOCX: the placeholder or content-control tag). */
  name: z.string(),
  type: FieldType,
  /** Choices of a radio group, dropdown or list (export values). */
  options: z.array(z.string()).optional(),
  /** The value the file holds now ('On'/'Off' style for a checkbox: see `checked`). */
  value: z.union([z.string(), z.array(z.string()), z.boolean()]).optional(),
  /** 1-based page of the (first) widget. */
  page: z.number().int().positive().optional(),
  readOnly: z.boolean(),
  required: z.boolean(),
  maxLength: z.number().int().positive().optional(),
  /** PDF: multiline and comb text fields; DOCX: where the field came from. */
  multiline: z.boolean().optional(),
  comb: z.boolean().optional(),
  /** The file's own description: PDF /TU tooltip, DOCX content-control alias. */
  tooltip: z.string().optional(),
  /** Text printed next to the field on the page (PDF) or before the placeholder (DOCX). */
  nearbyText: z.string().optional(),
  /** Multi-select list. */
  multiSelect: z.boolean().optional(),
});
export type FormField = z.infer<typeof FormField>;

/** What a value must look like, checked before review (the reviewer sees every failure). */
export const ValidationType = z.enum(['none', 'id_number', 'credit_code', 'phone', 'date', 'amount', 'choice']);
export type ValidationType = z.infer<typeof ValidationType>;

export const ProfileField = z.object({
  name: z.string(),
  /** What a person calls it: from the tooltip, nearby text or the placeholder name; editable. */
  label: z.string().max(200),
  type: FieldType,
  validation: ValidationType,
  options: z.array(z.string()).optional(),
  readOnly: z.boolean(),
  required: z.boolean(),
  maxLength: z.number().int().positive().optional(),
  /** Left out of AI fill (signatures, buttons, read-only fields, or the user's choice). */
  skip: z.boolean(),
});
export type ProfileField = z.infer<typeof ProfileField>;

/** A form's profile, saved per form (by its content hash), so the second use is instant; shareable as JSON. */
export const FormProfile = z.object({
  version: z.literal(1),
  /** SHA-256 of the form file. */
  formHash: z.string().regex(/^[0-9a-f]{64}$/),
  kind: FormKind,
  title: z.string().max(200),
  fields: z.array(ProfileField),
});
export type FormProfile = z.infer<typeof FormProfile>;

/** Where a proposed value comes from: a verbatim quote of a passage. */
export const Evidence = z.object({
  documentId: z.string(),
  passageId: z.string(),
  page: z.number().int().positive().optional(),
  paragraph: z.number().int().nonnegative().optional(),
  quote: z.string(),
});
export type Evidence = z.infer<typeof Evidence>;

/** Why a proposed value was not taken as it came. */
export const FieldProblem = z.enum([
  'no_evidence', // the model (or the patterns) found nothing: left empty
  'quote_not_found', // the quote is not in the cited passage (an invented quote)
  'value_not_in_quote', // the value does not agree with its quote
  'invalid', // the value fails its validation type (ID checksum, credit code, date …)
  'not_an_option', // not one of the field's choices
  'too_long', // over the field's maxLength
]);
export type FieldProblem = z.infer<typeof FieldProblem>;

export const ProposedValue = z.object({
  name: z.string(),
  /** '' when nothing was found or the value was refused. */
  value: z.string(),
  evidence: Evidence.nullable(),
  problems: z.array(FieldProblem),
  /** Who proposed it. */
  source: z.enum(['model', 'pattern', 'person']),
  /**
   * A proposal refused for its evidence (an invented quote): shown to the reviewer as what was
   * claimed, never filled in.
   */
  rejected: z.object({ value: z.string(), quote: z.string() }).optional(),
});
export type ProposedValue = z.infer<typeof ProposedValue>;

/** A form kept in the store (its bytes are kept too, to fill and export later). */
export const FormSummary = z.object({
  /** SHA-256 of the file: the same form imported twice is one form. */
  id: z.string().regex(/^[0-9a-f]{64}$/),
  kind: FormKind,
  fileName: z.string(),
  title: z.string(),
  fieldCount: z.number().int().nonnegative(),
  /** A hybrid PDF with XFA: filled through its AcroForm, the XFA removed on export. */
  xfa: z.boolean(),
  updatedAt: z.iso.datetime(),
});
export type FormSummary = z.infer<typeof FormSummary>;

export const FormDetail = z.object({
  form: FormSummary,
  fields: z.array(FormField),
  profile: FormProfile,
});
export type FormDetail = z.infer<typeof FormDetail>;

/** The proposals of a form draft: what each field's value rests on, kept beside the draft. */
export const FormFill = z.object({
  formId: z.string(),
  proposals: z.array(ProposedValue),
});
export type FormFill = z.infer<typeof FormFill>;
