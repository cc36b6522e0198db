import {
  PDFDict,
  PDFDropdown,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFOptionList,
  PDFString,
  PDFTextField,
  TextAlignment,
  adjustDimsForRotation,
  componentsToColor,
  drawOptionList,
  drawTextField,
  reduceRotation,
  rgb,
  rotateInPlace,
} from 'pdf-lib';
import type { AppearanceProviderFor, Color, PDFField, PDFFont, PDFForm, PDFWidgetAnnotation } from 'pdf-lib';
import { choiceOptions, choiceValues } from './choices';
import { parseDa, withFont } from './da';
import type { Bounds, Layout } from './layout';
import { layoutComb, layoutList, layoutMultiline, layoutSingleLine } from './layout';

const black = rgb(0, 0, 0);
/** Acrobat's highlight of a selected list option. */
const selectedBlue = rgb(153 / 255, 193 / 255, 218 / 255);

/** The /DA of the widget, else the field's (inherited), else the AcroForm's: size and colour. */
function appearanceOf(form: PDFForm, field: PDFField, widget: PDFWidgetAnnotation) {
  const acroDa = form.acroForm.dict.lookup(PDFName.of('DA'));
  const levels = [widget.getDefaultAppearance(), field.acroField.getDefaultAppearance()].map(parseDa);
  levels.push(parseDa(acroDa instanceof PDFString || acroDa instanceof PDFHexString ? acroDa.decodeText() : undefined));
  return {
    size: levels.find((l) => l.size !== undefined)?.size ?? 0,
    color: levels.find((l) => l.color)?.color ?? black,
  };
}

/** The widget's box: rotation (/MK /R), border and background, and the inner box text goes in. */
function frame(widget: PDFWidgetAnnotation, padding: number) {
  const rect = widget.getRectangle();
  const mk = widget.getAppearanceCharacteristics();
  const rotation = reduceRotation(mk?.getRotation());
  const { width, height } = adjustDimsForRotation(rect, rotation);
  const borderColor = componentsToColor(mk?.getBorderColor());
  // A border colour without a border style is a 1 pt border (ISO 32000-1, 12.5.4).
  const borderWidth = widget.getBorderStyle()?.getWidth() ?? (borderColor ? 1 : 0);
  const inset = borderWidth + padding;
  const inner: Bounds = { x: inset, y: inset, width: width - inset * 2, height: height - inset * 2 };
  return {
    rotate: rotateInPlace({ ...rect, rotation }),
    box: {
      x: borderWidth / 2,
      y: borderWidth / 2,
      width: width - borderWidth,
      height: height - borderWidth,
      borderWidth,
      borderColor,
      color: componentsToColor(mk?.getBackgroundColor()),
      padding,
    },
    inner,
  };
}
type Frame = ReturnType<typeof frame>;

/** Border, background and the laid-out text, clipped to the inner box (pdf-lib's drawing). */
const drawField = (f: Frame, font: PDFFont, color: Color, layout: Layout) => [
  ...f.rotate,
  ...drawTextField({ ...f.box, textColor: color, font: font.name, fontSize: layout.fontSize, textLines: layout.lines }),
];

function textAppearance(form: PDFForm): AppearanceProviderFor<PDFTextField> {
  return (field, widget, font) => {
    const cells = field.isCombed() ? field.getMaxLength() : undefined;
    const f = frame(widget, cells ? 0 : 2);
    const { size, color } = appearanceOf(form, field, widget);
    const value = field.getText() ?? '';
    const text = field.isPassword() ? '*'.repeat(Array.from(value).length) : value;
    const alignment = field.getAlignment();
    const layout = cells
      ? layoutComb(text, font, f.inner, size, cells)
      : field.isMultiline()
        ? layoutMultiline(text, font, f.inner, size, alignment)
        : layoutSingleLine(text, font, f.inner, size, alignment);
    return drawField(f, font, color, layout);
  };
}

/** A dropdown shows the display text of its export value (or the typed value of an editable one). */
function dropdownAppearance(form: PDFForm): AppearanceProviderFor<PDFDropdown> {
  return (field, widget, font) => {
    const f = frame(widget, 2);
    const { size, color } = appearanceOf(form, field, widget);
    const value = choiceValues(field)[0] ?? '';
    const text = choiceOptions(field).find((o) => o.value === value)?.display ?? value;
    return drawField(f, font, color, layoutSingleLine(text, font, f.inner, size, TextAlignment.Left));
  };
}

/** A list box: every option, the selected ones highlighted. */
function listAppearance(form: PDFForm): AppearanceProviderFor<PDFOptionList> {
  return (field, widget, font) => {
    const f = frame(widget, 1);
    const { size, color } = appearanceOf(form, field, widget);
    const options = choiceOptions(field);
    const selected = new Set(choiceValues(field));
    const ti = field.acroField.dict.lookup(PDFName.of('TI'));
    const top = ti instanceof PDFNumber ? ti.asNumber() : 0;
    const firstSelected = options.findIndex((o) => selected.has(o.value));
    const layout = layoutList(
      options.map((o) => o.display),
      font,
      f.inner,
      size,
      top,
      firstSelected,
    );
    const selectedLines = options.slice(layout.first).flatMap((o, i) => (selected.has(o.value) ? [i] : []));
    return [
      ...f.rotate,
      ...drawOptionList({
        ...f.box,
        textColor: color,
        font: font.name,
        fontSize: layout.fontSize,
        lineHeight: layout.lineHeight,
        textLines: layout.lines,
        selectedLines,
        selectedColor: selectedBlue,
      }),
    ];
  };
}

/**
 * Points the field's /DA at our font (size and colour kept) and lists the font in the AcroForm's
 * /DR, so a viewer that rebuilds the appearance (when the value is edited) finds a font with the
 * value's glyphs instead of Helvetica, which has no Chinese.
 */
function useFontInDa(form: PDFForm, field: PDFField, font: PDFFont) {
  for (const widget of field.acroField.getWidgets()) {
    const da = widget.getDefaultAppearance();
    if (da !== undefined) widget.setDefaultAppearance(withFont(da, font.name));
  }
  field.acroField.setDefaultAppearance(withFont(field.acroField.getDefaultAppearance(), font.name));
  const dr = form.acroForm.dict.lookupMaybe(PDFName.of('DR'), PDFDict) ?? form.doc.context.obj({});
  form.acroForm.dict.set(PDFName.of('DR'), dr);
  const fonts = dr.lookupMaybe(PDFName.of('Font'), PDFDict) ?? form.doc.context.obj({});
  dr.set(PDFName.of('Font'), fonts);
  fonts.set(PDFName.of(font.name), font.ref);
}

/**
 * Draws the appearance of every field whose value changed or that has none, with `font`, and
 * tells viewers the appearances are complete (NeedAppearances false): what prints is what we drew.
 * Text, dropdown and list appearances are ours; check boxes, radios and buttons keep the file's
 * own on/off appearances (pdf-lib draws one only where a widget has none).
 */
export function refreshAppearances(form: PDFForm, font: PDFFont): void {
  const text = textAppearance(form);
  const dropdown = dropdownAppearance(form);
  const list = listAppearance(form);
  for (const field of form.getFields()) {
    if (!field.needsAppearancesUpdate()) continue;
    if (field instanceof PDFTextField) field.updateAppearances(font, text);
    else if (field instanceof PDFDropdown) field.updateAppearances(font, dropdown);
    else if (field instanceof PDFOptionList) field.updateAppearances(font, list);
    else continue;
    useFontInDa(form, field, font);
  }
  form.updateFieldAppearances(font);
  form.acroForm.dict.set(PDFName.of('NeedAppearances'), form.doc.context.obj(false));
}
