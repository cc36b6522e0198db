import { normaliseOrigin } from '../net/origin';
import { defaultMaxTokens } from '../policy/resolve';
import type { Effective } from '../policy/resolve';

/** `--endpoint URL --model NAME` (CLI): one endpoint for this run, and only that one reachable. */
export interface EndpointOverride {
  baseUrl: string;
  model: string;
}

export function applyOverride(eff: Effective, override: EndpointOverride): Effective {
  const base = eff.endpoint;
  const contextWindow = base?.contextWindow ?? 8192;
  return {
    ...eff,
    engineReason: 'user',
    allowedOrigins: [normaliseOrigin(override.baseUrl)],
    endpoint: {
      id: 'override',
      name: override.baseUrl,
      baseUrl: override.baseUrl.replace(/\/+$/, ''),
      model: override.model,
      models: [override.model],
      contextWindow,
      maxTokens: base?.maxTokens ?? defaultMaxTokens(contextWindow),
      temperature: base?.temperature ?? 0.3,
      auth: base?.auth ?? { header: 'Authorization', scheme: 'Bearer' },
      headers: base?.headers ?? {},
      classificationCeiling: base?.classificationCeiling ?? 'none',
      streamUsage: base?.streamUsage ?? true,
    },
  };
}
