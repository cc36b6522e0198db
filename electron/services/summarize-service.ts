import { createHash } from 'node:crypto';
import type { DocumentDetail } from '../../shared/domain/document';
import { incompleteWarning } from '../../shared/domain/draft';
import type { DraftWarning } from '../../shared/domain/draft';
import { PRESET_NAMES } from '../../shared/domain/summary';
import type { SummaryLanguage, SummaryPreset, SummaryReport, SummaryStage } from '../../shared/domain/summary';
import type { DraftDetail } from '../../shared/domain/draft';
import { toErrorData } from '../../shared/errors';
import { BUDGET_SHARE, estimateTokens } from '../../shared/llm/tokens';
import type { ChatResult } from '../../shared/llm/types';
import { normalizeCitations } from '../../shared/summarize/citations';
import { detectLanguage } from '../../shared/summarize/language';
import { offlineSummary } from '../../shared/summarize/offline';
import type { SourcePassage } from '../../shared/verify/types';
import type { SummaryCacheRepo, CacheStage } from '../store/summary-cache-repo';
import { isConnectionFailure } from './endpoint-runtime';
import type { EndpointRuntime } from './endpoint-runtime';
import type { ModelService, RunOptions, SourceDocument, ToolResult } from './model-service';
import type { ReviewService } from './review-service';
import type { SummaryChecks } from './summary-checks';
import {
  SUMMARY_PROMPT_VERSION,
  chunkPrompt,
  combinePrompt,
  renderPassages,
  summarySystemPrompt,
  wholePrompt,
} from './summarize-prompts';
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
/** A chunk's partial summary is short: a cap on its answer leaves more room for its material. */
const CHUNK_ANSWER_TOKENS = 1024;

const TOOL = 'summarize';
const sha256 = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

interface Produced {
  text: string;
  engine: 'endpoint' | 'offline';
  model: string;
  finishReason: ChatResult['finishReason'];
  cached: boolean;
}

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
      { id: docs[0]!.id, title: '各部分摘要 partial summaries', text, classification: highest(docs) },
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

interface MapReduceDeps {
  model: ModelService;
  cache: SummaryCacheRepo;
  system: string;
  language: OutputLanguage;
  preset: SummaryPreset;
  modelName: string;
  hashes: string[];
  documentIds: string[];
  material: (chunk: SourcePassage[]) => SourceDocument[];
  partials: (text: string) => SourceDocument[];
  /** The endpoint's max_tokens: the final summary's room. */
  answerTokens: number;
  budget: (prompt: string, answerTokens: number) => number;
  concurrency: number;
  now: () => Date;
  options: SummarizeOptions;
}

/** One long summary: chunks → partial summaries → (combined in groups while too long) → the summary. */
class MapReduce {
  /** Model calls that finished in this run (a cached piece is not a call). */
  finished = 0;

  constructor(private readonly d: MapReduceDeps) {}

  async run(passages: SourcePassage[]): Promise<Produced> {
    const { d } = this;
    const chunkBudget = d.budget(chunkPrompt(99, 99, d.language), Math.min(d.answerTokens, CHUNK_ANSWER_TOKENS));
    const chunks = splitChunks(passages, chunkBudget, d.concurrency);
    let done = 0;
    const progress = (stage: SummaryStage, total: number) => d.options.onProgress?.({ stage, done, total });
    progress('map', chunks.length);
    let partials = await this.all(
      chunks.map((chunk, i) => async () => {
        const out = await this.piece('map', renderPassages(chunk), () => ({
          prompt: chunkPrompt(i + 1, chunks.length, d.language),
          material: d.material(chunk),
        }));
        done++;
        progress('map', chunks.length);
        return out;
      }),
    );

    // Combine in groups until the partial summaries fit one request.
    const finalPrompt = combinePrompt(d.preset, d.language);
    const combineBudget = d.budget(combinePrompt('partial', d.language), Math.min(d.answerTokens, CHUNK_ANSWER_TOKENS));
    done = 0;
    let reduceTotal = 1;
    while (estimateTokens(joinPartials(partials)) > d.budget(finalPrompt, d.answerTokens)) {
      const groups = groupTexts(partials, combineBudget);
      if (groups.length >= partials.length) break; // each partial alone is too big: let the final call refuse
      reduceTotal += groups.length;
      progress('reduce', reduceTotal);
      partials = await this.all(
        groups.map((group) => async () => {
          const text = joinPartials(group);
          const out = await this.piece('reduce', text, () => ({
            prompt: combinePrompt('partial', d.language),
            material: d.partials(text),
          }));
          done++;
          progress('reduce', reduceTotal);
          return out;
        }),
      );
    }
    progress('reduce', reduceTotal);
    const result = await d.model.complete(
      {
        system: d.system,
        prompt: finalPrompt,
        sources: d.partials(joinPartials(partials)),
        documentIds: d.documentIds,
        tool: TOOL,
      },
      { signal: d.options.signal, onDelta: d.options.onDelta },
    );
    this.finished++;
    done++;
    progress('reduce', reduceTotal);
    return {
      text: result.answer,
      engine: 'endpoint',
      model: result.model,
      finishReason: result.finishReason,
      cached: false,
    };
  }

  /** A partial summary from the cache, or from the endpoint (and cached at once when complete). */
  private async piece(
    stage: CacheStage,
    text: string,
    request: () => { prompt: string; material: SourceDocument[] },
  ): Promise<string> {
    const { d } = this;
    const key = sha256({ v: SUMMARY_PROMPT_VERSION, stage, language: d.language, model: d.modelName, text });
    const hit = d.cache.get(key);
    if (hit) return hit.text;
    const { prompt, material } = request();
    const result = await d.model.complete(
      {
        system: d.system,
        prompt,
        sources: material,
        documentIds: d.documentIds,
        tool: TOOL,
        maxTokens: CHUNK_ANSWER_TOKENS,
      },
      { signal: d.options.signal },
    );
    this.finished++;
    const answer = normalizeCitations(cleanAnswer(result.answer));
    if (result.finishReason === 'stop') {
      d.cache.put(key, { stage, model: result.model, documents: d.hashes, text: answer, at: d.now() });
    }
    return answer;
  }

  /**
   * Every piece runs (the endpoint's limiter queues them within its concurrency); one failure
   * does not stop the others, so all that can finish are cached before the error is reported.
   */
  private async all(jobs: (() => Promise<string>)[]): Promise<string[]> {
    const settled = await Promise.allSettled(jobs.map((job) => job()));
    const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) throw failed.reason;
    return settled.map((s) => (s as PromiseFulfilledResult<string>).value);
  }
}

/**
 * Consecutive passages in chunks of about equal size, none over the budget, in a multiple of the
 * endpoint's concurrency: every wave of parallel requests is full, so the map stage takes as few
 * rounds as the endpoint allows.
 */
export function splitChunks(passages: SourcePassage[], budget: number, concurrency: number): SourcePassage[][] {
  const sizes = passages.map((p) => estimateTokens(renderPassages([p])) + 1);
  const total = sizes.reduce((a, b) => a + b, 0);
  const waves = (n: number) => Math.ceil(n / concurrency) * concurrency;
  let count = Math.min(passages.length, waves(Math.ceil(total / Math.max(1, budget))));
  for (;;) {
    const cuts = cutEvenly(sizes, total, count);
    const fits = cuts.every(([from, to]) => sizes.slice(from, to).reduce((a, b) => a + b, 0) <= budget);
    if (fits || count >= passages.length) return cuts.map(([from, to]) => passages.slice(from, to));
    count = Math.min(passages.length, count + concurrency);
  }
}

/** `count` index ranges [from, to), cut where the running size is nearest each count-th of the total. */
function cutEvenly(sizes: number[], total: number, count: number): [number, number][] {
  const cuts: [number, number][] = [];
  let from = 0;
  let running = 0;
  sizes.forEach((size, i) => {
    const boundary = (total * (cuts.length + 1)) / count;
    // Cut before this passage when it would end further past the boundary than the chunk ends short of it.
    if (i > from && cuts.length < count - 1 && running + size - boundary > boundary - running) {
      cuts.push([from, i]);
      from = i;
    }
    running += size;
  });
  if (from < sizes.length) cuts.push([from, sizes.length]);
  return cuts;
}

function groupTexts(texts: string[], budget: number): string[][] {
  const groups: string[][] = [];
  let current: string[] = [];
  let size = 0;
  for (const text of texts) {
    const n = estimateTokens(text) + 2;
    if (current.length > 0 && size + n > budget) {
      groups.push(current);
      current = [];
      size = 0;
    }
    current.push(text);
    size += n;
  }
  if (current.length) groups.push(current);
  return groups;
}

const joinPartials = (texts: string[]) => texts.map((t, i) => `（${i + 1}）\n${t}`).join('\n\n');

function produced(result: ToolResult): Produced {
  return {
    text: result.answer,
    engine: result.engine,
    model: result.model,
    finishReason: result.finishReason,
    cached: false,
  };
}

/** Markdown fences a model may wrap its text in. */
function cleanAnswer(text: string): string {
  return text
    .replace(/^\s*```[a-z]*\n?/i, '')
    .replace(/\n?```\s*$/, '')
    .trim();
}

const LEVELS = ['秘密', '机密', '绝密'] as const;
function highest(docs: DocumentDetail[]): DocumentDetail['meta']['classification'] {
  let top = -1;
  for (const d of docs) top = Math.max(top, LEVELS.indexOf(d.meta.classification as (typeof LEVELS)[number]));
  return top < 0 ? null : LEVELS[top]!;
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
