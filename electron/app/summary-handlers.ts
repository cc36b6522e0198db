import type { Handlers } from '../ipc/handlers';
import type { EndpointRuntime } from '../services/endpoint-runtime';
import type { ModelService } from '../services/model-service';
import type { ReviewService } from '../services/review-service';
import { assertSecondOpinionAllowed, secondOpinions } from '../services/second-opinion';
import type { SummarizeService } from '../services/summarize-service';
import type { SummaryChecks } from '../services/summary-checks';
import { underRequest } from './requests';
import type { Requests } from './requests';

export interface SummaryDeps {
  summaries: SummarizeService;
  checks: SummaryChecks;
  review: ReviewService;
  model: ModelService;
  runtime: EndpointRuntime;
  requests: Requests;
}

type SummaryCalls = 'summaries:run' | 'summaries:report' | 'summaries:secondOpinion';

/** Grounded summaries: made (streamed, with progress), checked, and given an advisory second opinion. */
export function summaryHandlers(deps: SummaryDeps): Pick<Handlers, SummaryCalls> {
  const { summaries, checks, review, model, runtime, requests } = deps;
  const current = (id: string) => {
    const draft = review.get(id);
    const text = draft.versions.find((v) => v.version === draft.version)?.content.text ?? '';
    return { draft, documentIds: draft.sources.map((s) => s.documentId), text };
  };
  return {
    'summaries:run': async ({ requestId, ...request }, ctx) => {
      const outcome = await underRequest(requests, requestId, ctx, (options) =>
        summaries.run(request, { ...options, onProgress: (p) => ctx.emit('summaries:progress', { requestId, ...p }) }),
      );
      ctx.emit('drafts:changed', { ids: [outcome.draft.id] });
      return outcome;
    },
    'summaries:report': async ({ id, text }) => {
      const { documentIds, text: stored } = current(id);
      return checks.report(documentIds, text ?? stored);
    },
    'summaries:secondOpinion': async ({ requestId, id }, ctx) => {
      assertSecondOpinionAllowed(runtime.effective().verification.secondOpinion);
      const { documentIds, text } = current(id);
      return underRequest(requests, requestId, ctx, (options) =>
        secondOpinions(model, checks.report(documentIds, text), documentIds, options),
      );
    },
  };
}
