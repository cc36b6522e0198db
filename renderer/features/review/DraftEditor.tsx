import { useId } from 'react';
import type { ReactNode, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useFormat } from '../../components/useFormat';
import type { Conflict, Editor, SaveState } from './useDraftSession';

interface Props {
  editor: Editor;
  dirty: boolean;
  save: SaveState;
  conflict?: Conflict;
  /** While the draft is generating there is nothing to edit yet. */
  readOnly: boolean;
  /** An approved text: an edit withdraws the approval. */
  approved: boolean;
  textRef: RefObject<HTMLTextAreaElement | null>;
  /** The id of each field's input, for warnings that point at a field. */
  fieldId: (name: string) => string;
  onChange: (patch: Partial<Pick<Editor, 'text' | 'fields'>>) => void;
  onFlush: () => void;
  onDismissConflict: () => void;
  /**
   * In place of the text and the field inputs, with this title: a form draft is edited field by
   * field in its check table (the text is only the form's title).
   */
  form?: { title: string; body: ReactNode };
}

/** The reviewable content: the text and any structured fields, saved as a new version after each pause. */
export function DraftEditor(props: Props) {
  const { editor, dirty, save, conflict, approved, onFlush, form } = props;
  const { t } = useTranslation();
  const id = useId();

  let status: string;
  if (save.phase === 'saving') status = t('review.saving');
  else if (save.phase === 'failed') status = t('review.saveFailed');
  else if (dirty) status = t('review.unsaved');
  else status = t('review.saved', { version: editor.base });

  return (
    <section className="panel draft-editor" aria-labelledby={`${id}-title`}>
      <header className="draft-editor__header">
        <h2 id={`${id}-title`}>{form?.title ?? t('review.textTitle')}</h2>
        <p
          className={`save-state save-state--${save.phase === 'idle' ? (dirty ? 'unsaved' : 'saved') : save.phase}`}
          role="status"
        >
          {status}
        </p>
      </header>

      {conflict && (
        <div className="notice notice--info conflict" role="alert">
          <p className="notice__title">{t('review.conflictTitle')}</p>
          <p>{t('review.conflictBody', { current: conflict.current })}</p>
          <details>
            <summary>{t('review.conflictLost')}</summary>
            <textarea
              className="conflict__lost"
              readOnly
              rows={6}
              value={form ? fieldLines(conflict.lost.fields) : conflict.lost.text}
              aria-label={t('review.conflictLost')}
            />
          </details>
          <button type="button" className="button button--small" onClick={props.onDismissConflict}>
            {t('review.conflictDismiss')}
          </button>
        </div>
      )}
      {save.phase === 'failed' && <ErrorNotice title={t('review.saveFailed')} error={save.error} onRetry={onFlush} />}

      {approved && <p className="field__hint draft-editor__hint">{t('review.editWithdraws')}</p>}
      {form ? form.body : <TextAndFields {...props} id={id} />}
    </section>
  );
}

/** What could not be saved of a form: one field a line. */
const fieldLines = (fields: Record<string, string>) =>
  Object.entries(fields)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n');

function TextAndFields({ editor, readOnly, textRef, fieldId, onChange, onFlush, id }: Props & { id: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const fields = Object.keys(editor.fields);
  return (
    <>
      <label className="visually-hidden" htmlFor={`${id}-text`}>
        {t('review.textLabel')}
      </label>
      <textarea
        id={`${id}-text`}
        ref={textRef}
        className="draft-editor__text"
        value={editor.text}
        readOnly={readOnly}
        rows={18}
        spellCheck={false}
        aria-describedby={`${id}-count`}
        onChange={(e) => onChange({ text: e.target.value })}
        onBlur={onFlush}
      />
      <p id={`${id}-count`} className="field__hint">
        {t('review.charCount', { n: format.number([...editor.text].length) })}
      </p>

      {fields.length > 0 && (
        <fieldset className="draft-fields">
          <legend>{t('review.fieldsTitle')}</legend>
          {fields.map((name) => (
            <div className="field" key={name}>
              <label htmlFor={fieldId(name)}>{name}</label>
              <input
                id={fieldId(name)}
                type="text"
                value={editor.fields[name] ?? ''}
                readOnly={readOnly}
                onChange={(e) => onChange({ fields: { ...editor.fields, [name]: e.target.value } })}
                onBlur={onFlush}
              />
            </div>
          ))}
        </fieldset>
      )}
    </>
  );
}
