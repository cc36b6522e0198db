import type { DraftWarning } from '../domain/draft';
import type { CitedPassage, SummaryReport } from '../domain/summary';
import type { SentenceVerdict } from '../verify/types';

/** The report of a checked summary: the verdicts and the passages its labels point at. */
export function summaryReport(sentences: SentenceVerdict[], passages: readonly CitedPassage[]): SummaryReport {
  const byLabel = new Map(passages.map((p) => [p.label, p]));
  const cited = new Map<string, CitedPassage>();
  for (const s of sentences) {
    for (const label of s.citations) {
      const p = byLabel.get(label);
      if (p && !cited.has(label)) {
        const { label: l, passageId, documentId, title, page, paragraph, text } = p;
        cited.set(label, { label: l, passageId, documentId, title, page, paragraph, text });
      }
    }
  }
  return { sentences, passages: [...cited.values()] };
}

/**
 * A summary's review warnings: every sentence the verifier does not find supported (an error when
 * the source says otherwise), and every citation problem of a supported one. Ids name the
 * sentence's position, so an acknowledgement is of one sentence of one version.
 */
export function summaryWarnings(sentences: readonly SentenceVerdict[]): DraftWarning[] {
  const out: DraftWarning[] = [];
  for (const s of sentences) {
    const kinds = [...new Set(s.problems.map((p) => p.kind))];
    const details = s.problems.map((p) => p.detail).join('; ');
    const span = { start: s.start, end: s.end, field: null };
    if (s.verdict !== 'supported') {
      out.push({
        id: `unsupported_sentence:${s.index}`,
        kind: 'unsupported_sentence',
        severity: s.verdict === 'contradicted' ? 'error' : 'warning',
        message: `sentence ${s.index + 1} is ${s.verdict}: ${details || 'no support in the source'}`,
        params: { verdict: s.verdict, sentence: s.index + 1, problems: kinds.join(', '), detail: details },
        ...span,
      });
    } else if (kinds.includes('citation')) {
      const detail = s.problems
        .filter((p) => p.kind === 'citation')
        .map((p) => p.detail)
        .join('; ');
      out.push({
        id: `citation:${s.index}`,
        kind: 'citation',
        severity: 'warning',
        message: `sentence ${s.index + 1}: ${detail}`,
        params: { sentence: s.index + 1, detail },
        ...span,
      });
    }
  }
  return out;
}
