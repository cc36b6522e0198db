import type { CitedPassage } from '../domain/summary';
import { findCitations } from './citations';

/**
 * What a summary's labels mean once it leaves the app, where they can no longer be clicked: one
 * line per label it cites (in order of first citation), with the document, page and paragraph.
 * Derived from the approved text and its sources only, so it adds nothing a reviewer did not see.
 */
export function citationLegend(text: string, passages: readonly CitedPassage[], language: 'zh' | 'en'): string {
  const byLabel = new Map(passages.map((p) => [p.label, p]));
  const labels = [...new Set(findCitations(text).flatMap((c) => c.labels))].filter((l) => byLabel.has(l));
  if (labels.length === 0) return '';
  const several = new Set(labels.map((l) => byLabel.get(l)!.documentId)).size > 1;
  const line = (label: string) => {
    const p = byLabel.get(label)!;
    const place =
      language === 'zh' ? `第${p.page}页第${p.paragraph + 1}段` : `page ${p.page}, paragraph ${p.paragraph + 1}`;
    const where = several ? (language === 'zh' ? `《${p.title}》${place}` : `${p.title}, ${place}`) : place;
    return `[${label}] ${where}`;
  };
  return `${language === 'zh' ? '【出处】' : '【Sources】'}\n${labels.map(line).join('\n')}`;
}
