import { AppError } from '../../shared/errors';
import type { AppErrorData } from '../../shared/errors';
import type { EngineReason, EndpointStatus } from '../../shared/domain/endpoint';
import { createChatClient } from '../llm/client';
import type { ChatClient } from '../llm/client';
import { createLimiter } from '../llm/limiter';
import type { Limiter } from '../llm/limiter';
import { createEgress } from '../net/egress';
import type { Egress } from '../net/egress';
import type { PolicyState } from '../policy/load';
import type { Effective, ResolvedEndpoint } from '../policy/resolve';
import { endpointSummary } from '../policy/resolve';
import type { SecretStore } from '../app/secrets';

/** The endpoint could not be reached at all (as opposed to answering with an error). */
export function isConnectionFailure(error: AppErrorData): boolean {
  return (
    error.code === 'endpoint_unreachable' || (error.code === 'endpoint_timeout' && error.params?.phase === 'connect')
  );
}

/** After a failed connection the tools use the offline engine for this long, then try again. */
const UNREACHABLE_MS = 60_000;

/**
 * The live connection state derived from policy + settings: one egress (allow-list and CAs), one
 * queue per endpoint, one client per configuration. Rebuilt only when what they depend on changes,
 * so the concurrency limit holds across calls.
 */
export class EndpointRuntime {
  private egressCache?: { key: string; egress: Egress };
  private readonly limiters = new Map<string, Limiter>();
  private clientCache?: { key: string; client: ChatClient };
  private unreachableUntil = 0;

  constructor(
    readonly effective: () => Effective,
    private readonly policy: () => PolicyState,
    private readonly secrets: SecretStore,
    private readonly now: () => number = Date.now,
  ) {}

  egress(): Egress {
    const { allowedOrigins, ca } = this.effective();
    const key = JSON.stringify([allowedOrigins, ca]);
    if (this.egressCache?.key !== key)
      this.egressCache = { key, egress: createEgress({ allowed: allowedOrigins, ca }) };
    return this.egressCache.egress;
  }

  /** The configured endpoint, or the reason there is none (as an error to show). */
  endpoint(): ResolvedEndpoint {
    const eff = this.effective();
    if (eff.endpoint) return eff.endpoint;
    const policy = this.policy();
    if (policy.kind === 'invalid') {
      throw new AppError('policy_invalid', 'the machine policy is invalid', {
        path: policy.path,
        detail: policy.problems.map((p) => `${p.path}: ${p.message}`).join('; '),
      });
    }
    throw new AppError('endpoint_not_configured', `no endpoint (${eff.engineReason})`);
  }

  client(endpoint: ResolvedEndpoint): ChatClient {
    const eff = this.effective();
    const apiKey = this.secrets.get();
    const config = {
      baseUrl: endpoint.baseUrl,
      apiKey,
      auth: endpoint.auth,
      headers: endpoint.headers,
      temperature: endpoint.temperature,
      maxTokens: endpoint.maxTokens,
      streamUsage: endpoint.streamUsage,
      timeouts: eff.timeouts,
      retries: eff.retries,
    };
    const key = JSON.stringify([config, eff.allowedOrigins, eff.ca, eff.concurrency]);
    if (this.clientCache?.key !== key) {
      this.clientCache = {
        key,
        client: createChatClient(config, this.egress(), this.limiter(endpoint, eff.concurrency)),
      };
    }
    return this.clientCache.client;
  }

  private limiter(endpoint: ResolvedEndpoint, max: number): Limiter {
    const key = `${endpoint.baseUrl} ${max}`;
    let limiter = this.limiters.get(key);
    if (!limiter) this.limiters.set(key, (limiter = createLimiter(max)));
    return limiter;
  }

  /** A connection failure: the tools fall back to the offline engine for a while. */
  noteFailure(error: AppErrorData): void {
    if (isConnectionFailure(error)) this.unreachableUntil = this.now() + UNREACHABLE_MS;
  }

  /** What the tools run on now: the endpoint, unless there is none or it just could not be reached. */
  engine(): 'endpoint' | 'offline' {
    return this.effective().endpoint && this.now() >= this.unreachableUntil ? 'endpoint' : 'offline';
  }

  noteSuccess(): void {
    this.unreachableUntil = 0;
  }

  status(policy: EndpointStatus['policy']): EndpointStatus {
    const eff = this.effective();
    const engine = this.engine();
    const reason: EngineReason = eff.endpoint && engine === 'offline' ? 'unreachable' : eff.engineReason;
    return {
      engine,
      reason,
      endpoint: eff.endpoint ? endpointSummary(eff.endpoint) : null,
      apiKey: { present: this.secrets.get() !== undefined, storage: this.secrets.storage },
      policy,
      secondOpinion: eff.verification.secondOpinion,
    };
  }
}
