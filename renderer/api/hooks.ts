import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import type { CallInput, CallName, CallOutput, EventName, EventPayload } from '../../shared/contract';
import { call, toAppError } from './client';
import type { AppError } from '../../shared/errors';

export interface Query<T> {
  /**
   * The latest value received, kept while a reload or a new input loads (a list re-sorts
   * without flashing); screens that must not show another input's value remount per input.
   */
  data: T | undefined;
  /** The error of the current request, if it failed. */
  error: AppError | undefined;
  loading: boolean;
  reload: () => void;
}

interface Settled<T> {
  key: string;
  generation: number;
  data?: T;
  error?: AppError;
}

/**
 * Runs a read-only call, again whenever the input changes (compared by value) or `reload` is
 * called. A reply to a superseded request is dropped, so a slow old answer never wins.
 */
export function useQuery<K extends CallName>(channel: K, input: CallInput<K>): Query<CallOutput<K>> {
  const key = `${channel} ${JSON.stringify(input)}`;
  const [generation, setGeneration] = useState(0);
  const [settled, setSettled] = useState<Settled<CallOutput<K>>>();

  useEffect(() => {
    let live = true;
    call(channel, input).then(
      (data) => live && setSettled({ key, generation, data }),
      (err: unknown) => live && setSettled((prev) => ({ key, generation, data: prev?.data, error: toAppError(err) })),
    );
    return () => {
      live = false;
    };
    // `input` is covered by `key`: callers may pass a fresh object literal on every render.
  }, [channel, key, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const current = settled?.key === key && settled.generation === generation ? settled : undefined;
  return { data: settled?.data, error: current?.error, loading: !current, reload };
}

/** Subscribes to a pushed event while the component is mounted; always calls the latest listener. */
export function useEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): void {
  const onEvent = useEffectEvent(listener);
  useEffect(() => window.wenshu.on(event, (payload) => onEvent(payload)), [event]);
}
