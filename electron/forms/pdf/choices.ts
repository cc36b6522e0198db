import { PDFHexString, PDFName, PDFOptionList } from 'pdf-lib';
import type { PDFDropdown, PDFForm } from 'pdf-lib';

/** One choice of a dropdown or list: the export value (what /V holds) and the text shown. */
export interface ChoiceOption {
  value: string;
  display: string;
}

/**
 * The /Opt entries. pdf-lib's `getOptions()` returns the display texts, but /V holds export values
 * (resetform.pdf: value "a", shown as "A"), so the pairs are read from the field itself.
 */
export function choiceOptions(field: PDFDropdown | PDFOptionList): ChoiceOption[] {
  return field.acroField.getOptions().map(({ value, display }) => {
    const v = value.decodeText();
    return { value: v, display: display?.decodeText() ?? v };
  });
}

/** The selected export values (/V), in file order. */
export function choiceValues(field: PDFDropdown | PDFOptionList): string[] {
  return field.acroField.getValues().map((v) => v.decodeText());
}

/**
 * Sets /V to export values and a list's /I to their option indices. pdf-lib's `select` compares
 * with the display texts (and turns on free editing when they differ from the export values) and
 * sorts /I as strings, so the entries are written here. A widget's own /I wins over /V in pdfjs
 * and Acrobat (fancy_fields.pdf has stale ones on its dropdown's widgets): they are removed.
 */
export function setChoice(form: PDFForm, field: PDFDropdown | PDFOptionList, values: string[]): void {
  const dict = field.acroField.dict;
  const strings = values.map((v) => PDFHexString.fromText(v));
  if (!strings.length) dict.delete(PDFName.of('V'));
  else dict.set(PDFName.of('V'), strings.length === 1 ? strings[0]! : form.doc.context.obj(strings));
  const options = choiceOptions(field).map((o) => o.value);
  const indices = values.map((v) => options.indexOf(v)).sort((a, b) => a - b);
  if (field instanceof PDFOptionList && indices.length && !indices.includes(-1)) {
    dict.set(PDFName.of('I'), form.doc.context.obj(indices));
  } else dict.delete(PDFName.of('I'));
  for (const widget of field.acroField.getWidgets()) if (widget.dict !== dict) widget.dict.delete(PDFName.of('I'));
  form.markFieldAsDirty(field.ref);
}
