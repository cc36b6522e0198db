import type { DocTypeSpec, FieldSpec } from '../../../shared/gongwen/type-spec';
import { lint } from '../lint/linter';
import type { LintProblem } from '../lint/linter';

/** What is wrong with one field: missing, a date not in the 2026年5月8日 form, or a lint problem (F1–F3). */
export type FieldIssue = { kind: 'required' } | { kind: 'date' } | { kind: 'lint'; problem: LintProblem };

/** The GB/T 9704-2012 date form: Arabic numerals, full year, no leading zeros. */
const DATE_FORM = /^\d{4}年(?:[1-9]|1[0-2])月(?:[1-9]|[12]\d|3[01])日$/u;

/** The linter's field checks for a field of this kind, under the key the linter knows. */
function lintField(field: FieldSpec, value: string): LintProblem[] {
  const key = field.kind === 'date' ? 'date' : 'docNumber';
  const rules = field.kind === 'date' ? ['F3'] : ['F1', 'F2'];
  return lint({ text: '', fields: { [key]: value }, rules })
    .filter((p) => p.field === key)
    .map((p) => ({ ...p, field: field.key }));
}

/** Issues of every field of a type, as the form is filled in (empty fields are only missing). */
export function validateFields(type: DocTypeSpec, values: Record<string, string>): Record<string, FieldIssue[]> {
  const issues: Record<string, FieldIssue[]> = {};
  for (const field of type.fields) {
    const value = (values[field.key] ?? '').trim();
    const found: FieldIssue[] = [];
    if (value === '') {
      if (field.required) found.push({ kind: 'required' });
    } else if (field.kind === 'date' || field.kind === 'docNumber') {
      const problems = lintField(field, value);
      found.push(...problems.map((problem) => ({ kind: 'lint' as const, problem })));
      if (field.kind === 'date' && problems.length === 0 && !DATE_FORM.test(value)) found.push({ kind: 'date' });
    }
    if (found.length > 0) issues[field.key] = found;
  }
  return issues;
}

/** The fields sent to main: trimmed, empty ones left out. */
export function filledFields(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values)
      .map(([k, v]) => [k, v.trim()] as const)
      .filter(([, v]) => v !== ''),
  );
}
