import type { DraftContent, DraftWarning } from '../domain/draft';
import type { FormFill, FormProfile } from '../domain/form';
import { validateValue } from './validate';

const warning = (w: Omit<DraftWarning, 'start' | 'end'>): DraftWarning => ({ ...w, start: null, end: null });

/**
 * A form draft's review warnings, for every version: a value the model proposed whose evidence did
 * not check out, a value (anyone's) that fails its field's validation, a required field left
 * empty; and one warning naming the optional fields nobody could fill, so a long form does not
 * ask for dozens of acknowledgements.
 */
export function formWarnings(profile: FormProfile, fill: FormFill, content: DraftContent): DraftWarning[] {
  const proposals = new Map(fill.proposals.map((p) => [p.name, p]));
  const out: DraftWarning[] = [];
  const emptyOptional: string[] = [];
  for (const field of profile.fields) {
    if (field.skip) continue;
    const value = content.fields[field.name] ?? '';
    const proposal = proposals.get(field.name);
    if (value === '') {
      if (field.required) {
        out.push(
          warning({
            id: `empty_field:${field.name}`,
            kind: 'empty_field',
            severity: 'error',
            message: `required field ${field.label} is empty`,
            params: { field: field.label },
            field: field.name,
          }),
        );
      } else if (proposal) emptyOptional.push(field.label);
      continue;
    }
    const fromProposal = proposal !== undefined && proposal.value === value;
    const problems = [
      ...new Set([
        ...(fromProposal ? proposal.problems.filter((p) => p !== 'no_evidence') : []),
        ...validateValue(field, value),
      ]),
    ];
    if (problems.length > 0) {
      out.push(
        warning({
          id: `unverified_field:${field.name}`,
          kind: 'unverified_field',
          severity: problems.includes('invalid') ? 'error' : 'warning',
          message: `${field.label}: ${problems.join(', ')}`,
          params: { field: field.label, problems: problems.join(', ') },
          field: field.name,
        }),
      );
    }
  }
  if (emptyOptional.length > 0) {
    out.push(
      warning({
        id: 'empty_field:*',
        kind: 'empty_field',
        severity: 'warning',
        message: `${emptyOptional.length} fields without evidence were left empty: ${emptyOptional.join(', ')}`,
        params: { field: emptyOptional.join('、'), count: emptyOptional.length },
        field: null,
      }),
    );
  }
  return out;
}
