/**
 * The one contract between the renderer and main. Every call (request and response) and
 * every pushed event is declared here; the preload bridge, the web bridge, the main-side
 * handler registry and the renderer client are all derived from these two maps.
 */
import type { z } from 'zod';
import { appCalls } from './app';
import { auditCalls } from './audit';
import { documentCalls, documentEvents } from './documents';
import { draftCalls, draftEvents } from './drafts';
import { draftingCalls } from './drafting';
import { endpointCalls, endpointEvents } from './endpoint';
import { settingsCalls } from './settings';
import { summaryCalls, summaryEvents } from './summaries';
import { formCalls } from './forms';

export const calls = {
  ...appCalls,
  ...settingsCalls,
  ...documentCalls,
  ...endpointCalls,
  ...auditCalls,
  ...draftCalls,
  ...draftingCalls,
  ...summaryCalls,
  ...formCalls,
} as const;

export const events = {
  ...documentEvents,
  ...endpointEvents,
  ...draftEvents,
  ...summaryEvents,
} as const;

type Calls = typeof calls;
type Events = typeof events;
export type CallName = keyof Calls;
export type EventName = keyof Events;
export type CallInput<K extends CallName> = z.input<Calls[K]['input']>;
/** What a handler receives: the input after validation and defaults. */
export type ParsedInput<K extends CallName> = z.output<Calls[K]['input']>;
export type CallOutput<K extends CallName> = z.output<Calls[K]['output']>;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export const CALL_NAMES = Object.keys(calls) as CallName[];

export const isCallName = (name: unknown): name is CallName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(calls, name);
export const isEventName = (name: unknown): name is EventName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);
