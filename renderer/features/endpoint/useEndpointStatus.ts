import type { EndpointStatus, PolicyStatus } from '../../../shared/domain/endpoint';
import { useEvent, useQuery } from '../../api/hooks';
import type { Query } from '../../api/hooks';

/** Which engine the tools use now, kept current: main says `endpoint:changed` after policy, settings or key changes. */
export function useEndpointStatus(): Query<EndpointStatus> {
  const status = useQuery('endpoint:status', {});
  useEvent('endpoint:changed', status.reload);
  return status;
}

/** The machine policy as main read it (locked settings, disabled tools, problems), kept current. */
export function usePolicyStatus(): Query<PolicyStatus> {
  const policy = useQuery('policy:status', {});
  useEvent('endpoint:changed', policy.reload);
  return policy;
}
