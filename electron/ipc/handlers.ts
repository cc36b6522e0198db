import type { CallName, CallOutput, EventName, EventPayload, ParsedInput } from '../../shared/contract';

/** Pushes an event to every window (Electron) or event stream (web). */
export type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface CallContext {
  emit: Emit;
}

/** One handler per contract call: a call without a handler is a compile error. */
export type Handlers = {
  [K in CallName]: (input: ParsedInput<K>, ctx: CallContext) => Promise<CallOutput<K>>;
};
