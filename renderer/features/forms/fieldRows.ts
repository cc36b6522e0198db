import type { FieldProblem, FormProfile, ProfileField, ProposedValue } from '../../../shared/domain/form';
import { validateValue } from '../../../shared/forms/validate';

/**
 * Where a field of a form draft stands: backed by a checked quote, still empty, needing a look
 * (a problem with the value or its evidence), changed by the person, or left out of AI fill.
 */
export type RowStatus = 'supported' | 'empty' | 'check' | 'person' | 'skipped';

export interface FieldRow {
  name: string;
  /** The profile's entry (absent when the form could not be loaded, or the field is not in it). */
  field: ProfileField | undefined;
  label: string;
  value: string;
  proposal: ProposedValue | undefined;
  /** The person set this value (it differs from what was proposed, or main says a person gave it). */
  changed: boolean;
  /** What is wrong with the value as it stands: the proposal's own problems while it is unchanged, plus the live checks. */
  problems: FieldProblem[];
  status: RowStatus;
}

/**
 * One row per field of the draft, in the form's order (fields the profile does not know last):
 * the value in the editor checked live against the field's validation type, so a correction is
 * judged as it is typed, not once saved.
 */
export function fieldRows(
  profile: FormProfile | undefined,
  proposals: readonly ProposedValue[],
  values: Readonly<Record<string, string>>,
  /** The values the AI version holds: what "changed" is measured against when there is no proposal. */
  original: Readonly<Record<string, string>>,
): FieldRow[] {
  const byName = new Map(proposals.map((p) => [p.name, p]));
  const known = (profile?.fields ?? []).filter((f) => f.name in values);
  const names = new Set(known.map((f) => f.name));
  const rest = Object.keys(values).filter((n) => !names.has(n));
  return [...known.map((f) => [f.name, f] as const), ...rest.map((n) => [n, undefined] as const)].map(([name, field]) =>
    rowOf(name, field, byName.get(name), values[name] ?? '', original[name] ?? ''),
  );
}

function rowOf(
  name: string,
  field: ProfileField | undefined,
  proposal: ProposedValue | undefined,
  value: string,
  original: string,
): FieldRow {
  const changed = proposal?.source === 'person' || value !== (proposal?.value ?? original);
  const live = field && value !== '' ? validateValue(field, value) : [];
  // The proposal's problems say why its value is doubtful (or was left empty); a person's value
  // is judged by its checks alone.
  const own = proposal && !changed ? proposal.problems : [];
  const problems = [...new Set([...own, ...live])];
  let status: RowStatus;
  if (field?.skip && !changed) status = 'skipped';
  else if (value === '') status = 'empty';
  else if (problems.length > 0) status = 'check';
  else if (changed) status = 'person';
  else if (proposal?.evidence) status = 'supported';
  else status = 'check';
  return { name, field, label: field?.label || name, value, proposal, changed, problems, status };
}

export type RowCounts = Record<RowStatus, number>;

export function countRows(rows: readonly FieldRow[]): RowCounts {
  const counts: RowCounts = { supported: 0, empty: 0, check: 0, person: 0, skipped: 0 };
  for (const row of rows) counts[row.status]++;
  return counts;
}
