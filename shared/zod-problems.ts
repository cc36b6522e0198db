import type { z } from 'zod';

/** A validation problem a person can act on: where (a JSON path) and what. */
export interface PathProblem {
  path: string;
  message: string;
}

/** `endpoints[0].baseUrl`, `headers["X-Trace"]`; `root` for the document itself. */
export function formatIssuePath(path: readonly PropertyKey[], root: string): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(String(part))) out += out ? `.${String(part)}` : String(part);
    else out += `[${JSON.stringify(String(part))}]`;
  }
  return out || root;
}

/** One zod issue as problems: an unknown key each at its own path, a missing field as "required". */
export function issueProblems(issue: z.core.$ZodIssue, root: string): PathProblem[] {
  const path = formatIssuePath(issue.path, root);
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ path: formatIssuePath([...issue.path, key], root), message: 'unknown field' }));
  }
  // A missing field comes as a type or literal mismatch against undefined (JSON has no undefined).
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && issue.input === undefined) {
    return [{ path, message: 'required' }];
  }
  if (issue.code === 'invalid_key') {
    return [{ path, message: `invalid name: ${issue.issues.map((i) => i.message).join('; ')}` }];
  }
  return [{ path, message: issue.message.replace(/^Invalid input: /, '') }];
}
