import { PDFArray, PDFDict, PDFName, PDFRef } from 'pdf-lib';
import type { PDFDocument, PDFWidgetAnnotation } from 'pdf-lib';

/**
 * Finds the page of each widget. A widget's /P is optional and sometimes wrong, while the page's
 * /Annots is what viewers draw, so the annotation arrays are read once (726 fields would otherwise
 * scan every page per widget) and /P is only the fallback.
 */
export function widgetPages(doc: PDFDocument): (widget: PDFWidgetAnnotation) => number | undefined {
  const pages = doc.getPages();
  const byAnnot = new Map<PDFDict, number>();
  const byRef = new Map<PDFRef, number>();
  pages.forEach((page, index) => {
    byRef.set(page.ref, index);
    const annots = page.node.lookupMaybe(PDFName.Annots, PDFArray);
    for (let i = 0; i < (annots?.size() ?? 0); i++) {
      const annot = annots!.lookup(i);
      if (annot instanceof PDFDict) byAnnot.set(annot, index);
    }
  });
  return (widget) => {
    const fromAnnots = byAnnot.get(widget.dict);
    if (fromAnnots !== undefined) return fromAnnots;
    const p = widget.P();
    return p instanceof PDFRef ? byRef.get(p) : undefined;
  };
}
