import { createHash } from 'node:crypto';
import path from 'node:path';
import type { DocumentDetail } from '../../shared/domain/document';
import type { DraftContent, DraftDetail, DraftSource, DraftWarning } from '../../shared/domain/draft';
import type { FormDetail, FormFill, FormKind, FormProfile, ProposedValue } from '../../shared/domain/form';
import { AppError, toErrorData } from '../../shared/errors';
import { checkProposal, parseModelProposals } from '../../shared/forms/evidence';
import { extractByPatterns } from '../../shared/forms/extract';
import { deriveProfile } from '../../shared/forms/profile';
import { FILL_JSON_SCHEMA, fillSystemPrompt, fillUserPrompt } from '../../shared/forms/prompt';
import { toFillValue } from '../../shared/forms/values';
import { formWarnings } from '../../shared/forms/warnings';
import { labelPassages } from '../../shared/summarize/labels';
import { formKindOf } from '../forms/kind';
import type { FillNote, FillValue, FormEngine } from '../forms/types';
import type { FormsRepo, StoredForm } from '../store/forms-repo';
import type { ModelService, RunOptions, SourceDocument, ToolResult } from './model-service';
import type { ReviewService } from './review-service';
import { renderPassages } from './summarize-prompts';

export interface FormsDeps {
  repo: FormsRepo;
  review: ReviewService;
  model: ModelService;
  document: (id: string) => DocumentDetail;
  engines: Record<FormKind, FormEngine>;
  /** Tells a hybrid XFA PDF. */
  hasXfa: (bytes: Uint8Array) => boolean;
  /** The region's profiles from the machine policy (by form hash). */
  regionProfiles?: () => FormProfile[];
  now?: () => Date;
}

const TOOL = 'forms';
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Forms: opened and kept with their profile; filled from source documents by the endpoint (a JSON
 * answer, by schema where the endpoint supports it) or offline by patterns, every value checked
 * against its evidence before a person sees it; exported filled once approved.
 */
export class FormsService {
  private readonly now: () => Date;

  constructor(private readonly deps: FormsDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  list() {
    return this.deps.repo.list();
  }

  async open(name: string, bytes: Uint8Array): Promise<FormDetail> {
    const kind = formKindOf(path.basename(name), bytes);
    const id = sha256(bytes);
    const fields = await this.deps.engines[kind].fields(bytes, name);
    const known = this.deps.repo.get(id);
    const title = path.basename(name).replace(/\.[^.]+$/, '');
    // The user's own corrections first, then the region's profile of this form (as it is now), then a guess.
    const region = this.deps.regionProfiles?.().find((p) => p.formHash === id && p.kind === kind);
    const saved = known?.saved === true;
    const profile = saved ? known!.profile : (region ?? deriveProfile(fields, { formHash: id, kind, title }));
    const summary = {
      id,
      kind,
      fileName: path.basename(name),
      title,
      fieldCount: fields.length,
      xfa: kind === 'pdf' && this.deps.hasXfa(bytes),
      updatedAt: this.now().toISOString(),
    };
    this.deps.repo.put({ summary, bytes, profile, saved });
    return { form: summary, fields, profile };
  }

  async get(id: string): Promise<FormDetail> {
    const stored = this.stored(id);
    const fields = await this.deps.engines[stored.summary.kind].fields(this.bytesOf(id), stored.summary.fileName);
    return { form: stored.summary, fields, profile: stored.profile };
  }

  async saveProfile(profile: FormProfile): Promise<FormDetail> {
    const stored = this.stored(profile.formHash);
    const names = new Set(stored.profile.fields.map((f) => f.name));
    const unknown = profile.fields.find((f) => !names.has(f.name));
    if (unknown) throw new AppError('form_unknown_field', `no field ${unknown.name}`, { field: unknown.name });
    this.deps.repo.saveProfile(profile.formHash, { ...profile, kind: stored.summary.kind }, this.now());
    return this.get(profile.formHash);
  }

  fillOf(draftId: string): FormFill {
    const fill = this.deps.repo.fill(draftId);
    if (!fill) throw new AppError('draft_not_found', `no form fill for draft ${draftId}`, { id: draftId });
    return fill;
  }

  /** The review warnings of a form draft's content (see shared/forms/warnings.ts). */
  warnings(draft: { id: string }, content: DraftContent): DraftWarning[] {
    const fill = this.deps.repo.fill(draft.id);
    const stored = fill && this.deps.repo.get(fill.formId);
    return fill && stored ? formWarnings(stored.profile, fill, content) : [];
  }

  async fill(
    request: { id: string; documentIds: string[] },
    options: RunOptions = {},
  ): Promise<{ draft: DraftDetail; fill: FormFill }> {
    const { review, model } = this.deps;
    model.assertToolAllowed(TOOL);
    const stored = this.stored(request.id);
    const targets = stored.profile.fields.filter((f) => !f.skip);
    const docs = request.documentIds.map((id) => this.deps.document(id));
    const passages = labelPassages(docs);
    const sources: DraftSource[] = request.documentIds.map((documentId) => ({ documentId, passageId: null }));
    const draft = review.create({
      kind: 'form',
      tool: TOOL,
      title: `《${stored.summary.title}》填写`,
      requestedAt: this.now(),
      sources,
    });
    try {
      const material: SourceDocument[] = docs.map((doc) => ({
        id: doc.id,
        title: doc.title,
        text: renderPassages(passages.filter((p) => p.documentId === doc.id)),
        classification: doc.meta.classification,
      }));
      // Offline, the patterns answer in the model's own format, so both go through the same checks.
      const offline = () => {
        const found = extractByPatterns(targets, passages);
        const labelOf = new Map(passages.map((p) => [p.id, p.label]));
        return JSON.stringify({
          fields: found.map((p) => ({
            name: p.name,
            value: p.value,
            quote: p.evidence?.quote ?? '',
            passage: p.evidence ? (labelOf.get(p.evidence.passageId) ?? '') : '',
          })),
        });
      };
      const ask = (structured: boolean) =>
        model.generate(
          {
            system: fillSystemPrompt(),
            prompt: fillUserPrompt(targets),
            sources: material,
            documentIds: request.documentIds,
            tool: TOOL,
            ...(structured && {
              responseFormat: {
                type: 'json_schema',
                json_schema: { name: 'form_fill', schema: FILL_JSON_SCHEMA, strict: true },
              },
            }),
          },
          offline,
          options,
        );
      let result: ToolResult;
      try {
        result = await ask(true);
      } catch (err) {
        // An endpoint without structured output refuses response_format: ask again and parse tolerantly.
        if (toErrorData(err).code !== 'endpoint_bad_request') throw err;
        result = await ask(false);
      }
      const byLabel = new Map(passages.map((p) => [p.label, p]));
      const byId = new Map(passages.map((p) => [p.id, p]));
      const parsed = parseModelProposals(result.answer);
      const proposals: ProposedValue[] = targets.map((field) => {
        const said = parsed.find((p) => p.name === field.name);
        const passage = said ? (byLabel.get(said.passageId.toUpperCase()) ?? byId.get(said.passageId)) : undefined;
        const checked = checkProposal(
          field,
          { value: said?.value ?? '', quote: said?.quote ?? '', passageId: passage?.id ?? said?.passageId ?? '' },
          byId,
        );
        return { ...checked, source: result.engine === 'offline' ? 'pattern' : 'model' };
      });
      const fill: FormFill = { formId: stored.summary.id, proposals };
      this.deps.repo.putFill(draft.id, fill);
      const content = {
        text: stored.summary.title,
        fields: Object.fromEntries(proposals.map((p) => [p.name, p.value])),
      };
      const detail = review.addGeneration(draft.id, { content, engine: result.engine, model: result.model });
      return { draft: detail, fill };
    } catch (err) {
      review.discard(draft.id);
      throw err;
    }
  }

  /** The filled file of an approved form draft's values (the guarded egress calls this). */
  async filled(
    draftId: string,
    content: DraftContent,
    options: { flatten?: boolean } = {},
  ): Promise<{ bytes: Uint8Array; kind: FormKind; notes: FillNote[] }> {
    const fill = this.fillOf(draftId);
    const stored = this.stored(fill.formId);
    const values: Record<string, FillValue> = {};
    for (const field of stored.profile.fields) {
      const value = toFillValue(field, content.fields[field.name] ?? '');
      if (value !== undefined) values[field.name] = value;
    }
    const { bytes, notes } = await this.deps.engines[stored.summary.kind].fill(
      this.bytesOf(fill.formId),
      stored.summary.fileName,
      values,
      { flatten: options.flatten === true && stored.summary.kind === 'pdf' },
    );
    return { bytes, kind: stored.summary.kind, notes };
  }

  /** Field name → label of a form draft's form (what a field list shows); undefined for other drafts. */
  labelsOf(draftId: string): Record<string, string> | undefined {
    const fill = this.deps.repo.fill(draftId);
    const stored = fill && this.deps.repo.get(fill.formId);
    return stored ? Object.fromEntries(stored.profile.fields.map((f) => [f.name, f.label])) : undefined;
  }

  /** Whether a draft is a filled form (exported as its form file). */
  formKindOf(draftId: string): FormKind | null {
    const fill = this.deps.repo.fill(draftId);
    return fill ? (this.deps.repo.get(fill.formId)?.summary.kind ?? null) : null;
  }

  private bytesOf(id: string): Uint8Array {
    const bytes = this.deps.repo.bytes(id);
    if (!bytes) throw new AppError('not_found', `no form ${id}`, { id });
    return bytes;
  }

  private stored(id: string): StoredForm {
    const stored = this.deps.repo.get(id);
    if (!stored) throw new AppError('not_found', `no form ${id}`, { id });
    return stored;
  }
}
