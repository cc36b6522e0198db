import type { DraftDetail, Metrics } from '../../shared/domain/draft';
import type { ChatDelta } from '../../shared/llm/types';
import type { CallContext, Handlers } from '../ipc/handlers';
import type { ContentEgress } from '../services/content-egress';
import type { DraftGeneration } from '../services/draft-generation';
import type { DraftingService } from '../services/drafting-service';
import type { TemplatePacks } from '../services/template-packs';
import { csvField } from '../services/audit-service';
import type { ReviewService } from '../services/review-service';
import type { OutputSinks } from './sinks';
import { underRequest } from './requests';
import type { Requests } from './requests';

export interface DraftDeps {
  review: ReviewService;
  generation: DraftGeneration;
  drafting: DraftingService;
  packs: TemplatePacks;
  egress: ContentEgress;
  sinks: OutputSinks;
  /** Generations in flight by request id (shared with model:complete, so model:cancel stops both). */
  requests: Requests;
}

type DraftCalls =
  | 'drafts:list'
  | 'drafts:get'
  | 'drafts:generate'
  | 'drafts:edit'
  | 'drafts:approve'
  | 'drafts:reject'
  | 'drafts:export'
  | 'drafts:copy'
  | 'drafts:print'
  | 'metrics:get'
  | 'metrics:export'
  | 'drafting:types'
  | 'drafting:packs'
  | 'drafting:importPack'
  | 'drafting:removePack'
  | 'drafting:generate'
  | 'drafting:revise'
  | 'drafting:regenerate';

/** The review gate's calls: drafts, their review, the guarded ways out, and the usefulness figures. */
export function draftHandlers(deps: DraftDeps): Pick<Handlers, DraftCalls> {
  const { review, generation, drafting, packs, egress, sinks, requests } = deps;
  const changed = (ctx: CallContext, id: string) => ctx.emit('drafts:changed', { ids: [id] });
  /** A streamed generation under requestId (model:cancel stops it); the draft it makes or changes. */
  const streamed = async (
    requestId: string,
    ctx: CallContext,
    run: (options: { signal: AbortSignal; onDelta: (d: ChatDelta) => void }) => Promise<DraftDetail>,
  ) => {
    const draft = await underRequest(requests, requestId, ctx, run);
    changed(ctx, draft.id);
    return draft;
  };
  return {
    'drafts:list': async (query) => review.list(query),
    'drafts:get': async ({ id }) => review.get(id),
    'drafts:generate': async ({ requestId, ...request }, ctx) =>
      streamed(requestId, ctx, (options) => generation.generate(request, options)),
    'drafting:types': async () => drafting.listTypes(),
    'drafting:packs': async () => packs.list(),
    'drafting:importPack': async ({ name, bytes }) => packs.import(name, bytes),
    'drafting:removePack': async ({ id }) => packs.remove(id),
    'drafting:generate': async ({ requestId, ...request }, ctx) =>
      streamed(requestId, ctx, (options) => drafting.generate(request, options)),
    'drafting:regenerate': async ({ requestId, ...request }, ctx) =>
      streamed(requestId, ctx, (options) => drafting.regenerate(request, options)),
    'drafting:revise': async ({ requestId, ...request }, ctx) =>
      streamed(requestId, ctx, (options) => drafting.revise(request, options)),
    'drafts:edit': async ({ id, baseVersion, content }, ctx) => {
      const draft = review.edit(id, baseVersion, content);
      changed(ctx, id);
      return draft;
    },
    'drafts:approve': async ({ id, version, contentHash, acknowledged }, ctx) => {
      const draft = review.approve({ id, version, contentHash, acknowledged });
      changed(ctx, id);
      return draft;
    },
    'drafts:reject': async ({ id, version, reason, note }, ctx) => {
      const draft = review.reject({ id, version, reason, note });
      changed(ctx, id);
      return draft;
    },
    'drafts:export': async ({ id, format, flatten }) => egress.export(id, format, undefined, { flatten }),
    'drafts:copy': async ({ id }) => egress.copy(id),
    'drafts:print': async ({ id }) => egress.print(id),
    'metrics:get': async ({ weeks }) => review.metrics(weeks),
    'metrics:export': async ({ format }) => {
      const metrics = review.metrics(104);
      const text = format === 'json' ? `${JSON.stringify(metrics, null, 2)}\n` : metricsCsv(metrics);
      const date = metrics.generatedAt.slice(0, 10);
      const path = await sinks.saveFile(`wenshu-metrics-${date}.${format}`, new TextEncoder().encode(text));
      return { saved: path !== null, path };
    },
  };
}

/** Counts and times only, one row per week and tool (UTF-8 with BOM so Excel and WPS read it). */
export function metricsCsv(metrics: Metrics): string {
  const header = 'week,tool,created,approved,rejected,median_minutes_to_approval,median_edit_ratio,rejection_reasons';
  const rows = metrics.weeks.map((w) =>
    [
      w.week,
      w.tool,
      w.created,
      w.approved,
      w.rejected,
      w.medianMinutesToApproval ?? '',
      w.medianEditRatio ?? '',
      Object.entries(w.rejectionReasons)
        .map(([reason, n]) => `${reason}:${n}`)
        .join(' '),
    ]
      .map(csvField)
      .join(','),
  );
  return `\ufeff${[header, ...rows].join('\r\n')}\r\n`;
}
