import { z } from 'zod';
import { ErrorDataSchema } from '../errors';
import { ChatMessage } from '../llm/types';

/** Where the effective endpoint comes from, or why there is none. */
export const EngineReason = z.enum([
  'policy', // an endpoint approved by the machine policy
  'user', // no policy on this machine; the user configured one
  'not_configured',
  'policy_no_endpoint', // a policy exists and approves no endpoint
  'policy_invalid', // safe state: the policy could not be read or validated
  'unreachable', // configured, but the last attempt could not connect: offline for a minute
]);
export type EngineReason = z.infer<typeof EngineReason>;

export const PolicyProblem = z.object({ path: z.string(), message: z.string() });
export type PolicyProblem = z.infer<typeof PolicyProblem>;

export const PolicyStatus = z.object({
  /** Where the policy is looked for on this machine. */
  path: z.string(),
  found: z.boolean(),
  valid: z.boolean(),
  problems: z.array(PolicyProblem),
  organization: z.string().nullable(),
  /** Settings keys the policy fixes. */
  locked: z.array(z.string()),
  /** Tools the policy turned off. */
  disabledTools: z.array(z.string()),
});
export type PolicyStatus = z.infer<typeof PolicyStatus>;

export const EndpointSummary = z.object({
  id: z.string(),
  name: z.string(),
  baseUrl: z.string(),
  model: z.string(),
  models: z.array(z.string()),
  contextWindow: z.number().int(),
  maxTokens: z.number().int(),
  classificationCeiling: z.string(),
});
export type EndpointSummary = z.infer<typeof EndpointSummary>;

export const EndpointStatus = z.object({
  engine: z.enum(['endpoint', 'offline']),
  reason: EngineReason,
  endpoint: EndpointSummary.nullable(),
  apiKey: z.object({
    /** A key is stored (safeStorage) or given by WENSHU_API_KEY. */
    present: z.boolean(),
    storage: z.enum(['safeStorage', 'env', 'memory', 'unavailable']),
  }),
  policy: PolicyStatus,
  /** The policy lets users ask the endpoint for a second opinion on flagged summary sentences. */
  secondOpinion: z.boolean(),
});
export type EndpointStatus = z.infer<typeof EndpointStatus>;

export const PiiType = z.enum(['id_number', 'mobile', 'bank_card', 'email']);
export type PiiType = z.infer<typeof PiiType>;

export const PiiEntity = z.object({
  type: PiiType,
  start: z.number().int(),
  end: z.number().int(),
  value: z.string(),
  placeholder: z.string(),
});
export type PiiEntity = z.infer<typeof PiiEntity>;

/** Exactly what a request would send, before anything is sent. */
export const RequestPreview = z.object({
  endpoint: EndpointSummary.nullable(),
  messages: z.array(ChatMessage),
  entities: z.array(PiiEntity),
  estimate: z.object({
    promptTokens: z.number().int(),
    maxTokens: z.number().int(),
    contextWindow: z.number().int(),
    fits: z.boolean(),
  }),
  /** Why this request would be refused (classified content, too long, no endpoint), if it would. */
  refusal: ErrorDataSchema.nullable(),
});
export type RequestPreview = z.infer<typeof RequestPreview>;

export const CHECK_IDS = ['policy', 'store', 'dns', 'tcp', 'tls', 'auth', 'models', 'completion'] as const;
export const CheckId = z.enum(CHECK_IDS);
export type CheckId = z.infer<typeof CheckId>;

export const CheckItem = z.object({
  id: CheckId,
  ok: z.boolean(),
  /** Skipped because an earlier check failed or it does not apply (e.g. TLS for http). */
  skipped: z.boolean(),
  detail: z.string(),
  /** What to do about a failure, in the user's language. */
  fix: z.string().nullable(),
});
export type CheckItem = z.infer<typeof CheckItem>;

export const DoctorReport = z.object({ ok: z.boolean(), items: z.array(CheckItem) });
export type DoctorReport = z.infer<typeof DoctorReport>;
