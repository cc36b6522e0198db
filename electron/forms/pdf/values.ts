import {
  PDFButton,
  PDFCheckBox,
  PDFDropdown,
  PDFName,
  PDFOptionList,
  PDFRadioGroup,
  PDFSignature,
  PDFTextField,
} from 'pdf-lib';
import type { PDFField, PDFForm } from 'pdf-lib';
import { AppError } from '../../../shared/errors';
import type { FillValue } from '../types';
import { choiceOptions, setChoice } from './choices';

/** Applies a checked value to its field; made only after every value of a fill has been checked. */
export type Setter = () => void;

const bad = (field: string, detail: string) => new AppError('form_bad_value', `${field}: ${detail}`, { field, detail });

function describe(value: FillValue): string {
  if (typeof value === 'boolean') return `the boolean ${value}`;
  if (Array.isArray(value)) return `a list of ${value.length} value(s)`;
  return `"${value.length > 40 ? `${value.slice(0, 39)}…` : value}"`;
}

const listOf = (options: string[]) =>
  options
    .slice(0, 10)
    .map((o) => `"${o}"`)
    .join(', ') + (options.length > 10 ? `, … (${options.length} in all)` : '');

const CHECKED = new Map<string, boolean>([
  ['true', true],
  ['false', false],
  ['on', true],
  ['off', false],
  ['yes', true],
  ['no', false],
  ['是', true],
  ['否', false],
]);

/**
 * The state a check box value asks for: true/false or a yes/no word (是/否, On/Off, true/false),
 * or one of the box's own on-values ("1", "Yes"), which picks that widget of a box whose widgets
 * have different ones. Undefined for anything else.
 */
function checkState(box: PDFCheckBox, value: FillValue): boolean | PDFName | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string') return undefined;
  const word = CHECKED.get(value.trim().toLowerCase());
  if (word !== undefined) return word;
  return box.acroField
    .getWidgets()
    .find((w) => w.getOnValue()?.decodeText() === value)
    ?.getOnValue();
}

/** Export value for a choice typed as its export value or its display text; undefined if neither. */
function exportValue(field: PDFDropdown | PDFOptionList, choice: string): string | undefined {
  const options = choiceOptions(field);
  return (options.find((o) => o.value === choice) ?? options.find((o) => o.display === choice))?.value;
}

function textSetter(field: PDFTextField, name: string, value: FillValue): Setter {
  if (typeof value !== 'string') throw bad(name, `a text field takes text, not ${describe(value)}`);
  const max = field.getMaxLength();
  if (max !== undefined && value.length > max) {
    throw bad(name, `${describe(value)} has ${value.length} characters; the field allows at most ${max}`);
  }
  return () => field.setText(value || undefined);
}

function checkBoxSetter(form: PDFForm, field: PDFCheckBox, name: string, value: FillValue): Setter {
  const state = checkState(field, value);
  if (state === undefined) {
    throw bad(name, `a check box takes true or false (or "是"/"否", "On"/"Off"), not ${describe(value)}`);
  }
  if (state instanceof PDFName) {
    return () => {
      field.acroField.setValue(state);
      form.markFieldAsDirty(field.ref);
    };
  }
  return () => (state ? field.check() : field.uncheck());
}

function radioSetter(field: PDFRadioGroup, name: string, value: FillValue): Setter {
  if (typeof value !== 'string') throw bad(name, `a radio group takes one option, not ${describe(value)}`);
  if (value === '') return () => field.clear();
  const options = [...new Set(field.getOptions())];
  if (!options.includes(value)) throw bad(name, `${describe(value)} is not one of the options ${listOf(options)}`);
  return () => field.select(value);
}

function dropdownSetter(form: PDFForm, field: PDFDropdown, name: string, value: FillValue): Setter {
  if (typeof value !== 'string') throw bad(name, `a dropdown takes one option, not ${describe(value)}`);
  // An editable combo box (Edit flag) takes any text as well as its options.
  const choice = value === '' ? undefined : (exportValue(field, value) ?? (field.isEditable() ? value : undefined));
  if (value !== '' && choice === undefined) {
    const options = choiceOptions(field).map((o) => o.value);
    throw bad(name, `${describe(value)} is not one of the options ${listOf(options)}`);
  }
  return () => setChoice(form, field, choice === undefined ? [] : [choice]);
}

function listSetter(form: PDFForm, field: PDFOptionList, name: string, value: FillValue): Setter {
  if (typeof value === 'boolean') throw bad(name, `a list takes options, not ${describe(value)}`);
  const wanted = [...new Set(typeof value === 'string' ? [value].filter(Boolean) : value)];
  if (wanted.length > 1 && !field.isMultiselect()) {
    throw bad(name, `the list allows one choice, not ${wanted.length}`);
  }
  const choices = wanted.map((w) => {
    const choice = exportValue(field, w);
    if (choice === undefined) {
      const options = choiceOptions(field).map((o) => o.value);
      throw bad(name, `${describe(w)} is not one of the options ${listOf(options)}`);
    }
    return choice;
  });
  return () => setChoice(form, field, choices);
}

/**
 * Checks `value` against the field (type, options, maxLength, read-only) and returns what sets
 * it; a value that does not fit throws `form_bad_value` naming the field and why.
 */
export function setterFor(form: PDFForm, field: PDFField, name: string, value: FillValue): Setter {
  if (field instanceof PDFSignature) throw bad(name, 'a signature field cannot be filled; sign it in a PDF viewer');
  if (field instanceof PDFButton) throw bad(name, 'a push button holds no value');
  if (field.isReadOnly()) throw bad(name, 'the field is read-only');
  if (Array.isArray(value) && !(field instanceof PDFOptionList)) {
    throw bad(name, `only a list takes several values, not ${describe(value)}`);
  }
  if (field instanceof PDFTextField) return textSetter(field, name, value);
  if (field instanceof PDFCheckBox) return checkBoxSetter(form, field, name, value);
  if (field instanceof PDFRadioGroup) return radioSetter(field, name, value);
  if (field instanceof PDFDropdown) return dropdownSetter(form, field, name, value);
  if (field instanceof PDFOptionList) return listSetter(form, field, name, value);
  throw bad(name, 'this kind of field cannot be filled');
}
