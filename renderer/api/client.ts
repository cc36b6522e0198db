import type { CallInput, CallName, CallOutput } from '../../shared/contract';
import type { ErrorParams } from '../../shared/errors';

/** A failed call, carrying the stable code the UI translates (`errors.<code>`). */
export class CallError extends Error {
  readonly code: string;
  readonly params?: ErrorParams;

  constructor(code: string, message: string, params?: ErrorParams) {
    super(message);
    this.name = 'CallError';
    this.code = code;
    this.params = params;
  }
}

/** Calls main through `window.wenshu`: resolves with the value or throws a CallError. */
export async function call<K extends CallName>(channel: K, input: CallInput<K>): Promise<CallOutput<K>> {
  const result = await window.wenshu.call(channel, input);
  if (result.ok) return result.value;
  throw new CallError(result.error.code, result.error.message, result.error.params);
}

/** Anything caught (a CallError, a render crash, a dropped bridge) as a CallError. */
export function toCallError(err: unknown): CallError {
  if (err instanceof CallError) return err;
  return new CallError('internal', err instanceof Error ? err.message : String(err));
}
