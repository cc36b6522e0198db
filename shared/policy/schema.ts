import { z } from 'zod';
import { Classification } from '../domain/document';
import { Settings } from '../domain/settings';
import { TemplatePack } from '../gongwen/type-spec';
import { FormProfile } from '../domain/form';

/**
 * The machine policy IT places at a fixed path per OS (see docs/policy.md). It names the approved
 * endpoints, the data boundary and what users may change; its values override user settings and
 * lock them. docs/policy.schema.json is generated from this schema (`npm run policy-schema`);
 * checks that JSON Schema cannot express (cross-field, PEM parsing) are noted where they live.
 */

const HeaderName = z.string().regex(/^[A-Za-z0-9-]+$/, 'a header name: letters, digits and - only');
/** Headers Wenshu sets itself: a policy overriding them could redirect or corrupt requests. */
const RESERVED_HEADERS = ['host', 'transfer-encoding', 'connection', 'accept'];

export const PemCertificate = z
  .string()
  .regex(
    /^\s*-----BEGIN CERTIFICATE-----[A-Za-z0-9+/=\s]+-----END CERTIFICATE-----\s*$/,
    'one PEM certificate per entry (-----BEGIN CERTIFICATE----- … -----END CERTIFICATE-----, newlines as \\n)',
  )
  .describe('a CA certificate in PEM form; in JSON the line breaks are written \\n');

const BaseUrl = z
  .url({ protocol: /^https?$/, error: 'an http:// or https:// URL' })
  .regex(/^https?:\/\/[^/?#@\s]+(\/[^?#\s]*)?$/, 'an http(s) URL without user name, query or fragment')
  .regex(
    /^(https:\/\/|http:\/\/(localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])(:\d+)?(\/|$))/,
    'https:// is required (plain http only for localhost, 127.x.x.x or [::1])',
  )
  .describe('OpenAI-compatible base URL including /v1, e.g. https://llm.gov.example/v1');

export const ModelEntry = z
  .object({
    name: z.string().min(1).max(200).describe('the model name the endpoint expects, e.g. qwen3-32b'),
    contextWindow: z.number().int().min(512).max(10_000_000).describe('context window in tokens'),
    maxTokens: z
      .number()
      .int()
      .min(1)
      .max(1_000_000)
      .optional()
      .describe('max_tokens for answers; default min(2048, contextWindow / 4)'),
  })
  .strict();
export type ModelEntry = z.infer<typeof ModelEntry>;

export const EndpointPolicy = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'lower-case letters, digits, - and _ (at most 40)')
      .describe('stable id, recorded in the audit log'),
    name: z.string().min(1).max(100).describe('shown to users, e.g. 省政务云大模型'),
    baseUrl: BaseUrl,
    models: z.array(ModelEntry).min(1).describe('the models users may use at this endpoint'),
    defaultModel: z.string().optional().describe('one of models[].name; default: the first model'),
    auth: z
      .object({
        header: HeaderName.default('Authorization'),
        scheme: z
          .string()
          .max(20)
          .default('Bearer')
          .describe('prefix before the key: "Bearer" → `Authorization: Bearer KEY`; "" → the key alone'),
      })
      .strict()
      .nullable()
      .default({ header: 'Authorization', scheme: 'Bearer' })
      .describe('where the API key goes; null: the endpoint needs no key'),
    headers: z
      .record(HeaderName, z.string().max(1000))
      .default({})
      .describe('extra headers sent with every request (not Host, Content-*, Accept, Connection or the auth header)'),
    temperature: z.number().min(0).max(2).default(0.3),
    classificationCeiling: z
      .enum(['none', ...Classification.options])
      .default('none')
      .describe('highest 密级 this endpoint may receive; "none": nothing marked 秘密/机密/绝密'),
    streamUsage: z
      .boolean()
      .default(true)
      .describe('ask for a usage chunk (stream_options.include_usage); false for servers that reject it'),
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
  .strict()
  .describe('which personal identifiers are replaced by placeholders before a request; true: replaced');
export type PiiRules = z.infer<typeof PiiRules>;

export const Timeouts = z
  .object({
    connectMs: z.number().int().min(100).max(120_000).default(10_000),
    firstTokenMs: z.number().int().min(100).max(600_000).default(60_000),
    idleMs: z.number().int().min(100).max(600_000).default(30_000).describe('longest gap between streamed chunks'),
  })
  .strict();
export type Timeouts = z.infer<typeof Timeouts>;

export const Retries = z
  .object({
    max: z.number().int().min(0).max(10).default(2),
    baseDelayMs: z.number().int().min(0).max(60_000).default(500),
    maxDelayMs: z.number().int().min(0).max(300_000).default(30_000),
  })
  .strict()
  .describe('retries with exponential backoff, only where safe (nothing streamed yet)');
export type Retries = z.infer<typeof Retries>;

export const TOOLS = ['draft', 'summarize', 'forms'] as const;
export const Tool = z.enum(TOOLS);
export type Tool = z.infer<typeof Tool>;

export const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;
export const LogLevel = z.enum(LOG_LEVELS);
export type LogLevel = z.infer<typeof LogLevel>;

/**
 * User settings the policy fixes. With a policy the endpoint always comes from `endpoints`, so the
 * user-endpoint fields cannot be set here (a policy saying both would contradict itself).
 */
const PolicySettings = Settings.pick({ locale: true, maxImportMb: true, model: true })
  .extend({
    endpointUrl: z.literal('', 'must be "" or left out: with a policy the endpoint comes from `endpoints`'),
    contextWindow: z
      .never('cannot be set here: each model in `endpoints` names its context window')
      .describe('not allowed: the context window comes from endpoints[].models[]'),
  })
  .partial()
  .strict()
  .describe('user settings fixed by the organization: shown as managed, not editable');

/** AI-content labels on every export (《人工智能生成合成内容标识办法》, GB 45438-2025). */
export const AigcPolicy = z
  .object({
    /** The explicit label in the exported document; it must name AI (人工智能/AI) and generation (生成/合成). */
    visibleLabel: z.boolean().default(true),
    labelText: z
      .string()
      .min(4)
      .max(200)
      .refine((t) => /人工智能|AI/i.test(t) && /生成|合成/.test(t), 'must contain 人工智能 (or AI) and 生成 (or 合成)')
      .default('本文件包含人工智能生成内容，请核实后使用'),
    /** ContentProducer of the implicit label: the provider's name or code (e.g. 001 + 1 + USCC + 5 digits). */
    contentProducer: z.string().max(200).default('Wenshu'),
  })
  .strict();
export type AigcPolicy = z.infer<typeof AigcPolicy>;

/** The non-decision guard's word lists: added to the built-in ones, or replacing them. */
export const DecisionWords = z
  .object({
    mode: z.enum(['extend', 'replace']).default('extend'),
    /** Phrases that ask the tool to decide a case (是否批准, approve the application …). */
    requests: z.array(z.string().min(2).max(50)).max(500).default([]),
    /** Wording in an output that decides (批准, 不予受理 …): a review warning. */
    outputs: z.array(z.string().min(2).max(50)).max(500).default([]),
  })
  .strict();
export type DecisionWords = z.infer<typeof DecisionWords>;

const PolicyObject = z
  .object({
    $schema: z.string().optional().describe('ignored; lets editors find docs/policy.schema.json'),
    version: z.literal(1, 'must be 1 (the policy format this Wenshu reads)'),
    organization: z.string().max(200).optional().describe('shown in Settings, e.g. 某某市人民政府办公室'),
    endpoints: z
      .array(EndpointPolicy)
      .default([])
      .describe('the approved endpoints; the first is used. Empty or left out: no endpoint (offline only)'),
    caCertificates: z
      .array(PemCertificate)
      .default([])
      .describe("extra trust anchors (government PKI), in addition to the system's"),
    concurrency: z
      .number()
      .int()
      .min(1)
      .max(64)
      .default(4)
      .describe('requests in flight to one endpoint from this machine; more wait in a queue'),
    timeouts: Timeouts.default(Timeouts.parse({})),
    retries: Retries.default(Retries.parse({})),
    pii: PiiRules.default(PiiRules.parse({})),
    tools: z
      .partialRecord(Tool, z.boolean())
      .default({})
      .describe('false disables a tool; tools not named stay enabled'),
    retention: z
      .object({
        auditDays: z
          .number()
          .int()
          .min(30)
          .max(36_500)
          .optional()
          .describe('how long the audit log must be kept; Wenshu never deletes audit entries'),
        draftDays: z
          .number()
          .int()
          .min(1)
          .max(36_500)
          .optional()
          .describe('unapproved drafts older than this are deleted; default: kept'),
      })
      .strict()
      .default({})
      .describe('how long audit entries must be kept, and when unapproved drafts go; left out: kept'),
    verification: z
      .object({
        secondOpinion: z
          .boolean()
          .default(false)
          .describe(
            'let users ask the endpoint to judge each flagged summary sentence against its passage (advisory, never proof)',
          ),
      })
      .strict()
      .default({ secondOpinion: false })
      .describe('checks of AI output beyond the built-in deterministic verifier'),
    logLevel: LogLevel.default('warn'),
    aigc: AigcPolicy.default(AigcPolicy.parse({})),
    decisionWords: DecisionWords.default(DecisionWords.parse({})),
    formProfiles: z
      .array(FormProfile)
      .max(500)
      .default([])
      .describe(
        "the region's form profiles (field labels and validation types per form, by the form file's SHA-256; `wenshu form profile FILE --json` writes one): used when the user has not saved their own",
      ),
    templatePacks: z
      .array(TemplatePack)
      .max(20)
      .default([])
      .describe("the region's document types (docs/template-packs.md); they win over packs users import"),
    settings: PolicySettings.default({}),
  })
  .strict();

export const Policy = PolicyObject.check(crossFieldChecks).describe(
  'The model endpoints IT approves for this machine, the data boundary and the user settings IT fixes. See docs/policy.md.',
);
export type Policy = z.infer<typeof Policy>;
export type PolicyInput = z.input<typeof Policy>;

/**
 * What JSON Schema cannot say. Runs only once every field is valid on its own, so a bad field does
 * not bring follow-on complaints (an empty model list is not also "defaultModel not among models").
 */
function crossFieldChecks(ctx: z.core.ParsePayload<z.output<typeof PolicyObject>>): void {
  if (ctx.issues.length > 0) return;
  const p = ctx.value;
  const problem = (path: (string | number)[], message: string) =>
    ctx.issues.push({ code: 'custom', path, message, input: p });
  const ids = new Set<string>();
  p.endpoints.forEach((e, i) => {
    if (ids.has(e.id)) problem(['endpoints', i, 'id'], `duplicate endpoint id "${e.id}"`);
    ids.add(e.id);
    const names = e.models.map((m) => m.name);
    e.models.forEach((m, j) => {
      if (names.indexOf(m.name) !== j) problem(['endpoints', i, 'models', j, 'name'], `duplicate model "${m.name}"`);
      if (m.maxTokens !== undefined && m.maxTokens >= m.contextWindow) {
        problem(['endpoints', i, 'models', j, 'maxTokens'], `must be less than contextWindow (${m.contextWindow})`);
      }
    });
    if (e.defaultModel !== undefined && !names.includes(e.defaultModel)) {
      problem(['endpoints', i, 'defaultModel'], `"${e.defaultModel}" is not one of models: ${names.join(', ')}`);
    }
    for (const h of Object.keys(e.headers)) {
      const lower = h.toLowerCase();
      if (RESERVED_HEADERS.includes(lower) || lower.startsWith('content-')) {
        problem(['endpoints', i, 'headers', h], `${h} is set by Wenshu and cannot be overridden`);
      } else if (e.auth && lower === e.auth.header.toLowerCase()) {
        problem(
          ['endpoints', i, 'headers', h],
          `${h} carries the API key (auth.header); set auth to null to send it here`,
        );
      }
    }
  });
  if (p.retries.baseDelayMs > p.retries.maxDelayMs) {
    problem(['retries', 'baseDelayMs'], `must not exceed maxDelayMs (${p.retries.maxDelayMs})`);
  }
  const model = p.settings.model;
  if (model !== undefined) {
    const first = p.endpoints[0];
    const names = first?.models.map((m) => m.name) ?? [];
    if (!names.includes(model)) {
      problem(
        ['settings', 'model'],
        first
          ? `"${model}" is not one of the models of endpoint "${first.id}": ${names.join(', ')}`
          : `"${model}" names a model but the policy approves no endpoint`,
      );
    }
  }
}
