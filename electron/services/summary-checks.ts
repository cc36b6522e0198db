import type { DocumentDetail } from '../../shared/domain/document';
import type { DraftContent, DraftSource, DraftWarning } from '../../shared/domain/draft';
import type { CitedPassage, SummaryReport } from '../../shared/domain/summary';
import { labelPassages } from '../../shared/summarize/labels';
import { summaryReport, summaryWarnings } from '../../shared/summarize/report';
import { SourceIndex } from '../../shared/verify/verify';
import type { SourcePassage } from '../../shared/verify/types';

type Labelled = SourcePassage & CitedPassage;

/**
 * The verifier over a summary's sources. The index of the last source set is kept: a summary is
 * checked on every edit and every report while its reviewer works, always against the same
 * documents (which never change once stored).
 */
export class SummaryChecks {
  private last: { key: string; passages: Labelled[]; index: SourceIndex } | undefined;

  constructor(private readonly document: (id: string) => DocumentDetail) {}

  passages(documentIds: readonly string[]): Labelled[] {
    return this.source(documentIds).passages;
  }

  report(documentIds: readonly string[], text: string): SummaryReport {
    const { passages, index } = this.source(documentIds);
    return summaryReport(index.verify(text, { requireCitations: true }), passages);
  }

  /**
   * The verifier's warnings, and the decision-wording ones outside supported sentences: a
   * summary that reports what its source decided (经国务院同意，决定…) decides nothing itself.
   */
  warnings(sources: readonly DraftSource[], content: DraftContent, decisions: DraftWarning[]): DraftWarning[] {
    const { index } = this.source(sources.map((s) => s.documentId));
    const sentences = index.verify(content.text, { requireCitations: true });
    const reported = (w: DraftWarning) =>
      sentences.some(
        (s) => s.verdict === 'supported' && w.start !== null && w.end !== null && s.start <= w.start && w.end <= s.end,
      );
    return [...summaryWarnings(sentences), ...decisions.filter((w) => !reported(w))];
  }

  private source(documentIds: readonly string[]) {
    const key = documentIds.join(' ');
    if (this.last?.key !== key) {
      const passages = labelPassages(documentIds.map((id) => this.document(id)));
      this.last = { key, passages, index: new SourceIndex(passages) };
    }
    return this.last;
  }
}
