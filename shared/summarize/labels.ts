import type { DocumentDetail } from '../domain/document';
import type { CitedPassage } from '../domain/summary';
import type { SourcePassage } from '../verify/types';

/** The part of a stored document a summary numbers: its id, title and passages. */
export type LabelSource = Pick<DocumentDetail, 'id' | 'title' | 'passages'>;

/**
 * One numbering P1…Pn over the passages of all a summary's documents, in the order they were
 * chosen: the model cites these short labels, and the same sources always give the same labels,
 * so a stored summary's markers resolve without a stored map.
 */
export function labelPassages(docs: readonly LabelSource[]): (SourcePassage & CitedPassage)[] {
  let n = 0;
  return docs.flatMap((doc) =>
    doc.passages.map((p) => ({
      label: `P${++n}`,
      id: p.id,
      passageId: p.id,
      documentId: doc.id,
      title: doc.title,
      page: p.page,
      paragraph: p.paragraph,
      text: p.text,
    })),
  );
}
