import { z } from 'zod';

/**
 * Errors cross every boundary (IPC, HTTP, CLI) as plain values with a stable code.
 * The UI translates the code (see shared/i18n); `message` is an English fallback for logs.
 */
export const ERROR_CODES = [
  'invalid_input',
  'forbidden',
  'unknown_channel',
  'not_found',
  'ambiguous_id',
  'file_not_found',
  'file_unreadable',
  'unsupported_type',
  'empty_file',
  'too_large',
  'unknown_encoding',
  'password_required',
  'wrong_password',
  'corrupt_file',
  'unsafe_file',
  'parse_failed',
  'cancelled',
  'store_unavailable',
  'store_too_new',
  'setting_locked',
  // The approved endpoint (policy, network and data boundary, model answers).
  'policy_invalid',
  'endpoint_not_configured',
  'endpoint_not_allowed',
  'endpoint_unreachable',
  'endpoint_timeout',
  'tls_untrusted',
  'endpoint_redirect',
  'endpoint_auth',
  'endpoint_rate_limited',
  'endpoint_server_error',
  'endpoint_bad_request',
  'endpoint_bad_response',
  'model_not_found',
  'context_length_exceeded',
  'stream_interrupted',
  'input_too_long',
  'classified_content',
  // The review gate.
  'not_approved',
  'draft_not_found',
  'draft_conflict',
  'invalid_state',
  'content_changed',
  'warnings_unacknowledged',
  'decision_request',
  'export_failed',
  'template_pack_invalid',
  'form_unreadable',
  'form_no_fields',
  'form_unknown_field',
  'form_bad_value',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** An error as a value inside a contract payload (e.g. a rejected file, a refused request). */
export const ErrorDataSchema = z.object({
  code: z.string(),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ErrorParams = Record<string, string | number>;

export interface AppErrorData {
  code: ErrorCode;
  message: string;
  params?: ErrorParams;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params?: ErrorParams;

  constructor(code: ErrorCode, message: string, params?: ErrorParams) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.params = params;
  }

  toData(): AppErrorData {
    return this.params
      ? { code: this.code, message: this.message, params: this.params }
      : { code: this.code, message: this.message };
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** Anything thrown becomes a value; unknown failures are `internal` and keep only their message. */
export function toErrorData(err: unknown): AppErrorData {
  if (err instanceof AppError) return err.toData();
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'internal', message };
}
