import crypto from 'node:crypto';
import fs from 'node:fs';
import type { z } from 'zod';
import type { PolicyProblem, PolicyStatus } from '../../shared/domain/endpoint';
import { DEFAULT_SETTINGS } from '../../shared/domain/settings';
import type { Settings } from '../../shared/domain/settings';
import { PemCertificate, Policy, TOOLS } from '../../shared/policy/schema';
import { formatIssuePath, issueProblems } from '../../shared/zod-problems';
import { findJsonError } from './json-error';

export type PolicyState =
  /** No file: user settings rule; the user may configure an endpoint. */
  | { kind: 'absent'; path: string }
  | { kind: 'valid'; path: string; policy: Policy }
  /** Safe state: no endpoint at all until IT fixes the file. */
  | { kind: 'invalid'; path: string; problems: PolicyProblem[] };

/** A policy is a few kilobytes; anything this big is not one (and is not read into memory). */
const MAX_BYTES = 1024 * 1024;
/** Problems about the file as a whole rather than one field. */
const FILE = '(file)';

/** Reads and validates the policy. Synchronous: it runs once at startup, before anything else. */
export function loadPolicy(path: string): PolicyState {
  const invalid = (problems: PolicyProblem[]): PolicyState => ({ kind: 'invalid', path, problems });
  let bytes: Buffer;
  try {
    bytes = readSmallFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'absent', path };
    return invalid([{ path: FILE, message: readFailure(err as NodeJS.ErrnoException) }]);
  }
  const text = decode(bytes);
  if (text === null) return invalid([{ path: FILE, message: 'not UTF-8 text (save the file as UTF-8)' }]);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const at = findJsonError(text);
    const message = at
      ? `not valid JSON at line ${at.line}, column ${at.column}: ${at.reason}`
      : `not valid JSON: ${(err as Error).message}`;
    return invalid([{ path: FILE, message }]);
  }
  const checked = checkPolicy(data);
  return checked.ok ? { kind: 'valid', path, policy: checked.policy } : invalid(checked.problems);
}

/** Validates parsed JSON: the schema, checks across fields, and that Node can use each CA. */
export function checkPolicy(data: unknown): { ok: true; policy: Policy } | { ok: false; problems: PolicyProblem[] } {
  const parsed = Policy.safeParse(data, { reportInput: true });
  const problems = [...(parsed.success ? [] : parsed.error.issues.flatMap(toProblems)), ...pemProblems(data)];
  return parsed.success && problems.length === 0
    ? { ok: true, policy: parsed.data }
    : { ok: false, problems: firstPerPath(problems) };
}

function readSmallFile(path: string): Buffer {
  const fd = fs.openSync(path, 'r');
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
    if (stat.size > MAX_BYTES) throw Object.assign(new Error('too large'), { code: 'EFBIG' });
    return fs.readFileSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function readFailure(err: NodeJS.ErrnoException): string {
  switch (err.code) {
    case 'EISDIR':
      return 'is a folder, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'cannot be read: permission denied (the file must be readable by every user)';
    case 'EFBIG':
      return `larger than ${MAX_BYTES / 1024 / 1024} MB: not a policy file`;
    default:
      return `cannot be read: ${err.message}`;
  }
}

/** UTF-8 with or without a BOM; UTF-16 with a BOM, as Windows Notepad saves "Unicode". */
function decode(bytes: Buffer): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    // The decoder drops a UTF-8 BOM by default.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** `endpoints[0].baseUrl`, `endpoints[0].headers["X-Trace"]`. */
export const formatPath = (path: readonly PropertyKey[]): string => formatIssuePath(path, FILE);

const toProblems = (issue: z.core.$ZodIssue): PolicyProblem[] => issueProblems(issue, FILE);

/** Node must be able to use each CA for TLS; the schema only checks the PEM's outline. */
function pemProblems(data: unknown): PolicyProblem[] {
  const list = (data as { caCertificates?: unknown } | null)?.caCertificates;
  if (!Array.isArray(list)) return [];
  return list.flatMap((pem, i) => {
    if (!PemCertificate.safeParse(pem).success) return [];
    try {
      new crypto.X509Certificate(pem as string);
      return [];
    } catch (err) {
      const reason = (err as Error).message;
      return [{ path: formatPath(['caCertificates', i]), message: `not a certificate Node can read (${reason})` }];
    }
  });
}

/** One field with several failed checks (e.g. an ftp:// URL) reads best as its first problem. */
function firstPerPath(problems: PolicyProblem[]): PolicyProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => !seen.has(p.path) && seen.add(p.path));
}

const ENDPOINT_KEYS: (keyof Settings)[] = ['endpointUrl', 'model', 'contextWindow'];

/**
 * Settings the user cannot change: those the policy fixes, and the endpoint fields whenever a
 * policy exists (its endpoint list is authoritative; left out means none). The model stays open
 * when the endpoint in use offers several and the policy does not pick one. An unreadable policy
 * locks the endpoint fields too: the safe state must not be left by configuring an endpoint.
 */
export function lockedSettings(state: PolicyState): (keyof Settings)[] {
  if (state.kind === 'absent') return [];
  if (state.kind === 'invalid') return ENDPOINT_KEYS;
  const { policy } = state;
  const models = policy.endpoints[0]?.models.length ?? 0;
  const locked = new Set<string>([...Object.keys(policy.settings), 'endpointUrl', 'contextWindow']);
  if (models <= 1) locked.add('model');
  return (Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]).filter((k) => locked.has(k));
}

export function policyStatus(state: PolicyState): PolicyStatus {
  const policy = state.kind === 'valid' ? state.policy : null;
  return {
    path: state.path,
    found: state.kind !== 'absent',
    valid: state.kind === 'valid',
    problems: state.kind === 'invalid' ? state.problems : [],
    organization: policy?.organization ?? null,
    locked: lockedSettings(state),
    disabledTools: policy ? TOOLS.filter((t) => policy.tools[t] === false) : [],
  };
}
