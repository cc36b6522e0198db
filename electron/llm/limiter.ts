import { AppError } from '../../shared/errors';

/** At most `max` tasks run at once per endpoint; the rest wait in FIFO order. */
export interface Limiter {
  /** Rejects with AppError('cancelled') if `signal` aborts while the task is still queued. */
  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  readonly active: number;
  readonly queued: number;
}

interface Waiter {
  start: () => void;
}

export function createLimiter(max: number): Limiter {
  if (!Number.isInteger(max) || max < 1) throw new RangeError(`limiter size must be a positive integer, got ${max}`);
  let active = 0;
  const queue: Waiter[] = [];

  const release = () => {
    active--;
    const next = queue.shift();
    if (next) next.start();
  };

  /** Resolves when a slot is taken (the caller must release it). */
  const acquire = (signal?: AbortSignal): Promise<void> => {
    if (signal?.aborted) return Promise.reject(new AppError('cancelled', 'cancelled while queued'));
    if (active < max && queue.length === 0) {
      active++;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        start: () => {
          signal?.removeEventListener('abort', onAbort);
          active++;
          resolve();
        },
      };
      const onAbort = () => {
        const at = queue.indexOf(waiter);
        if (at >= 0) queue.splice(at, 1);
        reject(new AppError('cancelled', 'cancelled while queued'));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      queue.push(waiter);
    });
  };

  return {
    async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
      await acquire(signal);
      try {
        return await task();
      } finally {
        release();
      }
    },
    get active() {
      return active;
    },
    get queued() {
      return queue.length;
    },
  };
}
