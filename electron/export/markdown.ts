import { AIGC_KEYS } from './aigc';
import type { AigcMetadata } from './aigc';
import type { ExportDocument } from './model';

/**
 * Markdown: YAML front matter at the very head (the TC260 text guide's place for the implicit
 * label: an `AIGC:` block with the 7 Annex E fields), the visible label as a blockquote, the title
 * as a heading, the fields as a table, then each line of the text as its own paragraph. UTF-8
 * without a byte order mark, so the file starts with `---` as front matter parsers expect.
 */

/** A YAML double-quoted scalar: JSON's escapes are YAML's, plus the line breaks YAML also knows. */
export function yamlString(s: string): string {
  return JSON.stringify(s).replace(
    /[\u0085\u2028\u2029\ufeff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Escapes what Markdown would read as markup, so the text prints as written. */
export function escapeMarkdown(line: string): string {
  return line
    .replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([#>+=-])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])(\s|$)/, '$1\\$2$3');
}

const cell = (s: string) => escapeMarkdown(s).replace(/\n/g, '<br>');

export function buildMarkdown(doc: ExportDocument, aigc: AigcMetadata): string {
  const out: string[] = ['---'];
  if (doc.title) out.push(`title: ${yamlString(doc.title)}`);
  out.push('AIGC:');
  for (const key of AIGC_KEYS) out.push(`  ${key}: ${yamlString(aigc[key])}`);
  out.push('---', '');
  if (doc.label) out.push(`> ${escapeMarkdown(doc.label)}`, '');
  if (doc.title) out.push(`# ${escapeMarkdown(doc.title)}`, '');
  if (doc.fields.length) {
    out.push('| 项目 | 内容 |', '| --- | --- |');
    for (const f of doc.fields) out.push(`| ${cell(f.name)} | ${f.lines.map(cell).join('<br>')} |`);
    out.push('');
  }
  for (const p of doc.paragraphs) out.push(escapeMarkdown(p.text), '');
  return out.join('\n');
}
