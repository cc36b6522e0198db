import type { LintProblem, Severity, Text2 } from './types';

/** A problem on a text line; `start`/`end` are 0-based UTF-16 offsets into that line. */
export function lineProblem(
  rule: string,
  line: number,
  start: number,
  end: number,
  severity: Severity,
  message: Text2,
  fix: { text: string; label: Text2 } | null = null,
): LintProblem {
  return { rule, line, column: start + 1, endColumn: Math.max(end, start) + 1, field: null, severity, message, fix };
}

/** A problem in a structured field (line 0); `start`/`end` are offsets into the field value. */
export function fieldProblem(
  rule: string,
  field: string,
  start: number,
  end: number,
  severity: Severity,
  message: Text2,
  fix: { text: string; label: Text2 } | null = null,
): LintProblem {
  return { rule, line: 0, column: start + 1, endColumn: Math.max(end, start) + 1, field, severity, message, fix };
}

export const label = (zh: string, en: string): Text2 => ({ zh, en });
