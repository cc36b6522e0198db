import type { DraftContent, DraftWarning } from '../domain/draft';
import { lint } from './index';
import type { LintProblem } from './types';

/** Offsets of each line's start, so a problem's line and column become a span in the text. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/**
 * Lint problems of a drafted 公文 as review warnings (kind 'lint'): errors and warnings alike, so
 * the reviewer fixes each or acknowledges it. Ids carry the rule and the place, so the same problem
 * keeps its id across versions while it is not fixed.
 */
export function lintWarnings(
  content: DraftContent,
  options: { typeName?: string; direction?: 'up' | 'parallel' | 'down' | 'any' } = {},
): DraftWarning[] {
  const problems: LintProblem[] = lint({ text: content.text, fields: content.fields, ...options });
  const starts = lineStarts(content.text);
  return problems.map((p) => {
    const lineStart = p.line > 0 ? (starts[p.line - 1] ?? null) : null;
    return {
      id: `lint:${p.rule}:${p.field ?? p.line}:${p.column}`,
      kind: 'lint',
      severity: p.severity,
      message: p.message.en,
      params: { rule: p.rule, zh: p.message.zh, en: p.message.en, line: p.line, column: p.column },
      start: lineStart === null ? null : lineStart + p.column - 1,
      end: lineStart === null ? null : lineStart + p.endColumn - 1,
      field: p.field,
    };
  });
}
