/**
 * What one try at a request comes to. A failure carries what the retry loop needs to decide
 * whether to try again: whether it came before any response, and the wait the server asked for.
 */
import { AppError } from '../../shared/errors';

export type Attempt<T> =
  { ok: true; value: T } | { ok: false; error: AppError; beforeResponse: boolean; retryAfterMs: number | null };

export function failed(error: AppError, beforeResponse: boolean, retryAfterMs: number | null = null) {
  return { ok: false as const, error, beforeResponse, retryAfterMs };
}

/** Anything thrown, as an AppError: what is not one already is a bug, reported as `internal`. */
export function asAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  return new AppError('internal', err instanceof Error ? err.message : String(err));
}
