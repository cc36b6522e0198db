import { z } from 'zod';
import { DocumentId } from '../domain/document';
import { DoctorReport, EndpointStatus, PolicyStatus, RequestPreview } from '../domain/endpoint';
import { ChatResult } from '../llm/types';

const RequestId = z.string().min(1).max(64);

/** A prompt from the user, optionally over documents from the store (their text goes along). */
const PromptInput = z
  .object({
    prompt: z.string().min(1).max(200_000),
    documentIds: z.array(DocumentId).max(50).default([]),
  })
  .strict();

export const endpointCalls = {
  'policy:status': { input: z.object({}).strict(), output: PolicyStatus },
  /** Which engine the tools use now (endpoint or offline) and why. */
  'endpoint:status': { input: z.object({}).strict(), output: EndpointStatus },
  /** Kept with Electron safeStorage; '' removes it. Never returned to the renderer. */
  'endpoint:setApiKey': {
    input: z.object({ apiKey: z.string().max(4096) }).strict(),
    output: EndpointStatus,
  },
  /** The same checks as `wenshu doctor`. */
  'endpoint:check': { input: z.object({}).strict(), output: DoctorReport },
  /** Exactly what `model:complete` would send, after the data boundary; nothing is sent. */
  'model:preview': { input: PromptInput, output: RequestPreview },
  /** Streams `model:delta` events tagged with requestId; resolves with the whole result. */
  'model:complete': {
    input: PromptInput.extend({
      requestId: RequestId,
      /** Continue an answer that stopped at max_tokens (finishReason "length"). */
      continueFrom: z.string().max(1_000_000).optional(),
    }).strict(),
    output: ChatResult,
  },
  'model:cancel': { input: z.object({ requestId: RequestId }).strict(), output: z.object({ cancelled: z.boolean() }) },
} as const;

export const endpointEvents = {
  'model:delta': z.object({
    requestId: RequestId,
    kind: z.enum(['answer', 'reasoning', 'retract']),
    text: z.string(),
  }),
  /** Policy, settings or key changed: the engine may have changed. */
  'endpoint:changed': z.object({}),
} as const;
