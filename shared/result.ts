import type { AppErrorData } from './errors';

/** What every call returns across a process boundary: `invoke` would keep only an Error's message. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: AppErrorData): Result<never> => ({ ok: false, error });
