import { highestClassification } from '../../shared/boundary/classification';
import type { DocumentDetail } from '../../shared/domain/document';
import { incompleteWarning } from '../../shared/domain/draft';
import type { DraftDetail, DraftWarning } from '../../shared/domain/draft';
import { PRESET_NAMES } from '../../shared/domain/summary';
import type { SummaryLanguage, SummaryPreset, SummaryReport, SummaryStage } from '../../shared/domain/summary';
import { toErrorData } from '../../shared/errors';
import { cleanAnswer } from '../../shared/llm/answer';
import { BUDGET_SHARE, estimateTokens } from '../../shared/llm/tokens';
import { normalizeCitations } from '../../shared/summarize/citations';
import { detectLanguage } from '../../shared/summarize/language';
import { offlineSummary } from '../../shared/summarize/offline';
import type { SourcePassage } from '../../shared/verify/types';
import type { SummaryCacheRepo } from '../store/summary-cache-repo';
import { isConnectionFailure } from './endpoint-runtime';
import { MapReduce, TOOL, sha256 } from './summary-map-reduce';
import type { Produced } from './summary-map-reduce';
import type { EndpointRuntime } from './endpoint-runtime';
import type { ModelService, RunOptions, SourceDocument, ToolResult } from './model-service';
import type { ReviewService } from './review-service';
import type { SummaryChecks } from './summary-checks';
import { SUMMARY_PROMPT_VERSION, renderPassages, summarySystemPrompt, wholePrompt } from './summarize-prompts';
import type { OutputLanguage } from './summarize-prompts';

export interface SummarizeRequest {
  documentIds: string[];
  preset: SummaryPreset;
  language: SummaryLanguage;
  /** Use the offline engine even when the endpoint is there (`wenshu summarize --offline`). */
  offline?: boolean;
}

export interface SummarizeProgress {
  stage: SummaryStage;
  done: number;
  total: number;
}

export interface SummarizeOptions extends RunOptions {
  onProgress?: (progress: SummarizeProgress) => void;
}

export interface SummarizeOutcome {
  draft: DraftDetail;
  report: SummaryReport;
  cached: boolean;
}

export interface SummarizeDeps {
  review: ReviewService;
  model: ModelService;
  runtime: EndpointRuntime;
  document: (id: string) => DocumentDetail;
  checks: SummaryChecks;
  cache: SummaryCacheRepo;
  now?: () => Date;
}

/** The room left for material once the prompt, the answer and a margin for the wrapping are counted. */
const WRAPPING_TOKENS = 200;

/**
 * Grounded summaries. The passages go to the model with short labels (P1…Pn) that every
 * sentence must cite; what does not fit the context is map-reduced (chunks in parallel within the
 * endpoint's concurrency, then combined, labels kept through both stages). Every finished piece
 * is cached at once, so a retry after an endpoint failure redoes nothing that finished, and a
 * repeated request costs no call. The result is a draft awaiting review, checked by the verifier.
 */
export class SummarizeService {
  private readonly now: () => Date;

  constructor(private readonly deps: SummarizeDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /** The labelled passages of these documents, as a summary of them cites them. */
  passagesOf(documentIds: readonly string[]): SourcePassage[] {
    return this.deps.checks.passages(documentIds);
  }

  async run(request: SummarizeRequest, options: SummarizeOptions = {}): Promise<SummarizeOutcome> {
    const { review, checks } = this.deps;
    this.deps.model.assertToolAllowed(TOOL);
    const docs = request.documentIds.map((id) => this.deps.document(id));
    const passages = checks.passages(request.documentIds);
    const language: OutputLanguage =
      request.language === 'zh'
        ? 'zh'
        : detectLanguage(
            passages
              .map((p) => p.text)
              .join('\n')
              .slice(0, 20_000),
          );
    const draft = review.create({
      kind: 'summary',
      tool: TOOL,
      title: titleOf(docs, request.preset, language),
      requestedAt: this.now(),
      sources: request.documentIds.map((documentId) => ({ documentId, passageId: null })),
    });
    try {
      const produced = await this.produce(docs, passages, request, language, options);
      options.onProgress?.({ stage: 'verify', done: 0, total: 1 });
      const text = normalizeCitations(cleanAnswer(produced.text));
      const warnings: DraftWarning[] = produced.finishReason === 'length' ? [incompleteWarning('length')] : [];
      const detail = review.addGeneration(draft.id, {
        content: { text, fields: {} },
        engine: produced.engine,
        model: produced.model,
        warnings,
      });
      const report = checks.report(request.documentIds, text);
      options.onProgress?.({ stage: 'verify', done: 1, total: 1 });
      return { draft: detail, report, cached: produced.cached };
    } catch (err) {
      review.discard(draft.id);
      throw err;
    }
  }

  private async produce(
    docs: DocumentDetail[],
    passages: SourcePassage[],
    request: SummarizeRequest,
    language: OutputLanguage,
    options: SummarizeOptions,
  ): Promise<Produced> {
    const { model, runtime } = this.deps;
    const documentIds = request.documentIds;
    const offline = () => offlineSummary(passages, request.preset, { language });
    const offlineRun = async () =>
      produced(
        await model.offline({ prompt: `summarize ${request.preset}`, documentIds, tool: TOOL }, offline, options),
      );
    const endpoint = runtime.effective().endpoint;
    if (request.offline || runtime.engine() === 'offline' || !endpoint) return offlineRun();

    const hashes = docs.map((d) => d.sha256);
    const finalKey = sha256({
      v: SUMMARY_PROMPT_VERSION,
      stage: 'final',
      documents: hashes,
      preset: request.preset,
      language,
      model: endpoint.model,
    });
    const hit = this.deps.cache.get(finalKey);
    if (hit) {
      model.recordReuse({ prompt: `summarize ${request.preset}`, documentIds, tool: TOOL }, hit.model, hit.text);
      options.onDelta?.({ kind: 'answer', text: hit.text });
      return { text: hit.text, engine: 'endpoint', model: hit.model, finishReason: 'stop', cached: true };
    }

    const system = summarySystemPrompt(language);
    const byId = new Map(docs.map((doc) => [doc.id, doc]));
    // Passages go as the documents they belong to, each with its own 密级 for the boundary.
    const material = (chunk: SourcePassage[]): SourceDocument[] =>
      groupBy(chunk, (p) => p.documentId ?? '').map(([id, group]) => {
        const doc = byId.get(id)!;
        return { id, title: doc.title, text: renderPassages(group), classification: doc.meta.classification };
      });
    // Partial summaries are derived from all of them: they carry the highest 密级 of the selection.
    const partials = (text: string): SourceDocument[] => [
      {
        id: docs[0]!.id,
        title: '各部分摘要 partial summaries',
        text,
        classification: highestClassification(docs.map((d) => d.meta.classification)),
      },
    ];
    const whole = wholePrompt(request.preset, language);
    const budget = (prompt: string, answerTokens: number) =>
      Math.floor((endpoint.contextWindow - answerTokens) * BUDGET_SHARE) -
      estimateTokens(system) -
      estimateTokens(prompt) -
      WRAPPING_TOKENS;
    const allText = renderPassages(passages);

    let result: Produced;
    if (estimateTokens(allText) <= budget(whole, endpoint.maxTokens)) {
      // model.generate falls back to the offline engine when the endpoint cannot be reached.
      result = produced(
        await model.generate(
          { system, prompt: whole, sources: material(passages), documentIds, tool: TOOL },
          offline,
          options,
        ),
      );
    } else {
      const run = new MapReduce({
        model,
        cache: this.deps.cache,
        system,
        language,
        preset: request.preset,
        modelName: endpoint.model,
        hashes,
        documentIds,
        material,
        partials,
        budget,
        answerTokens: endpoint.maxTokens,
        concurrency: runtime.effective().concurrency,
        now: this.now,
        options,
      });
      try {
        result = await run.run(passages);
      } catch (err) {
        // Nothing reached the endpoint at all: the offline engine answers, as for a single call.
        if (run.finished === 0 && isConnectionFailure(toErrorData(err))) return offlineRun();
        throw err;
      }
    }
    if (result.engine === 'endpoint' && result.finishReason === 'stop') {
      this.deps.cache.put(finalKey, {
        stage: 'final',
        model: result.model,
        documents: hashes,
        text: result.text,
        at: this.now(),
      });
    }
    return result;
  }
}

function produced(result: ToolResult): Produced {
  return {
    text: result.answer,
    engine: result.engine,
    model: result.model,
    finishReason: result.finishReason,
    cached: false,
  };
}

/** Consecutive runs with the same key, in order. */
function groupBy<T>(items: T[], key: (item: T) => string): [string, T[]][] {
  const out: [string, T[]][] = [];
  for (const item of items) {
    const k = key(item);
    const last = out.at(-1);
    if (last && last[0] === k) last[1].push(item);
    else out.push([k, [item]]);
  }
  return out;
}

function titleOf(docs: DocumentDetail[], preset: SummaryPreset, language: OutputLanguage): string {
  const name = PRESET_NAMES[preset][language];
  const first = docs[0]!.title;
  if (language === 'en')
    return docs.length === 1 ? `Summary of ${first} (${name})` : `Brief on ${docs.length} documents (${name})`;
  return docs.length === 1 ? `《${first}》摘要（${name}）` : `${docs.length}份文件摘要（${name}）`;
}
