import type { DecisionLists } from '../../shared/boundary/decision';
import {
  decisionNotice,
  findDecisionRequest,
  neutralSummaryPrompt,
  requestLocale,
} from '../../shared/boundary/decision';
import { incompleteWarning } from '../../shared/domain/draft';
import type { DraftDetail, DraftKind, DraftWarning } from '../../shared/domain/draft';
import { toErrorData } from '../../shared/errors';
import type { ChatDelta } from '../../shared/llm/types';
import type { ModelService, RunOptions, SourceDocument } from './model-service';
import type { ReviewService } from './review-service';

export interface GenerateRequest {
  kind: DraftKind;
  title?: string;
  prompt: string;
  documentIds: string[];
}

/** Which tool a generic generation counts as (for policy switches, audit and metrics). */
const TOOL_OF: Record<DraftKind, string> = { document: 'draft', summary: 'summarize', form: 'forms' };

/**
 * A prompt becomes a draft awaiting review. A request to decide a case is not put to the model:
 * the model (or the offline engine) is asked for a neutral summary of the facts instead, under a
 * notice that the decision belongs to the responsible officer.
 */
export class DraftGeneration {
  constructor(
    private readonly review: ReviewService,
    private readonly model: ModelService,
    private readonly documents: (ids: string[]) => SourceDocument[],
    private readonly decisionLists: () => DecisionLists,
  ) {}

  async generate(request: GenerateRequest, options: RunOptions = {}): Promise<DraftDetail> {
    const tool = TOOL_OF[request.kind];
    const lists = this.decisionLists();
    const decision = findDecisionRequest(request.prompt, lists);
    const locale = requestLocale(request.prompt);
    const draft = this.review.create({
      kind: request.kind,
      tool,
      title: request.title ?? titleOf(request.prompt),
      requestedAt: new Date(),
      sources: request.documentIds.map((documentId) => ({ documentId, passageId: null })),
    });

    const notice = decision ? `${decisionNotice(locale)}\n\n` : '';
    const streamed = streamedAnswer(options.onDelta);
    if (notice) streamed.push({ kind: 'answer', text: notice });
    const offline = () =>
      decision ? offlineFacts(this.documents(request.documentIds), locale) : offlineTemplate(request.prompt, locale);
    try {
      const result = await this.model.generate(
        {
          prompt: decision ? neutralSummaryPrompt(request.prompt, locale, lists) : request.prompt,
          documentIds: request.documentIds,
          tool,
        },
        offline,
        { signal: options.signal, onDelta: streamed.push },
      );
      const warnings: DraftWarning[] = result.finishReason === 'length' ? [incompleteWarning('length')] : [];
      return this.review.addGeneration(draft.id, {
        content: { text: notice + result.answer, fields: {} },
        engine: result.engine,
        model: result.model,
        warnings,
      });
    } catch (err) {
      // What streamed before a failure or a stop is kept for review, marked incomplete.
      const partial = streamed.text();
      if (partial.trim().length > notice.trim().length) {
        return this.review.addGeneration(draft.id, {
          content: { text: partial, fields: {} },
          engine: 'endpoint',
          model: null,
          warnings: [incompleteWarning(toErrorData(err).code)],
        });
      }
      this.review.discard(draft.id);
      throw err;
    }
  }
}

/** The answer as the user saw it stream (retract moves what came before into reasoning). */
function streamedAnswer(onDelta?: (delta: ChatDelta) => void) {
  let answer = '';
  return {
    push: (delta: ChatDelta) => {
      if (delta.kind === 'answer') answer += delta.text;
      else if (delta.kind === 'retract') answer = '';
      onDelta?.(delta);
    },
    text: () => answer,
  };
}

function titleOf(prompt: string): string {
  const line = prompt.trim().split('\n')[0]!.trim();
  return line.length > 40 ? `${line.slice(0, 40)}…` : line || '草稿';
}

/** Offline, a free prompt cannot be answered: an honest empty draft the user writes themselves. */
function offlineTemplate(prompt: string, locale: 'zh-CN' | 'en-US'): string {
  return locale === 'zh-CN'
    ? `（离线：未连接模型服务，未生成正文。请在此直接撰写，或联网后重新生成。）\n\n要求：${prompt}`
    : `(Offline: no model endpoint, nothing was generated. Write the text here, or generate again when online.)\n\nRequest: ${prompt}`;
}

/** Offline facts: each document's title and its first sentences, quoted as they stand. */
function offlineFacts(docs: SourceDocument[], locale: 'zh-CN' | 'en-US'): string {
  if (docs.length === 0) {
    return locale === 'zh-CN'
      ? '（未提供材料，无事实可摘要。）'
      : '(No material was given; there are no facts to summarize.)';
  }
  return docs
    .map((d) => {
      const sentences = d.text.match(/[^。！？!?\n]+[。！？!?]?/g) ?? [];
      return `《${d.title}》\n${sentences.slice(0, 5).join('').trim()}`;
    })
    .join('\n\n');
}
