import { useCallback, useEffect, useRef, useState } from 'react';
import type { DraftContent, DraftDetail, DraftVersion } from '../../../shared/domain/draft';
import type { AppError } from '../../../shared/errors';
import { call, toAppError } from '../../api/client';
import { useEvent } from '../../api/hooks';

/** Typing pauses this long save the text (leaving the field saves at once). */
export const AUTOSAVE_MS = 2000;

/** The text in the editor, the version it started from, and that version's content. */
export interface Editor {
  text: string;
  fields: Record<string, string>;
  /** The version the editor's text derives from: `baseVersion` of the next edit. */
  base: number;
  /** What that version holds: the editor is dirty when it differs. */
  saved: DraftContent;
}

export interface Conflict {
  /** The version found in the store. */
  current: number;
  /** What the user had typed and could not be saved. */
  lost: DraftContent;
}

export type SaveState = { phase: 'idle' } | { phase: 'saving' } | { phase: 'failed'; error: AppError };

const sameFields = (a: Record<string, string>, b: Record<string, string>) => {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
};
export const isDirty = (e: Editor | null) =>
  e !== null && (e.text !== e.saved.text || !sameFields(e.fields, e.saved.fields));

const fromDraft = (d: DraftDetail): Editor => {
  const current = d.versions.find((v) => v.version === d.version);
  const content = current?.content ?? { text: '', fields: {} };
  return { text: content.text, fields: { ...content.fields }, base: d.version, saved: content };
};

/**
 * One draft under review: the draft as main has it (kept current through `drafts:changed`; a
 * slower, older reply never replaces a newer one) and the editor over its current version.
 * Edits save after a pause, on leaving the field and on leaving the draft, as a new version from
 * the version shown; a `draft_conflict` (the draft changed elsewhere) loads the latest version and
 * keeps what could not be saved for the user to apply again.
 */
export function useDraftSession(id: string) {
  const [draft, setDraft] = useState<DraftDetail>();
  const [loadError, setLoadError] = useState<AppError>();
  const [editor, setEditorState] = useState<Editor | null>(null);
  const [save, setSave] = useState<SaveState>({ phase: 'idle' });
  const [conflict, setConflict] = useState<Conflict>();
  const draftRef = useRef<DraftDetail | undefined>(undefined);
  const editorRef = useRef<Editor | null>(null);
  const saving = useRef(false);
  const saveAgain = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const setEditor = (next: Editor) => {
    editorRef.current = next;
    setEditorState(next);
  };

  /** A draft from main, unless an answer already shown is newer; the editor follows unless it holds unsaved text. */
  const accept = useCallback((d: DraftDetail) => {
    const shown = draftRef.current;
    if (shown && (d.version < shown.version || d.updatedAt < shown.updatedAt)) return;
    draftRef.current = d;
    setDraft(d);
    if (!saving.current && !isDirty(editorRef.current)) setEditor(fromDraft(d));
  }, []);

  const load = useCallback(async () => {
    try {
      const d = await call('drafts:get', { id });
      setLoadError(undefined);
      accept(d);
      return d;
    } catch (err) {
      setLoadError(toAppError(err));
      return undefined;
    }
  }, [id, accept]);

  useEffect(() => {
    void load();
  }, [load]);
  useEvent('drafts:changed', ({ ids }) => {
    if (ids.includes(id)) void load();
  });

  const flush = useCallback(async (): Promise<void> => {
    clearTimeout(timer.current);
    if (saving.current) {
      saveAgain.current = true;
      return;
    }
    const e = editorRef.current;
    if (!e || !isDirty(e)) return;
    saving.current = true;
    setSave({ phase: 'saving' });
    const sent: DraftContent = { text: e.text, fields: e.fields };
    try {
      const d = await call('drafts:edit', { id, baseVersion: e.base, content: sent });
      const now = editorRef.current ?? e;
      setEditor({ ...now, base: d.version, saved: sent });
      saving.current = false;
      accept(d);
      setSave({ phase: 'idle' });
    } catch (err) {
      const error = toAppError(err);
      if (error.code !== 'draft_conflict') {
        setSave({ phase: 'failed', error });
      } else {
        // Someone (another window, the CLI) saved a newer version: show it, keep what was typed.
        const now = editorRef.current ?? e;
        const latest = await call('drafts:get', { id }).catch(() => undefined);
        setConflict({
          current: latest?.version ?? Number(error.params?.current ?? 0),
          lost: { text: now.text, fields: now.fields },
        });
        if (latest) {
          draftRef.current = latest;
          setDraft(latest);
          setEditor(fromDraft(latest));
        }
        setSave({ phase: 'idle' });
      }
    } finally {
      saving.current = false;
      if (saveAgain.current) {
        saveAgain.current = false;
        void flushRef.current();
      }
    }
  }, [id, accept]);
  const flushRef = useRef(flush);
  flushRef.current = flush;

  /** The user typed: keep it, and save once typing pauses. */
  const change = useCallback((patch: Partial<Pick<Editor, 'text' | 'fields'>>) => {
    const e = editorRef.current;
    if (!e) return;
    setEditor({ ...e, ...patch });
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flushRef.current(), AUTOSAVE_MS);
  }, []);

  // Leaving the draft saves what was typed since the last save.
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      if (isDirty(editorRef.current)) void flushRef.current();
    },
    [],
  );

  /** The version the editor shows (its text when nothing is unsaved). */
  const shown: DraftVersion | undefined = draft?.versions.find((v) => v.version === editor?.base);

  return {
    draft,
    loadError,
    editor,
    shown,
    dirty: isDirty(editor),
    save,
    conflict,
    dismissConflict: () => setConflict(undefined),
    change,
    flush,
    accept,
    reload: load,
  };
}
