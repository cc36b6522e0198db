import { AppError } from '../../shared/errors';
import type { AppErrorData } from '../../shared/errors';

export interface RetryPolicy {
  max: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/**
 * Failures after which sending the same request again is safe and may help, provided nothing was
 * delivered to the caller yet: the endpoint was not reached (refused, connect timeout), the
 * connection broke before any response, it is busy (429), or a gateway in front of it failed
 * (502/503/504). A 500 is the model server's own failure for this request and is not repeated;
 * neither is any other 4xx, a first-token timeout, or anything after the first delta.
 */
export function isRetryable(error: AppErrorData, beforeResponse: boolean): boolean {
  switch (error.code) {
    case 'endpoint_unreachable':
      return true;
    case 'endpoint_timeout':
      return error.params?.phase === 'connect';
    case 'stream_interrupted':
      return beforeResponse;
    case 'endpoint_rate_limited':
      return true;
    case 'endpoint_server_error':
      return [502, 503, 504].includes(Number(error.params?.status));
    default:
      return false;
  }
}

/** Exponential backoff with "equal jitter": between half and all of base·2^attempt, capped. */
export function backoffMs(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Retry-After as delta-seconds or an HTTP-date, in ms from `now`; null when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | null {
  if (value === undefined) return null;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now);
}

/**
 * How long to wait before retry number `attempt` (0-based), or null to give up: retries are used
 * up, or the server asks for a longer wait than the policy allows (waiting would only hold the
 * user up; the error tells them when to try again).
 */
export function retryDelay(
  attempt: number,
  policy: RetryPolicy,
  retryAfterMs: number | null,
  random?: () => number,
): number | null {
  if (attempt >= policy.max) return null;
  if (retryAfterMs !== null) return retryAfterMs > policy.maxDelayMs ? null : retryAfterMs;
  return backoffMs(attempt, policy, random);
}

/** Resolves after `ms`; rejects with AppError('cancelled') as soon as the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(new AppError('cancelled', 'cancelled'));
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(new AppError('cancelled', 'cancelled'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
