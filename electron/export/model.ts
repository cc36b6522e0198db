import { visibleLabel } from './aigc';
import type { ExportInput } from './types';

/**
 * The renderers' common view of an approved draft: what goes on the page, in order. docx and pdf
 * lay it out; md and txt write it out. Layout-free, so a renderer can be swapped (issue 6 brings
 * the GB/T 9704 layout for kind 'document').
 */
export interface ExportDocument {
  title: string;
  /** The visible AI-content label, or null when the policy turns it off. */
  label: string | null;
  fields: ExportField[];
  /** One per non-blank line of the text (the plain-text convention: one element per line). */
  paragraphs: ExportParagraph[];
}

export interface ExportField {
  name: string;
  /** Lines of the value (a value may hold several lines). */
  lines: string[];
}

export interface ExportParagraph {
  /** The line as written, leading ideographic spaces (U+3000) included, trailing blanks removed. */
  text: string;
  /** Blank lines stood before it: laid out as a small gap, not as empty lines. */
  gapBefore: boolean;
}

/**
 * Characters that must not reach a file: C0/C1 controls but tab and line feed (invalid in XML, and
 * meaningless on a page), noncharacters U+FFFE/U+FFFF, and unpaired surrogates (become U+FFFD).
 */
export function cleanText(s: string): string {
  return s
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .replace(/\t/g, '    ')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u0084\u0086-\u009f\ufffe\uffff]/g, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/** Trims ASCII and ideographic white space: for comparisons, never for the text written. */
const bare = (s: string) => s.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');

export function singleLine(s: string): string {
  return bare(cleanText(s).replace(/\s*\n\s*/g, ' '));
}

export function textLines(text: string): string[] {
  return cleanText(text)
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''));
}

export function toExportDocument(input: ExportInput): ExportDocument {
  const title = singleLine(input.title);
  const lines = textLines(input.content.text);
  // A document's text often starts with its own title: printed once, as the title.
  const first = lines.findIndex((l) => bare(l) !== '');
  if (first >= 0 && title && bare(lines[first] ?? '') === title) lines.splice(0, first + 1);

  const paragraphs: ExportParagraph[] = [];
  let blank = false;
  for (const line of lines) {
    if (bare(line) === '') {
      blank = true;
      continue;
    }
    paragraphs.push({ text: line, gapBefore: blank && paragraphs.length > 0 });
    blank = false;
  }

  const fields = Object.entries(input.content.fields).map(([name, value]) => ({
    name: singleLine(input.fieldLabels?.[name] ?? name),
    lines: textLines(value).filter((l, i, all) => bare(l) !== '' || all.length === 1),
  }));

  return { title, label: visibleLabel(input), fields, paragraphs };
}
