import { aigcJson, visibleLabel } from '../aigc';
import type { ExportInput } from '../types';
import { buildGongwenDocx } from './build';
import type { GongwenMeta } from './build';
import { hasGongwenFields, parseGongwen } from './parse';

export { buildGongwenDocx } from './build';
export type { GongwenMeta } from './build';
export { hasGongwenFields, parseGongwen } from './parse';
export type { BodyParagraph, Gongwen } from './parse';

/** A document draft made by the drafting tool: it carries the official-document fields. */
export const isGongwenInput = (input: ExportInput): boolean =>
  input.kind === 'document' && hasGongwenFields(input.content.fields);

/** The GB/T 9704-2012 docx of a document draft, with both AI-content labels. */
export function renderGongwenDocx(
  input: ExportInput,
  options: Pick<GongwenMeta, 'signatureForm'> = {},
): Promise<Uint8Array> {
  const g = parseGongwen(input.content.text, input.content.fields, input.title);
  return buildGongwenDocx(g, {
    title: g.title || input.title,
    aigcJson: aigcJson(input),
    label: visibleLabel(input),
    ...options,
  });
}
