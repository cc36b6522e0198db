import {
  PDFButton,
  PDFCheckBox,
  PDFDropdown,
  PDFHexString,
  PDFName,
  PDFOptionList,
  PDFRadioGroup,
  PDFSignature,
  PDFString,
  PDFTextField,
} from 'pdf-lib';
import type { PDFDocument, PDFField } from 'pdf-lib';
import type { FieldType, FormField } from '../../../shared/domain/form';
import { choiceOptions, choiceValues } from './choices';
import { widgetPages } from './pages';

/** A rectangle in the page's default user space, normalized (width and height ≥ 0). */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A field as listed, with where its first widget sits (for the text printed around it). */
export interface ReadField {
  field: FormField;
  pageIndex?: number;
  rect?: Rect;
}

export function fieldType(field: PDFField): FieldType {
  if (field instanceof PDFTextField) return 'text';
  if (field instanceof PDFCheckBox) return 'checkbox';
  if (field instanceof PDFRadioGroup) return 'radio';
  if (field instanceof PDFDropdown) return 'dropdown';
  if (field instanceof PDFOptionList) return 'list';
  if (field instanceof PDFSignature) return 'signature';
  if (field instanceof PDFButton) return 'button';
  // pdf-lib only makes the classes above; this keeps a future one from passing as text.
  throw new Error(`unsupported field class ${field.constructor.name}`);
}

/** /TU, decoded (PDFDocEncoding or UTF-16 with a BOM); blank tooltips (a lone space is common) dropped. */
function tooltip(field: PDFField): string | undefined {
  const tu = field.acroField.dict.lookup(PDFName.of('TU'));
  if (!(tu instanceof PDFString || tu instanceof PDFHexString)) return undefined;
  const text = tu.decodeText().replace(/\s+/g, ' ').trim();
  return text || undefined;
}

function currentValue(field: PDFField): FormField['value'] {
  if (field instanceof PDFTextField) return field.getText() || undefined;
  if (field instanceof PDFCheckBox) return field.isChecked();
  if (field instanceof PDFRadioGroup) return field.getSelected();
  if (field instanceof PDFDropdown) return choiceValues(field).find(Boolean);
  if (field instanceof PDFOptionList) {
    const values = choiceValues(field).filter(Boolean);
    return field.isMultiselect() ? values : values[0];
  }
  return undefined;
}

function options(field: PDFField): string[] | undefined {
  if (field instanceof PDFRadioGroup) return [...new Set(field.getOptions())];
  if (field instanceof PDFDropdown || field instanceof PDFOptionList) {
    return [...new Set(choiceOptions(field).map((o) => o.value))];
  }
  return undefined;
}

function textProps(field: PDFField): Partial<FormField> {
  if (!(field instanceof PDFTextField)) return {};
  const maxLength = field.getMaxLength();
  return {
    ...(maxLength ? { maxLength } : {}),
    multiline: field.isMultiline(),
    ...(field.isCombed() ? { comb: true } : {}),
  };
}

const normalize = ({ x, y, width, height }: Rect): Rect => ({
  x: Math.min(x, x + width),
  y: Math.min(y, y + height),
  width: Math.abs(width),
  height: Math.abs(height),
});

/** Every terminal field as `FormField` (nearby text is added later, from pdfjs). */
export function readFields(doc: PDFDocument, fields: PDFField[]): ReadField[] {
  const pageOf = widgetPages(doc);
  return fields.map((field) => {
    const widgets = field.acroField.getWidgets();
    const placed = widgets.map((w) => ({ w, page: pageOf(w) })).find((p) => p.page !== undefined);
    const value = currentValue(field);
    const opts = options(field);
    const tip = tooltip(field);
    const formField: FormField = {
      name: field.getName(),
      type: fieldType(field),
      ...(opts ? { options: opts } : {}),
      ...(value !== undefined ? { value } : {}),
      ...(placed ? { page: placed.page! + 1 } : {}),
      readOnly: field.isReadOnly(),
      required: field.isRequired(),
      ...textProps(field),
      ...(tip ? { tooltip: tip } : {}),
      ...(field instanceof PDFOptionList ? { multiSelect: field.isMultiselect() } : {}),
    };
    return placed
      ? { field: formField, pageIndex: placed.page, rect: normalize(placed.w.getRectangle()) }
      : { field: formField };
  });
}
