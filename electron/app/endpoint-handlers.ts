import type { Handlers } from '../ipc/handlers';
import type { PolicyState } from '../policy/load';
import { policyStatus } from '../policy/load';
import type { AuditService } from '../services/audit-service';
import type { EndpointRuntime } from '../services/endpoint-runtime';
import type { ModelService } from '../services/model-service';
import type { DoctorReport } from '../../shared/domain/endpoint';
import type { SecretStore } from './secrets';
import { underRequest } from './requests';
import type { Requests } from './requests';

export interface EndpointDeps {
  policy: PolicyState;
  runtime: EndpointRuntime;
  secrets: SecretStore;
  audit: AuditService;
  model: ModelService;
  doctor: () => Promise<DoctorReport>;
  /** Completions in flight by request id, so `model:cancel` and closing the app can stop them. */
  requests: Requests;
}

type EndpointCalls =
  | 'policy:status'
  | 'endpoint:status'
  | 'endpoint:setApiKey'
  | 'endpoint:check'
  | 'model:preview'
  | 'model:complete'
  | 'model:cancel'
  | 'audit:list'
  | 'audit:verify';

/** The contract calls of the endpoint, the data boundary and the audit log. */
export function endpointHandlers(deps: EndpointDeps): Pick<Handlers, EndpointCalls> {
  const { policy, runtime, secrets, audit, model, doctor, requests } = deps;
  const endpointStatus = () => runtime.status(policyStatus(policy));
  return {
    'policy:status': async () => policyStatus(policy),
    'endpoint:status': async () => endpointStatus(),
    'endpoint:setApiKey': async ({ apiKey }, ctx) => {
      secrets.set(apiKey);
      audit.append('api_key_change', { action: apiKey === '' ? 'removed' : 'stored', storage: secrets.storage });
      ctx.emit('endpoint:changed', {});
      return endpointStatus();
    },
    'endpoint:check': async () => doctor(),
    'model:preview': async (input) => model.preview(input),
    'model:complete': async ({ requestId, ...request }, ctx) => {
      const engine = runtime.engine();
      try {
        return await underRequest(requests, requestId, ctx, (options) => model.complete(request, options));
      } finally {
        // A failed connection turns the engine offline for a while: tell the status bar.
        if (runtime.engine() !== engine) ctx.emit('endpoint:changed', {});
      }
    },
    'model:cancel': async ({ requestId }) => {
      const controller = requests.get(requestId);
      controller?.abort();
      return { cancelled: controller !== undefined };
    },
    'audit:list': async (query) => audit.list(query),
    'audit:verify': async () => audit.verify(),
  };
}
