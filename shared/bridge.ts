import { CALL_NAMES, isCallName, isEventName } from './contract';
import type { CallInput, CallName, CallOutput, EventName, EventPayload } from './contract';
import type { Result } from './result';

/** How a bridge reaches main: Electron IPC in the app, HTTP in `start:web`. */
export interface Transport {
  invoke(channel: CallName, input: unknown): Promise<Result<unknown>>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

/** `window.wenshu`: the same object in Electron and in the browser harness. */
export interface WenshuApi {
  readonly channels: readonly CallName[];
  call<K extends CallName>(channel: K, input: CallInput<K>): Promise<Result<CallOutput<K>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/**
 * Builds the API from a transport. Names outside the contract are refused here already;
 * main validates payloads again, since a compromised renderer can bypass this object.
 */
export function createBridge(transport: Transport): WenshuApi {
  return Object.freeze({
    channels: Object.freeze([...CALL_NAMES]),
    async call<K extends CallName>(channel: K, input: CallInput<K>) {
      if (!isCallName(channel)) {
        return { ok: false, error: { code: 'unknown_channel', message: String(channel) } } as const;
      }
      return (await transport.invoke(channel, input)) as Result<CallOutput<K>>;
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) {
      if (!isEventName(event)) throw new TypeError(`unknown event ${String(event)}`);
      return transport.subscribe(event, listener as (payload: unknown) => void);
    },
  });
}
