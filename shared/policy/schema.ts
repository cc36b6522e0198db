import { z } from 'zod';
import { Classification } from '../domain/document';
import { Settings } from '../domain/settings';

/**
 * The machine policy IT places at a fixed path per OS (see docs/policy.md). It names the approved
 * endpoints, the data boundary and what users may change; its values override user settings and
 * lock them. docs/policy.schema.json is generated from this schema.
 */

const Pem = z
  .string()
  .regex(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/, 'a PEM certificate (BEGIN/END CERTIFICATE)');

export const ModelEntry = z
  .object({
    name: z.string().min(1).max(200).describe('the model name the endpoint expects, e.g. qwen3-32b'),
    contextWindow: z.number().int().min(512).max(10_000_000).describe('context window in tokens'),
    maxTokens: z.number().int().min(1).max(1_000_000).optional().describe('max_tokens for answers'),
  })
  .strict();
export type ModelEntry = z.infer<typeof ModelEntry>;

export const EndpointPolicy = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'lower-case letters, digits, - and _')
      .describe('stable id'),
    name: z.string().min(1).max(100).describe('shown to users, e.g. 省政务云大模型'),
    baseUrl: z
      .url({ protocol: /^https?$/ })
      .describe('OpenAI-compatible base URL including /v1, e.g. https://llm.gov.example/v1'),
    models: z.array(ModelEntry).min(1),
    /** The first model is the default. */
    defaultModel: z.string().optional(),
    auth: z
      .object({
        header: z
          .string()
          .regex(/^[A-Za-z0-9-]+$/)
          .default('Authorization'),
        /** Prefix before the key: "Bearer" → `Authorization: Bearer KEY`; "" → the key alone. */
        scheme: z.string().max(20).default('Bearer'),
      })
      .strict()
      .nullable()
      .default({ header: 'Authorization', scheme: 'Bearer' })
      .describe('null: the endpoint needs no key'),
    headers: z.record(z.string().regex(/^[A-Za-z0-9-]+$/), z.string().max(1000)).default({}),
    temperature: z.number().min(0).max(2).default(0.3),
    /** Highest 密级 this endpoint may receive; "none": nothing marked 秘密/机密/绝密. */
    classificationCeiling: z.enum(['none', ...Classification.options]).default('none'),
    /** Ask for a usage chunk (`stream_options.include_usage`); off for servers that reject it. */
    streamUsage: z.boolean().default(true),
  })
  .strict();
export type EndpointPolicy = z.infer<typeof EndpointPolicy>;

export const PiiRules = z
  .object({
    id_number: z.boolean().default(true),
    mobile: z.boolean().default(true),
    bank_card: z.boolean().default(true),
    email: z.boolean().default(true),
  })
  .strict();
export type PiiRules = z.infer<typeof PiiRules>;

export const Timeouts = z
  .object({
    connectMs: z.number().int().min(100).max(120_000).default(10_000),
    firstTokenMs: z.number().int().min(100).max(600_000).default(60_000),
    idleMs: z.number().int().min(100).max(600_000).default(30_000),
  })
  .strict();
export type Timeouts = z.infer<typeof Timeouts>;

export const Retries = z
  .object({
    max: z.number().int().min(0).max(10).default(2),
    baseDelayMs: z.number().int().min(0).max(60_000).default(500),
    maxDelayMs: z.number().int().min(0).max(300_000).default(30_000),
  })
  .strict();
export type Retries = z.infer<typeof Retries>;

export const TOOLS = ['draft', 'summarize', 'forms'] as const;
export const Tool = z.enum(TOOLS);
export type Tool = z.infer<typeof Tool>;

export const Policy = z
  .object({
    $schema: z.string().optional(),
    version: z.literal(1),
    organization: z.string().max(200).optional().describe('shown in Settings, e.g. 某某市人民政府办公室'),
    /** The approved endpoints. Present and empty: no endpoint at all (offline only). */
    endpoints: z.array(EndpointPolicy).default([]),
    /** Extra trust anchors (government PKI), in addition to the system's. */
    caCertificates: z.array(Pem).default([]),
    /** Requests in flight to one endpoint from this machine; more wait in a queue. */
    concurrency: z.number().int().min(1).max(64).default(4),
    timeouts: Timeouts.default(Timeouts.parse({})),
    retries: Retries.default(Retries.parse({})),
    pii: PiiRules.default(PiiRules.parse({})),
    tools: z
      .partialRecord(Tool, z.boolean())
      .default({})
      .describe('false disables a tool; tools not named stay enabled'),
    retention: z
      .object({
        auditDays: z.number().int().min(30).optional(),
        draftDays: z.number().int().min(1).optional(),
      })
      .strict()
      .default({}),
    logLevel: z.enum(['error', 'warn', 'info', 'debug']).default('warn'),
    /** User settings fixed by the organization: shown as managed, not editable. */
    settings: Settings.partial().strict().default({}),
  })
  .strict();
export type Policy = z.infer<typeof Policy>;
