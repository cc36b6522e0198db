import type { EndpointSummary, EngineReason } from '../../shared/domain/endpoint';
import { normaliseOrigin } from '../net/origin';
import type { Settings } from '../../shared/domain/settings';
import { EndpointPolicy, Policy, TOOLS } from '../../shared/policy/schema';
import type {
  AigcPolicy,
  DecisionWords,
  LogLevel,
  PiiRules,
  Retries,
  Timeouts,
  Tool,
} from '../../shared/policy/schema';
import type { PolicyState } from './load';

export interface ResolvedEndpoint {
  id: string;
  name: string;
  baseUrl: string;
  model: string;
  models: string[];
  contextWindow: number;
  maxTokens: number;
  temperature: number;
  auth: { header: string; scheme: string } | null;
  headers: Record<string, string>;
  classificationCeiling: 'none' | '绝密' | '机密' | '秘密';
  streamUsage: boolean;
}

/** Everything derived from policy + settings; recompute when either changes. */
export interface Effective {
  engineReason: EngineReason;
  endpoint: ResolvedEndpoint | null;
  /** Origins (`scheme://host:port`) of every approved endpoint, or of the user's; [] in the safe state. */
  allowedOrigins: string[];
  /** Extra trust anchors (PEM). */
  ca: string[];
  concurrency: number;
  timeouts: Timeouts;
  retries: Retries;
  pii: PiiRules;
  tools: Record<Tool, boolean>;
  verification: Policy['verification'];
  logLevel: LogLevel;
  aigc: AigcPolicy;
  decisionWords: DecisionWords;
  retention: Policy['retention'];
  templatePacks: Policy['templatePacks'];
  formProfiles: Policy['formProfiles'];
}

/** What applies without a policy: the schema's defaults. */
const DEFAULTS: Policy = Policy.parse({ version: 1 });
/** A user-configured endpoint gets the same defaults a policy endpoint would. */
const USER_ENDPOINT = EndpointPolicy.parse({
  id: 'user',
  name: 'user',
  baseUrl: 'https://placeholder.invalid/v1',
  models: [{ name: 'm', contextWindow: 512 }],
});

export function resolveEffective(state: PolicyState, settings: Settings): Effective {
  if (state.kind === 'invalid') return { ...base(DEFAULTS), engineReason: 'policy_invalid', endpoint: null };
  if (state.kind === 'valid') {
    const { policy } = state;
    const first = policy.endpoints[0];
    return {
      ...base(policy),
      engineReason: first ? 'policy' : 'policy_no_endpoint',
      endpoint: first ? fromPolicy(first, policy.settings.model ?? settings.model) : null,
      allowedOrigins: unique(policy.endpoints.map((e) => normaliseOrigin(e.baseUrl))),
    };
  }
  const user = fromSettings(settings);
  return {
    ...base(DEFAULTS),
    engineReason: user ? 'user' : 'not_configured',
    endpoint: user,
    allowedOrigins: user ? [normaliseOrigin(user.baseUrl)] : [],
  };
}

function base(policy: Policy): Omit<Effective, 'engineReason' | 'endpoint'> {
  return {
    allowedOrigins: [],
    ca: policy.caCertificates,
    concurrency: policy.concurrency,
    timeouts: policy.timeouts,
    retries: policy.retries,
    pii: policy.pii,
    tools: Object.fromEntries(TOOLS.map((t) => [t, policy.tools[t] ?? true])) as Record<Tool, boolean>,
    verification: policy.verification,
    logLevel: policy.logLevel,
    aigc: policy.aigc,
    decisionWords: policy.decisionWords,
    retention: policy.retention,
    templatePacks: policy.templatePacks,
    formProfiles: policy.formProfiles,
  };
}

/** The user's choice when it is one of the approved models, else the endpoint's default, else the first. */
function fromPolicy(e: EndpointPolicy, wanted: string): ResolvedEndpoint {
  const model =
    e.models.find((m) => m.name === wanted) ?? e.models.find((m) => m.name === e.defaultModel) ?? e.models[0]!;
  return {
    id: e.id,
    name: e.name,
    baseUrl: trimSlash(e.baseUrl),
    model: model.name,
    models: e.models.map((m) => m.name),
    contextWindow: model.contextWindow,
    maxTokens: model.maxTokens ?? defaultMaxTokens(model.contextWindow),
    temperature: e.temperature,
    auth: e.auth,
    headers: e.headers,
    classificationCeiling: e.classificationCeiling,
    streamUsage: e.streamUsage,
  };
}

function fromSettings(s: Settings): ResolvedEndpoint | null {
  if (s.endpointUrl === '' || s.model === '') return null;
  let host: string;
  try {
    host = new URL(s.endpointUrl).host;
  } catch {
    return null;
  }
  return {
    ...fromPolicy({ ...USER_ENDPOINT, models: [{ name: s.model, contextWindow: s.contextWindow }] }, s.model),
    name: host,
    baseUrl: trimSlash(s.endpointUrl),
  };
}

/** The client appends `/chat/completions`; `…/v1/` must not become `…/v1//chat/completions`. */
function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

/** Answers get a quarter of the window, at most 2048 tokens, so the prompt keeps the rest. */
export function defaultMaxTokens(contextWindow: number): number {
  return Math.min(2048, Math.floor(contextWindow / 4));
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

export function endpointSummary(e: ResolvedEndpoint): EndpointSummary {
  return {
    id: e.id,
    name: e.name,
    baseUrl: e.baseUrl,
    model: e.model,
    models: e.models,
    contextWindow: e.contextWindow,
    maxTokens: e.maxTokens,
    classificationCeiling: e.classificationCeiling,
  };
}

/**
 * The values the policy imposes on user settings, so Settings shows what is in effect: fixed
 * settings, and with a policy the endpoint in use (none in the safe state).
 */
export function settingsOverlay(state: PolicyState, stored: Settings): Partial<Settings> {
  if (state.kind === 'absent') return {};
  if (state.kind === 'invalid') return { endpointUrl: '', model: '' };
  const endpoint = resolveEffective(state, stored).endpoint;
  if (!endpoint) return { ...state.policy.settings, endpointUrl: '', model: '' };
  return {
    ...state.policy.settings,
    endpointUrl: endpoint.baseUrl,
    model: endpoint.model,
    contextWindow: endpoint.contextWindow,
  };
}
