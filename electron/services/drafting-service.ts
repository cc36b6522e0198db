import { incompleteWarning } from '../../shared/domain/draft';
import { cleanAnswer } from '../../shared/llm/answer';
import type { DraftDetail } from '../../shared/domain/draft';
import { AppError } from '../../shared/errors';
import type { DocTypeSpec } from '../../shared/gongwen/type-spec';
import { offlineDraft } from '../../shared/gongwen/offline-draft';
import { titleFor } from '../../shared/gongwen/type-registry';
import { draftingSystemPrompt, draftingUserPrompt, revisionSystemPrompt, revisionUserPrompt } from './drafting-prompts';
import type { ModelService, RunOptions } from './model-service';
import type { ReviewService } from './review-service';

export interface DraftRequest {
  typeId: string;
  fields: Record<string, string>;
  documentIds: string[];
}

export interface ReviseRequest {
  id: string;
  baseVersion: number;
  instruction: string;
  selection?: { start: number; end: number };
}

/**
 * Official-document drafting: a type and its fields become a draft in the plain-text convention
 * (generated, or the type's structure filled offline), and a draft is revised by instruction —
 * whole or a selection — as a new AI version. Both go through the review gate.
 */
export class DraftingService {
  constructor(
    private readonly review: ReviewService,
    private readonly model: ModelService,
    private readonly types: () => DocTypeSpec[],
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The types on offer (built-in, with template packs laid over them). */
  listTypes(): DocTypeSpec[] {
    return this.types();
  }

  type(id: string): DocTypeSpec {
    const type = this.types().find((t) => t.id === id);
    if (!type) throw new AppError('invalid_input', `unknown document type ${id}`, { field: 'typeId' });
    return type;
  }

  async generate(request: DraftRequest, options: RunOptions = {}): Promise<DraftDetail> {
    const type = this.type(request.typeId);
    const missing = type.fields.find((f) => f.required && !request.fields[f.key]?.trim());
    if (missing) throw new AppError('invalid_input', `${missing.key} is required`, { field: missing.label.zh });
    const title = titleFor(type, request.fields);
    const fields = { ...request.fields, typeId: type.id, typeName: type.name };
    const draft = this.review.create({
      kind: 'document',
      tool: 'draft',
      title,
      requestedAt: this.now(),
      sources: request.documentIds.map((documentId) => ({ documentId, passageId: null })),
    });
    try {
      const result = await this.model.generate(
        {
          system: draftingSystemPrompt(type),
          prompt: draftingUserPrompt(type, request.fields, title),
          documentIds: request.documentIds,
          tool: 'draft',
        },
        () => offlineDraft(type, request.fields, this.now()).text,
        options,
      );
      return this.review.addGeneration(draft.id, {
        content: { text: result.engine === 'endpoint' ? cleanAnswer(result.answer) : result.answer, fields },
        engine: result.engine,
        model: result.model,
        warnings: result.finishReason === 'length' ? [incompleteWarning('length')] : [],
      });
    } catch (err) {
      this.review.discard(draft.id);
      throw err;
    }
  }

  /** The same type and fields again (the draft's sources too): a new AI version of this draft. */
  async regenerate(request: { id: string; baseVersion: number }, options: RunOptions = {}): Promise<DraftDetail> {
    const draft = this.review.get(request.id);
    if (draft.version !== request.baseVersion) {
      throw new AppError('draft_conflict', 'the draft changed', { current: draft.version });
    }
    const { typeId, typeName: _typeName, ...fields } = draft.versions.at(-1)!.content.fields;
    if (!typeId)
      throw new AppError('invalid_state', 'not a typed draft', { state: draft.state, action: 'regenerated' });
    const type = this.type(typeId);
    const documentIds = draft.sources.map((s) => s.documentId);
    const result = await this.model.generate(
      {
        system: draftingSystemPrompt(type),
        prompt: draftingUserPrompt(type, fields, draft.title),
        documentIds,
        tool: 'draft',
      },
      () => offlineDraft(type, fields, this.now()).text,
      options,
    );
    return this.review.addGeneration(draft.id, {
      content: {
        text: result.engine === 'endpoint' ? cleanAnswer(result.answer) : result.answer,
        fields: { ...fields, typeId: type.id, typeName: type.name },
      },
      engine: result.engine,
      model: result.model,
      warnings: result.finishReason === 'length' ? [incompleteWarning('length')] : [],
    });
  }

  async revise(request: ReviseRequest, options: RunOptions = {}): Promise<DraftDetail> {
    const draft = this.review.get(request.id);
    if (draft.version !== request.baseVersion) {
      throw new AppError('draft_conflict', 'the draft changed', { current: draft.version });
    }
    const current = draft.versions.at(-1)!.content;
    const { start, end } = request.selection ?? { start: 0, end: current.text.length };
    if (start > end || end > current.text.length) {
      throw new AppError('invalid_input', 'selection outside the text', { field: 'selection' });
    }
    const whole = start === 0 && end === current.text.length;
    const typeId = current.fields.typeId;
    const type = typeId ? (this.types().find((t) => t.id === typeId) ?? null) : null;
    const result = await this.model.generate(
      {
        system: revisionSystemPrompt(type),
        prompt: revisionUserPrompt(request.instruction, current.text.slice(start, end), whole),
        tool: 'draft',
      },
      () => {
        // Revising needs the model: offline, say so rather than invent a rewrite.
        throw new AppError('endpoint_not_configured', 'revising needs the model endpoint');
      },
      options,
    );
    const replacement = cleanAnswer(result.answer);
    const text = current.text.slice(0, start) + replacement + current.text.slice(end);
    return this.review.addGeneration(draft.id, {
      content: { text, fields: current.fields },
      engine: result.engine,
      model: result.model,
      warnings: result.finishReason === 'length' ? [incompleteWarning('length')] : [],
    });
  }
}
