/** The format linter's public types (see shared/lint/index.ts). */

export type Severity = 'error' | 'warning';

export interface Text2 {
  zh: string;
  en: string;
}

export interface LintProblem {
  /** F1 … F6, Q1, R1, U1. */
  rule: string;
  /** 1-based line in the text (0 for a field problem). */
  line: number;
  /** 1-based, UTF-16 code units. */
  column: number;
  endColumn: number;
  /** e.g. 'docNumber' when the problem is in a field, else null. */
  field: string | null;
  severity: Severity;
  message: Text2;
  /** A safe one-click fix: replace [column, endColumn) of that line (or the whole field when field !== null) with `text`. */
  fix: { text: string; label: Text2 } | null;
}

export interface LintInput {
  text: string;
  /** Structured fields a draft keeps beside its text (docNumber, signer, date, recipients, cc, classification …). */
  fields?: Record<string, string>;
  /** 文种, e.g. 请示; else inferred from the title. */
  typeName?: string;
  direction?: 'up' | 'parallel' | 'down' | 'any';
  /** Only these rule ids; default all. */
  rules?: readonly string[];
  /**
   * Level-3 heading style: the 2012 text prints `1.`, some offices require full-width `1．`.
   * Default 'either' (both accepted; mixing them in one document is a warning).
   */
  level3Dot?: 'either' | 'half' | 'full';
}
