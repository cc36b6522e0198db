import { calls, isCallName } from '../../shared/contract';
import { toErrorData } from '../../shared/errors';
import type { Result } from '../../shared/result';
import type { CallContext, Handlers } from './handlers';

export interface DispatchOptions {
  /** Check replies against the contract too (tests and development). */
  validateOutput?: boolean;
  /** Where unexpected failures are reported; the caller only sees `internal`. */
  onInternalError?: (channel: string, err: unknown) => void;
}

export type Dispatch = (channel: unknown, raw: unknown, ctx: CallContext) => Promise<Result<unknown>>;

/**
 * The single path from an untrusted payload to a service: channel check, zod validation,
 * the handler, and an error value with a stable code. Electron IPC and the web server both use it.
 */
export function createDispatch(handlers: Handlers, options: DispatchOptions = {}): Dispatch {
  return async (channel, raw, ctx) => {
    if (!isCallName(channel)) {
      return { ok: false, error: { code: 'unknown_channel', message: `unknown channel ${String(channel)}` } };
    }
    const spec = calls[channel];
    const parsed = spec.input.safeParse(raw ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? issue.path.join('.') : '(input)';
      return {
        ok: false,
        error: {
          code: 'invalid_input',
          message: `${channel}: ${where}: ${issue?.message ?? 'invalid'}`,
          params: { field: where },
        },
      };
    }
    try {
      const handler = handlers[channel] as (input: unknown, ctx: CallContext) => Promise<unknown>;
      const value = await handler(parsed.data, ctx);
      if (options.validateOutput) spec.output.parse(value);
      return { ok: true, value };
    } catch (err) {
      const data = toErrorData(err);
      if (data.code === 'internal') options.onInternalError?.(channel, err);
      return { ok: false, error: data };
    }
  };
}
