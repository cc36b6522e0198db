import { createHash } from 'node:crypto';
import type { SummaryPreset, SummaryStage } from '../../shared/domain/summary';
import { cleanAnswer } from '../../shared/llm/answer';
import { estimateTokens } from '../../shared/llm/tokens';
import type { ChatResult } from '../../shared/llm/types';
import { normalizeCitations } from '../../shared/summarize/citations';
import type { SourcePassage } from '../../shared/verify/types';
import type { CacheStage, SummaryCacheRepo } from '../store/summary-cache-repo';
import type { ModelService, SourceDocument } from './model-service';
import type { SummarizeOptions } from './summarize-service';
import { SUMMARY_PROMPT_VERSION, chunkPrompt, combinePrompt, renderPassages } from './summarize-prompts';
import type { OutputLanguage } from './summarize-prompts';

export const TOOL = 'summarize';
/** A chunk's partial summary is short: a cap on its answer leaves more room for its material. */
const CHUNK_ANSWER_TOKENS = 1024;

export const sha256 = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/** A summary's text and where it came from. */
export interface Produced {
  text: string;
  engine: 'endpoint' | 'offline';
  model: string;
  finishReason: ChatResult['finishReason'];
  cached: boolean;
}

export interface MapReduceDeps {
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
export class MapReduce {
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
