import { useEffect, useId, useState } from 'react';
import type { FormEvent, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftDetail, DraftVersion } from '../../../shared/domain/draft';
import { call } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useFormat } from '../../components/useFormat';
import { useEndpointStatus } from '../endpoint/useEndpointStatus';
import { useModelStream } from '../endpoint/useModelStream';

const CHIPS = ['concise', 'formal', 'expand', 'polish'] as const;
const INSTRUCTION_MAX = 2000;

interface Selection {
  start: number;
  end: number;
}

/** The textarea's selection, kept current as the user selects (it stays after the textarea loses focus). */
function useTextSelection(textRef: RefObject<HTMLTextAreaElement | null>): Selection | null {
  const [selection, setSelection] = useState<Selection | null>(null);
  useEffect(() => {
    const area = textRef.current;
    if (!area) return;
    const read = () =>
      setSelection((prev) => {
        const next =
          area.selectionEnd > area.selectionStart ? { start: area.selectionStart, end: area.selectionEnd } : null;
        return prev?.start === next?.start && prev?.end === next?.end ? prev : next;
      });
    const events = ['select', 'mouseup', 'keyup', 'input', 'focus'] as const;
    events.forEach((e) => area.addEventListener(e, read));
    return () => events.forEach((e) => area.removeEventListener(e, read));
  }, [textRef]);
  return selection;
}

interface Props {
  draft: DraftDetail;
  /** The editor's text now, and the version it was saved as. */
  text: string;
  base: number;
  dirty: boolean;
  textRef: RefObject<HTMLTextAreaElement | null>;
  /** Saves unsaved edits first (the revision starts from the saved version). */
  flush: () => Promise<void>;
  /** Nothing to revise (the draft is generating). */
  disabled: boolean;
  onBusy: (busy: boolean) => void;
  /** The new AI version, and the version it was made from (for the diff). */
  onRevised: (draft: DraftDetail, from: DraftVersion | undefined) => void;
}

/**
 * 按要求修改: an instruction (更简洁, 更正式 …) applied by the model to the selection in the editor,
 * or the whole text, as a new AI version from the saved version; it streams here as it is written.
 */
export function RevisePanel({ draft, text, base, dirty, textRef, flush, disabled, onBusy, onRevised }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const status = useEndpointStatus();
  const stream = useModelStream<DraftDetail>({ cancelOnUnmount: true });
  const selection = useTextSelection(textRef);
  const [instruction, setInstruction] = useState('');
  const [saving, setSaving] = useState(false);
  const [changed, setChanged] = useState(false);
  const offline = status.data?.engine === 'offline';
  const busy = saving || stream.phase === 'streaming';
  const chosen = selection && selection.end <= text.length ? selection : null;
  const chars = chosen ? [...text.slice(chosen.start, chosen.end)].length : 0;

  useEffect(() => onBusy(busy), [busy, onBusy]);

  /** The saved version to work from: unsaved edits are saved first; null if the text moved meanwhile. */
  const savedBase = async (): Promise<{ baseVersion: number; versions: DraftDetail['versions'] } | null> => {
    if (!dirty) return { baseVersion: base, versions: draft.versions };
    const sentText = text;
    setSaving(true);
    try {
      await flush();
      const latest = await call('drafts:get', { id: draft.id });
      const current = latest.versions.find((v) => v.version === latest.version);
      if (current?.content.text !== sentText) return null;
      return { baseVersion: latest.version, versions: latest.versions };
    } catch {
      return null;
    } finally {
      setSaving(false);
    }
  };

  /** Runs one model request that makes a new version from `baseVersion`, streaming it here. */
  const runFrom = async (send: (requestId: string, baseVersion: number) => Promise<DraftDetail>) => {
    if (busy || disabled || offline) return;
    setChanged(false);
    const saved = await savedBase();
    if (!saved) return setChanged(true);
    const from = saved.versions.find((v) => v.version === saved.baseVersion);
    const revised = await stream.run({
      send: (requestId) => send(requestId, saved.baseVersion),
      settle: (_result, { answer, reasoning }) => ({ answer, reasoning }),
    });
    if (revised) onRevised(revised, from);
  };

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    const what = instruction.trim();
    if (!what) return;
    const range = chosen ? { start: chosen.start, end: chosen.end } : undefined;
    await runFrom((requestId, baseVersion) =>
      call('drafting:revise', {
        requestId,
        id: draft.id,
        baseVersion,
        instruction: what,
        ...(range ? { selection: range } : {}),
      }),
    );
  };

  /** The same type and fields again: a fresh AI version of the whole draft. */
  const regenerate = () =>
    runFrom((requestId, baseVersion) => call('drafting:regenerate', { requestId, id: draft.id, baseVersion }));

  const addChip = (word: string) =>
    setInstruction((s) => (s.trim() === '' ? word : `${s.trim()}；${word}`).slice(0, INSTRUCTION_MAX));

  const doneVersion = stream.phase === 'done' ? stream.result?.version : undefined;

  return (
    <section className="panel revise-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('revise.title')}</h2>
      <p className="field__hint">{t('revise.intro')}</p>
      {offline && <p className="notice notice--info">{t('revise.offline')}</p>}
      <form className="revise-panel__form" onSubmit={(e) => void submit(e)}>
        <div className="revise-chips" role="group" aria-label={t('revise.chipsLabel')}>
          {CHIPS.map((chip) => (
            <button
              key={chip}
              type="button"
              className="chip revise-chip"
              disabled={busy}
              onClick={() => addChip(t(`revise.chips.${chip}`))}
            >
              {t(`revise.chips.${chip}`)}
            </button>
          ))}
        </div>
        <div className="field field--wide">
          <label htmlFor={`${id}-instruction`}>{t('revise.instructionLabel')}</label>
          <textarea
            id={`${id}-instruction`}
            rows={2}
            value={instruction}
            maxLength={INSTRUCTION_MAX}
            disabled={busy}
            placeholder={t('revise.instructionPlaceholder')}
            aria-describedby={`${id}-scope`}
            onChange={(e) => setInstruction(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                void submit();
              }
            }}
          />
          <p id={`${id}-scope`} className="field__hint">
            {chosen ? '' : t('revise.scopeHint')} {t('revise.submitHint')}
          </p>
        </div>
        <div className="form-actions">
          {stream.phase === 'streaming' ? (
            <button
              type="button"
              className="button button--danger"
              disabled={stream.stopping}
              onClick={() => stream.stop()}
            >
              {stream.stopping ? t('endpoint.stopping') : t('endpoint.stop')}
            </button>
          ) : (
            <button
              type="submit"
              className="button button--primary"
              disabled={busy || disabled || offline || instruction.trim() === ''}
            >
              {chosen ? t('revise.scopeSelection', { n: format.number(chars) }) : t('revise.scopeWhole')}
            </button>
          )}
          {stream.phase !== 'streaming' && (
            <button
              type="button"
              className="button"
              disabled={busy || disabled || offline}
              onClick={() => void regenerate()}
            >
              {t('revise.regenerate')}
            </button>
          )}
        </div>
      </form>
      <p className="revise-panel__status" role="status">
        {saving
          ? t('revise.saveFirst')
          : stream.phase === 'streaming'
            ? t('revise.streaming')
            : stream.phase === 'stopped'
              ? t('revise.stopped')
              : doneVersion !== undefined
                ? t('revise.done', { version: doneVersion })
                : ''}
      </p>
      {changed && <p className="notice notice--info">{t('revise.changed')}</p>}
      {stream.phase === 'streaming' && (
        <article className="answer__text answer__text--streaming" aria-label={t('revise.streamLabel')} aria-busy>
          {stream.answer || <span className="muted">{t('endpoint.waiting')}</span>}
        </article>
      )}
      {stream.phase === 'failed' && stream.error && <ErrorNotice title={t('revise.failed')} error={stream.error} />}
    </section>
  );
}
