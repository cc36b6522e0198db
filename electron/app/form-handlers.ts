import type { Handlers } from '../ipc/handlers';
import type { FormsService } from '../services/forms-service';
import { underRequest } from './requests';
import type { Requests } from './requests';

type FormCalls = 'forms:list' | 'forms:open' | 'forms:get' | 'forms:saveProfile' | 'forms:fill' | 'forms:fillOf';

/** Forms: opened and kept, their profiles, filled from documents with evidence. */
export function formHandlers(deps: { forms: FormsService; requests: Requests }): Pick<Handlers, FormCalls> {
  const { forms, requests } = deps;
  return {
    'forms:list': async () => forms.list(),
    'forms:open': async ({ name, bytes }) => forms.open(name, bytes),
    'forms:get': async ({ id }) => forms.get(id),
    'forms:saveProfile': async ({ profile }) => forms.saveProfile(profile),
    'forms:fill': async ({ requestId, ...request }, ctx) => {
      const outcome = await underRequest(requests, requestId, ctx, (options) => forms.fill(request, options));
      ctx.emit('drafts:changed', { ids: [outcome.draft.id] });
      return outcome;
    },
    'forms:fillOf': async ({ id }) => forms.fillOf(id),
  };
}
