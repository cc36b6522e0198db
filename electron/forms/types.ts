import type { FormField } from '../../shared/domain/form';

/** A value for one field: text, a checkbox state, a choice, or several choices of a multi-select list. */
export type FillValue = string | boolean | string[];

/** What happened while filling that the user must be told. */
export type FillNote =
  | { kind: 'xfa_removed' } // a hybrid XFA form: filled through its AcroForm, the XFA removed
  | { kind: 'flattened' };

export interface FillOptions {
  /** PDF: turn the fields into page content (no longer editable). */
  flatten?: boolean;
}

/**
 * One form format. Both engines work on bytes (no paths): `fields` lists what can be filled;
 * `fill` writes the values, refusing an unknown field name (`form_unknown_field`) or a value of
 * the wrong type (`form_bad_value`), and leaves every other field as it was.
 */
export interface FormEngine {
  fields(bytes: Uint8Array, fileName: string): Promise<FormField[]>;
  fill(
    bytes: Uint8Array,
    fileName: string,
    values: Readonly<Record<string, FillValue>>,
    options?: FillOptions,
  ): Promise<{ bytes: Uint8Array; notes: FillNote[] }>;
}
