import type { CallInput, CallName, CallOutput } from '../../shared/contract';
import { AppError } from '../../shared/errors';

/** Calls main through `window.wenshu`: resolves with the value or throws the error value as an AppError. */
export async function call<K extends CallName>(channel: K, input: CallInput<K>): Promise<CallOutput<K>> {
  const result = await window.wenshu.call(channel, input);
  if (result.ok) return result.value;
  throw new AppError(result.error.code, result.error.message, result.error.params);
}

/** Anything caught (a failed call, a render crash, a dropped bridge) as an AppError the UI can translate. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  return new AppError('internal', err instanceof Error ? err.message : String(err));
}
