/**
 * Main's summaries (electron/app/summary-handlers.ts), in memory: `summaries:run` streams a
 * summary (the test's text, or one sentence per passage) as `model:delta`, reports its stages as
 * `summaries:progress` (one map piece per document when there are several), and stores a summary
 * draft whose warnings come from the check; the same request again is cached (one delta, no
 * model). `summaries:report` checks any text against the draft's sources; `summaries:secondOpinion`
 * answers the test's opinions (default: `unclear` for each flagged sentence).
 */
import type { DocumentDetail } from '../../../shared/domain/document';
import type { DraftDetail, DraftSource, DraftWarning } from '../../../shared/domain/draft';
import type { SecondOpinion, SummaryReport } from '../../../shared/domain/summary';
import { AppError } from '../../../shared/errors';
import { labelPassages } from '../../../shared/summarize/labels';
import { summaryReport, summaryWarnings } from '../../../shared/summarize/report';
import { verifySummary } from '../../../shared/verify/verify';
import type { FakeHandlers, FakeWenshu } from './fakeWenshu';
import { draftId, makeVersion, runsOf } from './fakeWenshu';

export interface FakeSummary {
  /** What the model writes; unset: the first passages, one sentence each, with their labels. */
  text?: string;
  /** What summaries:secondOpinion answers; unset: `unclear` for each flagged sentence. */
  opinions?: SecondOpinion[];
}

type SummaryCallName = 'summaries:run' | 'summaries:report' | 'summaries:secondOpinion';
type Labelled = ReturnType<typeof labelPassages>[number];

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** The labelled passages of a draft's (or a request's) documents, as main numbers them. */
function passagesOf(fake: FakeWenshu, documentIds: readonly string[]): Labelled[] {
  const docs = documentIds.map((id) => {
    const doc = fake.documents.find((d) => d.id === id);
    if (!doc) throw new AppError('not_found', `no document ${id}`, { id });
    return doc;
  });
  return labelPassages(docs);
}

/** The check of a text against documents: main's verifier (shared/verify), as summary-checks.ts runs it. */
export function fakeReport(fake: FakeWenshu, documentIds: readonly string[], text: string): SummaryReport {
  const passages = passagesOf(fake, documentIds);
  return summaryReport(verifySummary(text, passages, { requireCitations: true }), passages);
}

/** The warnings main gives a summary draft's version (unsupported sentences, citations). */
export function fakeSummaryWarnings(fake: FakeWenshu, sources: readonly DraftSource[], text: string): DraftWarning[] {
  const passages = passagesOf(
    fake,
    sources.map((s) => s.documentId),
  );
  return summaryWarnings(verifySummary(text, passages, { requireCitations: true }));
}

/** One sentence per passage (the first three), each citing its label: what the fake model writes. */
function defaultSummary(passages: readonly Labelled[], preset: string): string {
  const lines = passages.slice(0, preset === 'one_sentence' ? 1 : 3).map((p) => {
    const body = p.text.replace(/[。.！？\s]+$/u, '');
    return `${body}。[${p.label}]`;
  });
  return preset === 'one_sentence' ? lines.join('') : `【要点】\n${lines.join('\n')}`;
}

const titleOf = (docs: DocumentDetail[], preset: string) =>
  `${docs[0]?.title ?? ''}${docs.length > 1 ? `等${docs.length}份文档` : ''}（${
    { one_sentence: '一句话', key_points: '要点', detailed: '详细' }[preset] ?? preset
  }摘要）`;

export function summaryHandlers(fake: FakeWenshu): Pick<FakeHandlers, SummaryCallName> {
  const runs = runsOf(fake);
  const cache = new Map<string, string>();
  const now = () => new Date().toISOString();
  const changed = (id: string) => fake.emit('drafts:changed', { ids: [id] });

  return {
    'summaries:run': async ({ requestId, documentIds, preset, language }) => {
      const docs = documentIds.map((id) => {
        const doc = fake.documents.find((d) => d.id === id);
        if (!doc) throw new AppError('not_found', `no document ${id}`, { id });
        return doc;
      });
      const passages = labelPassages(docs);
      const endpoint = fake.endpoint.engine === 'endpoint' ? fake.endpoint.endpoint : null;
      const key = JSON.stringify({ documentIds, preset, language, model: endpoint?.model ?? null });
      const hit = endpoint ? cache.get(key) : undefined;
      const text = hit ?? fake.summary.text ?? defaultSummary(passages, preset);
      const progress = (stage: 'map' | 'reduce' | 'verify', done: number, total: number) =>
        fake.emit('summaries:progress', { requestId, stage, done, total });

      // Held steps (fake.model.pace) let a test look at each stage; model:cancel ends the run.
      const cancelled = new Promise<true>((resolve) => runs.inFlight.set(requestId, () => resolve(true)));
      let step = 0;
      const next = async () => {
        const stop = await Promise.race([fake.model.pace(step++, requestId).then(() => false), cancelled]);
        if (stop) throw new AppError('cancelled', 'cancelled');
      };
      try {
        if (hit !== undefined) {
          fake.emit('model:delta', { requestId, kind: 'answer', text: hit });
        } else {
          if (docs.length > 1 && endpoint) {
            progress('map', 0, docs.length);
            for (let i = 0; i < docs.length; i++) {
              await next();
              progress('map', i + 1, docs.length);
            }
            progress('reduce', 0, 1);
          }
          const pieces = endpoint ? text.split(/(?<=\n)/u) : [text];
          for (const piece of pieces) {
            await next();
            fake.emit('model:delta', { requestId, kind: 'answer', text: piece });
          }
          if (docs.length > 1 && endpoint) progress('reduce', 1, 1);
        }
        progress('verify', 0, 1);
        await next();
      } finally {
        runs.inFlight.delete(requestId);
      }
      if (endpoint) cache.set(key, text);

      const at = now();
      const sources = documentIds.map((documentId) => ({ documentId, passageId: null }));
      const version = makeVersion(1, {
        text,
        fields: { preset, language },
        engine: endpoint ? 'endpoint' : 'offline',
        model: endpoint?.model ?? null,
        createdAt: at,
        warnings: fakeSummaryWarnings(fake, sources, text),
      });
      const draft: DraftDetail = {
        id: draftId(),
        kind: 'summary',
        tool: 'summarize',
        title: titleOf(docs, preset),
        state: 'draft',
        requestedAt: at,
        createdAt: at,
        updatedAt: at,
        version: 1,
        warningCount: version.warnings.length,
        sources,
        versions: [version],
        approvals: [],
        rejections: [],
      };
      fake.drafts.push(draft);
      progress('verify', 1, 1);
      changed(draft.id);
      return { draft: clone(draft), report: fakeReport(fake, documentIds, text), cached: hit !== undefined };
    },

    'summaries:report': async ({ id, text }) => {
      const draft = fake.drafts.find((d) => d.id === id);
      if (!draft) throw new AppError('draft_not_found', `no draft ${id}`, { id });
      const stored = draft.versions.find((v) => v.version === draft.version)?.content.text ?? '';
      return fakeReport(
        fake,
        draft.sources.map((s) => s.documentId),
        text ?? stored,
      );
    },

    'summaries:secondOpinion': async ({ requestId, id }) => {
      const draft = fake.drafts.find((d) => d.id === id);
      if (!draft) throw new AppError('draft_not_found', `no draft ${id}`, { id });
      if (fake.endpoint.engine !== 'endpoint') throw new AppError('endpoint_not_configured', 'no endpoint');
      const cancelled = new Promise<true>((resolve) => runs.inFlight.set(requestId, () => resolve(true)));
      try {
        const stop = await Promise.race([fake.model.pace(0, requestId).then(() => false), cancelled]);
        if (stop) throw new AppError('cancelled', 'cancelled');
      } finally {
        runs.inFlight.delete(requestId);
      }
      if (fake.summary.opinions) return clone(fake.summary.opinions);
      const stored = draft.versions.find((v) => v.version === draft.version)?.content.text ?? '';
      const report = fakeReport(
        fake,
        draft.sources.map((s) => s.documentId),
        stored,
      );
      return report.sentences
        .filter((s) => s.verdict !== 'supported')
        .map((s) => ({ index: s.index, judgement: 'unclear' as const, reason: '原文表述不够明确。' }));
    },
  };
}
