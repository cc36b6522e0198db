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
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
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
