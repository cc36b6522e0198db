import {
  PDFArray,
  PDFDict,
  PDFName,
  PDFNumber,
  PDFRef,
  PDFStream,
  concatTransformationMatrix,
  drawObject,
  popGraphicsState,
  pushGraphicsState,
} from 'pdf-lib';
import type { PDFDocument, PDFOperator, PDFPage } from 'pdf-lib';

/** Annotation flags (ISO 32000-1, 12.5.3) of a widget that is not shown on screen. */
const HIDDEN = 1 << 1;
const NO_VIEW = 1 << 5;

const numbers = (a: PDFArray | undefined) => a?.asArray().map((n) => (n instanceof PDFNumber ? n.asNumber() : NaN));

/** The widget's current appearance: /AP /N, or its entry for /AS when /N holds on/off states. */
function appearance(doc: PDFDocument, widget: PDFDict): PDFRef | undefined {
  const ap = widget.lookupMaybe(PDFName.of('AP'), PDFDict);
  const raw = ap?.get(PDFName.of('N'));
  let entry = raw instanceof PDFRef ? doc.context.lookup(raw) : raw;
  let ref = raw instanceof PDFRef ? raw : undefined;
  if (entry instanceof PDFDict) {
    const state = widget.get(PDFName.of('AS'));
    const chosen = state instanceof PDFName ? entry.get(state) : undefined;
    ref = chosen instanceof PDFRef ? chosen : undefined;
    entry = chosen instanceof PDFRef ? doc.context.lookup(chosen) : chosen;
  }
  if (!(entry instanceof PDFStream)) return undefined;
  return ref ?? doc.context.register(entry);
}

/**
 * The matrix that puts an appearance on its widget's /Rect (ISO 32000-1, 12.5.5): the /BBox,
 * transformed by the form's /Matrix, is scaled and moved onto the rectangle.
 */
function placement(doc: PDFDocument, widget: PDFDict, ref: PDFRef): number[] | undefined {
  const stream = doc.context.lookup(ref, PDFStream);
  const rect = numbers(widget.lookupMaybe(PDFName.of('Rect'), PDFArray));
  const bbox = numbers(stream.dict.lookupMaybe(PDFName.of('BBox'), PDFArray));
  const m = numbers(stream.dict.lookupMaybe(PDFName.of('Matrix'), PDFArray)) ?? [1, 0, 0, 1, 0, 0];
  if (
    rect?.length !== 4 ||
    bbox?.length !== 4 ||
    m.length !== 6 ||
    [...rect, ...bbox, ...m].some((n) => !Number.isFinite(n))
  ) {
    return undefined;
  }
  const [a, b, c, d, e, f] = m as [number, number, number, number, number, number];
  const corners = [
    [bbox[0]!, bbox[1]!],
    [bbox[2]!, bbox[1]!],
    [bbox[0]!, bbox[3]!],
    [bbox[2]!, bbox[3]!],
  ].map(([x, y]) => [a * x! + c * y! + e, b * x! + d * y! + f] as const);
  const xs = corners.map((p) => p[0]);
  const ys = corners.map((p) => p[1]);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const [x1, y1, x2, y2] = [
    Math.min(rect[0]!, rect[2]!),
    Math.min(rect[1]!, rect[3]!),
    Math.max(rect[0]!, rect[2]!),
    Math.max(rect[1]!, rect[3]!),
  ];
  if (maxX - minX <= 0 || maxY - minY <= 0) return undefined;
  const sx = (x2 - x1) / (maxX - minX);
  const sy = (y2 - y1) / (maxY - minY);
  return [sx, 0, 0, sy, x1 - minX * sx, y1 - minY * sy];
}

function flattenPage(doc: PDFDocument, page: PDFPage): void {
  const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
  if (!annots) return;
  const keep: (PDFRef | PDFDict)[] = [];
  const ops: PDFOperator[] = [];
  for (let i = 0; i < annots.size(); i++) {
    const raw = annots.get(i);
    const annot = annots.lookup(i);
    if (!(annot instanceof PDFDict) || annot.get(PDFName.of('Subtype')) !== PDFName.of('Widget')) {
      if (raw instanceof PDFRef || raw instanceof PDFDict) keep.push(raw);
      continue;
    }
    const flags = annot.lookupMaybe(PDFName.of('F'), PDFNumber)?.asNumber() ?? 0;
    const ref = flags & (HIDDEN | NO_VIEW) ? undefined : appearance(doc, annot);
    const matrix = ref && placement(doc, annot, ref);
    if (!ref || !matrix) continue;
    // An appearance may leave out /Subtype /Form (fw9, sample_form): as page content it needs it.
    doc.context.lookup(ref, PDFStream).dict.set(PDFName.of('Subtype'), PDFName.of('Form'));
    const name = page.node.newXObject('FlatWidget', ref);
    ops.push(
      pushGraphicsState(),
      concatTransformationMatrix(...(matrix as [number, number, number, number, number, number])),
      drawObject(name),
      popGraphicsState(),
    );
  }
  page.node.set(PDFName.of('Annots'), doc.context.obj(keep));
  if (ops.length) page.pushOperators(...ops);
}

/**
 * Turns every widget into page content (its current appearance, where the widget is shown) and
 * removes the AcroForm: the result has no fields left. pdf-lib's `form.flatten()` is not used: it
 * leaves the kid widgets it deletes listed in the pages' /Annots (dangling on 7 of our 9 test
 * forms), ignores an appearance's /BBox and /Matrix, draws hidden widgets, and throws when an
 * appearance is a direct object.
 */
export function flattenForm(doc: PDFDocument): void {
  for (const page of doc.getPages()) flattenPage(doc, page);
  doc.catalog.delete(PDFName.of('AcroForm'));
}
