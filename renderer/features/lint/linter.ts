/**
 * The renderer's one link to the format linter (shared/lint): everything in the renderer that
 * lints goes through here, so connecting or replacing the linter touches this file only.
 */
import type { LintProblem } from '../../../shared/lint';

export { applyFieldFix, applyFix, lint } from '../../../shared/lint';
export type { LintInput, LintProblem } from '../../../shared/lint';

/** Where a text problem lies as offsets into the whole text (null for a field problem or a line past the end). */
export function problemSpan(text: string, problem: LintProblem): { start: number; end: number } | null {
  if (problem.field !== null || problem.line < 1) return null;
  let at = 0;
  for (let line = 1; line < problem.line; line++) {
    const next = text.indexOf('\n', at);
    if (next === -1) return null;
    at = next + 1;
  }
  const lineEnd = text.indexOf('\n', at) === -1 ? text.length : text.indexOf('\n', at);
  const start = Math.min(at + problem.column - 1, lineEnd);
  const end = Math.max(start, Math.min(at + problem.endColumn - 1, lineEnd));
  return { start, end };
}
