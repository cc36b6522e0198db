import { useId, useRef, useState } from 'react';
import type { FormEvent, KeyboardEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Classification, DocumentMeta } from '../../../shared/domain/document';
import type { FacetValue } from '../../../shared/domain/document';
import { useQuery } from '../../api/hooks';
import { toAppError } from '../../api/client';
import type { AppError } from '../../../shared/errors';
import { ErrorNotice } from '../../components/ErrorNotice';

/** The contract's limits on tags, and what the filters accept for 文种 and 发文机关. */
const MAX_TAG = 40;
const MAX_TAGS = 50;
const MAX_DOC_TYPE = 20;
const MAX_ISSUER = 100;
const MAX_DOC_NUMBER = 100;

/** YYYY-MM-DD naming a real day (not 2024-02-30). */
function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !DocumentMeta.shape.issuedDate.safeParse(value).success) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

interface Props {
  meta: DocumentMeta;
  onSave: (meta: DocumentMeta) => Promise<void>;
  onCancel: () => void;
}

type TagProblem = 'tagTooLong' | 'tagTooMany' | 'tagDuplicate';

/**
 * Edits what the document says about itself (the extractor can be wrong): 密级, 文种, 文号,
 * 发文机关, 成文日期 and tags. Problems are shown beside their field; nothing is saved until
 * every field is valid, and Cancel discards the changes.
 */
export function MetaForm({ meta, onSave, onCancel }: Props) {
  const { t } = useTranslation();
  const ids = {
    classification: useId(),
    docType: useId(),
    docNumber: useId(),
    issuer: useId(),
    date: useId(),
    tag: useId(),
  };
  const lists = { docTypes: useId(), issuers: useId() };
  const facets = useQuery('documents:facets', {});
  const dateField = useRef<HTMLInputElement>(null);
  const tagField = useRef<HTMLInputElement>(null);

  const [classification, setClassification] = useState<Classification | ''>(meta.classification ?? '');
  const [docType, setDocType] = useState(meta.docType ?? '');
  const [docNumber, setDocNumber] = useState(meta.docNumber ?? '');
  const [issuer, setIssuer] = useState(meta.issuer ?? '');
  const [issuedDate, setIssuedDate] = useState(meta.issuedDate ?? '');
  const [tags, setTags] = useState<string[]>(meta.tags);
  const [tagText, setTagText] = useState('');
  const [dateError, setDateError] = useState(false);
  const [tagProblem, setTagProblem] = useState<TagProblem>();
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<AppError>();

  /** Why `text` cannot be added to `list` (undefined: it can). */
  const problemOf = (text: string, list: readonly string[]): TagProblem | undefined => {
    if (text.length > MAX_TAG) return 'tagTooLong';
    if (list.includes(text)) return 'tagDuplicate';
    if (list.length >= MAX_TAGS) return 'tagTooMany';
    return undefined;
  };

  const addTag = () => {
    const text = tagText.trim();
    if (text === '') return;
    const problem = problemOf(text, tags);
    setTagProblem(problem);
    if (problem) return;
    setTags([...tags, text]);
    setTagText('');
  };

  const onTagKey = (e: KeyboardEvent<HTMLInputElement>) => {
    // Enter adds the tag; it must not submit the form (IME composition is still running otherwise).
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
    e.preventDefault();
    addTag();
  };

  const removeTag = (tag: string) => {
    setTags(tags.filter((x) => x !== tag));
    setTagProblem(undefined);
    tagField.current?.focus();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    const date = issuedDate.trim();
    const badDate = date !== '' && !isIsoDate(date);
    setDateError(badDate);
    // Text still in the tag field counts, as if Enter had been pressed.
    let finalTags = tags;
    const pending = tagText.trim();
    let problem: TagProblem | undefined;
    if (pending !== '') {
      problem = problemOf(pending, tags);
      if (problem === 'tagDuplicate') problem = undefined;
      else if (!problem) finalTags = [...tags, pending];
      setTagProblem(problem);
    }
    if (badDate) return dateField.current?.focus();
    if (problem) return tagField.current?.focus();

    const next = DocumentMeta.parse({
      classification: classification === '' ? null : classification,
      docType: orNull(docType),
      docNumber: orNull(docNumber),
      issuer: orNull(issuer),
      issuedDate: date === '' ? null : date,
      tags: finalTags,
    });
    setSaving(true);
    setSaveError(undefined);
    try {
      await onSave(next);
    } catch (err) {
      setSaveError(toAppError(err));
      setSaving(false);
    }
  };

  const dateErrorId = `${ids.date}-error`;
  const tagErrorId = `${ids.tag}-error`;
  return (
    <form className="meta-form" onSubmit={submit} noValidate aria-label={t('document.editTitle')}>
      {saveError && <ErrorNotice title={t('document.saveFailed')} error={saveError} />}
      <div className="meta-form__grid">
        <FormField id={ids.classification} label={t('document.classification')}>
          <select
            id={ids.classification}
            value={classification}
            // Focus lands here when the form opens.
            autoFocus
            onChange={(e) => setClassification(e.target.value === '' ? '' : Classification.parse(e.target.value))}
          >
            <option value="">{t('common.none')}</option>
            {(['秘密', '机密', '绝密'] as const).map((level) => (
              <option key={level} value={level}>
                {t(`classification.${level}`)}
              </option>
            ))}
          </select>
        </FormField>
        <FormField id={ids.docType} label={t('document.docType')}>
          <input
            id={ids.docType}
            list={lists.docTypes}
            value={docType}
            maxLength={MAX_DOC_TYPE}
            onChange={(e) => setDocType(e.target.value)}
          />
          <Suggestions id={lists.docTypes} values={facets.data?.docTypes} />
        </FormField>
        <FormField id={ids.docNumber} label={t('document.docNumber')}>
          <input
            id={ids.docNumber}
            value={docNumber}
            maxLength={MAX_DOC_NUMBER}
            placeholder={t('document.docNumberExample')}
            onChange={(e) => setDocNumber(e.target.value)}
          />
        </FormField>
        <FormField id={ids.issuer} label={t('document.issuer')}>
          <input
            id={ids.issuer}
            list={lists.issuers}
            value={issuer}
            maxLength={MAX_ISSUER}
            onChange={(e) => setIssuer(e.target.value)}
          />
          <Suggestions id={lists.issuers} values={facets.data?.issuers} />
        </FormField>
        <FormField
          id={ids.date}
          label={t('document.issuedDate')}
          error={dateError ? t('document.dateInvalid') : undefined}
          errorId={dateErrorId}
        >
          <input
            ref={dateField}
            id={ids.date}
            value={issuedDate}
            inputMode="numeric"
            maxLength={10}
            placeholder="YYYY-MM-DD"
            aria-invalid={dateError || undefined}
            aria-describedby={dateError ? dateErrorId : undefined}
            onChange={(e) => {
              setIssuedDate(e.target.value);
              setDateError(false);
            }}
            onBlur={() => setDateError(issuedDate.trim() !== '' && !isIsoDate(issuedDate.trim()))}
          />
        </FormField>
      </div>
      <FormField
        id={ids.tag}
        label={t('document.tags')}
        error={
          tagProblem
            ? t(`document.${tagProblem}`, { max: tagProblem === 'tagTooMany' ? MAX_TAGS : MAX_TAG })
            : undefined
        }
        errorId={tagErrorId}
        hint={t('document.tagHint', { max: MAX_TAG })}
      >
        {tags.length > 0 && (
          <ul className="tag-editor__tags" aria-label={t('document.currentTags')}>
            {tags.map((tag) => (
              <li key={tag}>
                <button
                  type="button"
                  className="chip"
                  aria-label={t('document.tagRemove', { tag })}
                  onClick={() => removeTag(tag)}
                >
                  {tag}
                  <span className="chip__x" aria-hidden="true">
                    ×
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="tag-editor__add">
          <input
            ref={tagField}
            id={ids.tag}
            value={tagText}
            placeholder={t('document.tagPlaceholder')}
            aria-invalid={tagProblem ? true : undefined}
            aria-describedby={tagProblem ? tagErrorId : undefined}
            onKeyDown={onTagKey}
            onChange={(e) => {
              setTagText(e.target.value);
              setTagProblem(undefined);
            }}
          />
          <button type="button" className="button" onClick={addTag} disabled={tagText.trim() === ''}>
            {t('document.tagAdd')}
          </button>
        </div>
      </FormField>
      <div className="meta-form__actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          {t(saving ? 'document.saving' : 'document.save')}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={saving}>
          {t('document.cancel')}
        </button>
      </div>
    </form>
  );
}

interface FormFieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  errorId?: string;
  children: ReactNode;
}

function FormField({ id, label, hint, error, errorId, children }: FormFieldProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {error ? (
        <p id={errorId} className="field__error">
          {error}
        </p>
      ) : (
        hint && <p className="field__hint">{hint}</p>
      )}
    </div>
  );
}

/** What the store already holds, offered while typing (the field stays free text). */
function Suggestions({ id, values = [] }: { id: string; values: readonly FacetValue[] | undefined }) {
  return (
    <datalist id={id}>
      {values.map((f) => (
        <option key={f.value} value={f.value} />
      ))}
    </datalist>
  );
}
