/**
 * Citation markers in a summary. The canonical form is `[P3]`, one bracket per label (`[P3][P7]`);
 * models and people also write `[P3, P7]`, `[P3，P7]`, `[P3、P7]`, `【P3】`, `〔P3〕`, `[p3]`,
 * full-width letters and digits, and spaces, all of which are read and can be normalised.
 */

export interface CitationMarker {
  /** UTF-16 offsets of the whole marker, brackets included. */
  start: number;
  end: number;
  /** The labels it names, upper-cased and half-width (`P3`). */
  labels: string[];
}

const LABEL = '[PpＰｐ]\\s*[0-9０-９]+';
const MARKER = new RegExp(`[\\[［【〔]\\s*(${LABEL}(?:\\s*[,，、;；]?\\s*${LABEL})*)\\s*[\\]］】〕]`, 'g');
const ONE_LABEL = new RegExp(LABEL, 'g');

function halfWidth(text: string): string {
  return text.replace(/[Ｐｐ０-９]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/** Every marker in the text, in order. */
export function findCitations(text: string): CitationMarker[] {
  const out: CitationMarker[] = [];
  for (const m of text.matchAll(MARKER)) {
    const labels = (m[1]!.match(ONE_LABEL) ?? []).map((l) => halfWidth(l).replace(/\s+/g, '').toUpperCase());
    out.push({ start: m.index, end: m.index + m[0].length, labels });
  }
  return out;
}

/** The text with every marker in the canonical form: `【P3、P7】` → `[P3][P7]`. */
export function normalizeCitations(text: string): string {
  return text.replace(MARKER, (marker) =>
    findCitations(marker)[0]!
      .labels.map((l) => `[${l}]`)
      .join(''),
  );
}

/** The text without markers (and without the blanks written just before them). */
export function stripCitations(text: string): string {
  return text.replace(new RegExp(`[ \\t\\u3000]*${MARKER.source}`, 'g'), '');
}
