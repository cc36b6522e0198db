/**
 * Main's forms (electron/services/forms-service.ts), in memory: `forms:open` answers by file name
 * (a scripted form, or an error), forms are kept by id with the profile the user saved,
 * `forms:fill` streams the model's raw answer as `model:delta` (paced by fake.model.pace, stopped by
 * model:cancel) and stores a form draft whose fields are the scripted proposals' values and whose
 * warnings come from shared/forms/warnings (as main's), on every version.
 */
import type { DraftContent, DraftDetail, DraftWarning } from '../../../shared/domain/draft';
import type { FormDetail, FormField, FormFill, FormKind, ProposedValue } from '../../../shared/domain/form';
import { AppError } from '../../../shared/errors';
import type { AppErrorData } from '../../../shared/errors';
import { deriveProfile } from '../../../shared/forms/profile';
import { formWarnings } from '../../../shared/forms/warnings';
import type { FakeHandlers, FakeWenshu } from './fakeWenshu';
import { draftId, makeVersion, runsOf } from './fakeWenshu';

export interface FakeForms {
  /** Forms in the store, as forms:list and forms:get answer. */
  stored: FormDetail[];
  /** What forms:open reads a file name as: a form, or an error; a name not here is unreadable. */
  files: Record<string, FormDetail | AppErrorData>;
  /** What forms:fill proposes, per form id; a fillable field without one gets `no_evidence`. */
  proposals: Record<string, ProposedValue[]>;
  /** The model's raw answer (streamed in three pieces); unset: the proposals as JSON. */
  answer?: string;
  /** The proposals kept beside each form draft (forms:fillOf). */
  fills: Map<string, FormFill>;
}

export function createFakeForms(init: Partial<FakeForms> = {}): FakeForms {
  return { stored: [], files: {}, proposals: {}, fills: new Map(), ...init };
}

let nextForm = 1;
/** A form id (the SHA-256 of its bytes in main). */
export const formId = () => String(nextForm++).padStart(64, 'f');

/**
 * A form as main reads it: its fields, and the profile main derives from them (labels from the
 * tooltips, validation types guessed, signatures skipped).
 */
export function makeForm(init: {
  title: string;
  kind?: FormKind;
  fileName?: string;
  fields: FormField[];
  xfa?: boolean;
  id?: string;
  updatedAt?: string;
}): FormDetail {
  const id = init.id ?? formId();
  const kind = init.kind ?? 'pdf';
  return {
    form: {
      id,
      kind,
      fileName: init.fileName ?? `${init.title}.${kind}`,
      title: init.title,
      fieldCount: init.fields.length,
      xfa: init.xfa ?? false,
      updatedAt: init.updatedAt ?? '2026-03-01T08:00:00.000Z',
    },
    fields: init.fields,
    profile: deriveProfile(init.fields, { formHash: id, kind, title: init.title }),
  };
}

/** A field as a PDF form defines it (text, not required, editable, unless given). */
export function formField(name: string, tooltip: string, overrides: Partial<FormField> = {}): FormField {
  return { name, type: 'text', readOnly: false, required: false, tooltip, ...overrides };
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const isError = (v: FormDetail | AppErrorData): v is AppErrorData => 'code' in v;

/** The warnings main gives a form draft's version (shared/forms/warnings.ts). */
export function fakeFormWarnings(fake: FakeWenshu, draft: DraftDetail, content: DraftContent): DraftWarning[] {
  const fill = fake.forms.fills.get(draft.id);
  const form = fill && fake.forms.stored.find((f) => f.form.id === fill.formId);
  return fill && form ? formWarnings(form.profile, fill, content) : [];
}

type FormCallName = 'forms:list' | 'forms:open' | 'forms:get' | 'forms:saveProfile' | 'forms:fill' | 'forms:fillOf';

export function formHandlers(fake: FakeWenshu): Pick<FakeHandlers, FormCallName> {
  const runs = runsOf(fake);
  const now = () => new Date().toISOString();
  const find = (id: string) => {
    const form = fake.forms.stored.find((f) => f.form.id === id);
    if (!form) throw new AppError('not_found', `no form ${id}`, { id });
    return form;
  };

  return {
    'forms:list': async () =>
      clone(fake.forms.stored.map((f) => f.form).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))),

    // The same file again is the same form, with the profile saved for it.
    'forms:open': async ({ name }) => {
      const read = fake.forms.files[name];
      if (!read) throw new AppError('form_unreadable', 'not a form', { file: name, detail: 'not a PDF or DOCX file' });
      if (isError(read)) throw new AppError(read.code, read.message, read.params);
      let form = fake.forms.stored.find((f) => f.form.id === read.form.id);
      if (!form) fake.forms.stored.push((form = clone(read)));
      form.form.updatedAt = now();
      return clone(form);
    },

    'forms:get': async ({ id }) => clone(find(id)),

    'forms:saveProfile': async ({ profile }) => {
      const form = find(profile.formHash);
      const unknown = profile.fields.find((f) => !form.profile.fields.some((g) => g.name === f.name));
      if (unknown) throw new AppError('form_unknown_field', 'unknown field', { field: unknown.name });
      form.profile = clone(profile);
      return clone(form);
    },

    'forms:fill': async ({ requestId, id, documentIds }) => {
      const form = find(id);
      const endpoint = fake.endpoint.engine === 'endpoint' ? fake.endpoint.endpoint : null;
      for (const documentId of documentIds) {
        if (!fake.documents.some((d) => d.id === documentId))
          throw new AppError('not_found', `no document ${documentId}`, { id: documentId });
      }
      // Like main, evidence only ever comes from the documents chosen.
      // Like main, evidence only ever comes from the documents chosen; offline, the patterns propose.
      const scripted = (fake.forms.proposals[id] ?? [])
        .filter((p) => !p.evidence || documentIds.includes(p.evidence.documentId))
        .map((p): ProposedValue => (endpoint || p.source === 'person' ? p : { ...p, source: 'pattern' }));
      const proposals = form.profile.fields
        .filter((f) => !f.skip)
        .map(
          (f): ProposedValue =>
            scripted.find((p) => p.name === f.name) ?? {
              name: f.name,
              value: '',
              evidence: null,
              problems: ['no_evidence'],
              source: endpoint ? 'model' : 'pattern',
            },
        );
      const answer =
        fake.forms.answer ??
        JSON.stringify({
          fields: proposals.map((p) => ({ name: p.name, value: p.value, quote: p.evidence?.quote ?? '' })),
        });
      const third = Math.ceil(answer.length / 3);
      const pieces = [0, 1, 2].map((i) => answer.slice(i * third, (i + 1) * third)).filter(Boolean);

      const cancelled = new Promise<true>((resolve) => runs.inFlight.set(requestId, () => resolve(true)));
      try {
        for (const [step, text] of pieces.entries()) {
          const stop = await Promise.race([fake.model.pace(step, requestId).then(() => false), cancelled]);
          if (stop) throw new AppError('cancelled', 'cancelled');
          fake.emit('model:delta', { requestId, kind: 'answer', text });
        }
      } finally {
        runs.inFlight.delete(requestId);
      }

      const at = now();
      const fill: FormFill = { formId: id, proposals };
      const content: DraftContent = {
        text: form.form.title,
        fields: Object.fromEntries(proposals.map((p) => [p.name, p.value])),
      };
      const draft: DraftDetail = {
        id: draftId(),
        kind: 'form',
        tool: 'forms',
        title: `《${form.form.title}》填写`,
        state: 'draft',
        requestedAt: at,
        createdAt: at,
        updatedAt: at,
        version: 1,
        warningCount: 0,
        sources: documentIds.map((documentId) => ({ documentId, passageId: null })),
        versions: [],
        approvals: [],
        rejections: [],
      };
      fake.forms.fills.set(draft.id, fill);
      const version = makeVersion(1, {
        ...content,
        engine: endpoint ? 'endpoint' : 'offline',
        model: endpoint?.model ?? null,
        createdAt: at,
        warnings: formWarnings(form.profile, fill, content),
      });
      draft.versions.push(version);
      draft.warningCount = version.warnings.length;
      fake.drafts.push(draft);
      form.form.updatedAt = at;
      fake.emit('drafts:changed', { ids: [draft.id] });
      return { draft: clone(draft), fill: clone(fill) };
    },

    'forms:fillOf': async ({ id }) => {
      const fill = fake.forms.fills.get(id);
      if (!fill) throw new AppError('draft_not_found', `no form fill for draft ${id}`, { id });
      return clone(fill);
    },
  };
}
