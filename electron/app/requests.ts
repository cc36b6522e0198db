import type { ChatDelta } from '../../shared/llm/types';
import type { CallContext } from '../ipc/handlers';

/** Streamed calls in flight by request id: `model:cancel` aborts whichever it names. */
export type Requests = Map<string, AbortController>;

/** Runs a streamed call under its request id, its deltas sent as `model:delta` events. */
export async function underRequest<T>(
  requests: Requests,
  requestId: string,
  ctx: CallContext,
  run: (options: { signal: AbortSignal; onDelta: (d: ChatDelta) => void }) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  requests.set(requestId, controller);
  try {
    return await run({
      signal: controller.signal,
      onDelta: (d) => ctx.emit('model:delta', { requestId, kind: d.kind, text: d.kind === 'retract' ? '' : d.text }),
    });
  } finally {
    requests.delete(requestId);
  }
}
