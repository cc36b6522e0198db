import { useId, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../api/hooks';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ScreenHeader } from '../../components/ScreenHeader';
import { hrefFor } from '../../router/route';
import { PromptField } from '../endpoint/PromptField';
import { EndpointTarget, SendOrStop, StreamAnswer } from '../endpoint/StreamViews';
import { useEndpointStatus } from '../endpoint/useEndpointStatus';
import { useLintText } from '../lint/useLint';
import { DocumentPicker } from './DocumentPicker';
import { TypeFields } from './TypeFields';
import { TypePicker } from './TypePicker';
import { useGenerate } from './useGenerate';
import { filledFields, validateFields } from './validate';

const TITLE_MAX = 200;
type Mode = 'typed' | 'free';

/**
 * 起草: by document type (choose the 文种, fill its fields, validated as you type, optionally
 * attach documents, generate) or from a free request. The text streams in as the model writes it;
 * the finished draft opens in Review, where a person edits, lints, revises and approves it.
 */
export function DraftScreen() {
  const { t } = useTranslation();
  const id = useId();
  const status = useEndpointStatus();
  const generation = useGenerate();
  const [mode, setMode] = useState<Mode>('typed');
  const [documentIds, setDocumentIds] = useState<string[]>([]);
  const streaming = generation.phase === 'streaming';
  const offline = status.data?.engine === 'offline';

  const open = (draftId: string) => (window.location.hash = hrefFor({ screen: 'review', draftId }));

  return (
    <>
      <ScreenHeader title={t('nav.draft')}>
        <a className="button" href={hrefFor({ screen: 'review' })}>
          {t('draft.toQueue')}
        </a>
      </ScreenHeader>
      <section className="panel draft-new" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{t('draft.newTitle')}</h2>
        <fieldset className="draft-mode" disabled={streaming}>
          <legend className="visually-hidden">{t('drafting.modeLabel')}</legend>
          {(['typed', 'free'] as const).map((m) => (
            <span key={m} className="draft-mode__option">
              <input
                id={`${id}-mode-${m}`}
                type="radio"
                name={`${id}-mode`}
                checked={mode === m}
                onChange={() => setMode(m)}
              />
              <label htmlFor={`${id}-mode-${m}`}>
                {m === 'typed' ? t('drafting.modeTyped') : t('drafting.modeFree')}
              </label>
            </span>
          ))}
        </fieldset>
        <p className="panel__intro field__hint">{mode === 'typed' ? t('drafting.intro') : t('draft.intro')}</p>
        {mode === 'free' && <EndpointTarget status={status.data} offlineText={t('draft.offline')} />}
        {mode === 'typed' ? (
          <TypedForm
            generation={generation}
            offline={offline}
            status={status.data}
            documentIds={documentIds}
            onDocuments={setDocumentIds}
            onDone={open}
          />
        ) : (
          <FreeForm generation={generation} documentIds={documentIds} onDocuments={setDocumentIds} onDone={open} />
        )}
      </section>

      <StreamAnswer
        stream={generation}
        offline={offline}
        className="draft-stream"
        title={t('draft.streamTitle')}
        phaseText={(phase) => t(`draft.phase.${phase}`)}
        textLabel={t('draft.streamText')}
        emptyText={t('draft.nothing')}
        failedTitle={t('draft.failed')}
        note={t('draft.reviewNote')}
      />
    </>
  );
}

interface FormProps {
  generation: ReturnType<typeof useGenerate>;
  documentIds: string[];
  onDocuments: (ids: string[]) => void;
  onDone: (draftId: string) => void;
}

/** By document type: the 文种, its guidance, its fields, documents, generate. */
function TypedForm({
  generation,
  offline,
  status,
  documentIds,
  onDocuments,
  onDone,
}: FormProps & { offline: boolean; status: ReturnType<typeof useEndpointStatus>['data'] }) {
  const { t } = useTranslation();
  const text = useLintText();
  const id = useId();
  const types = useQuery('drafting:types', {});
  const [typeId, setTypeId] = useState<string | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [attempted, setAttempted] = useState(false);
  const streaming = generation.phase === 'streaming';
  const type = types.data?.find((x) => x.id === typeId);
  const issues = useMemo(() => (type ? validateFields(type, values) : {}), [type, values]);
  const invalid = Object.keys(issues);
  const name = type ? text({ zh: type.name, en: type.nameEn }) : '';

  const choose = (next: string) => {
    setTypeId(next);
    setAttempted(false);
  };
  const change = (key: string, value: string) => {
    setValues((v) => ({ ...v, [key]: value }));
    setTouched((s) => (s.has(key) ? s : new Set(s).add(key)));
  };
  const touch = (key: string) => setTouched((s) => (s.has(key) ? s : new Set(s).add(key)));

  const generate = async (e: FormEvent) => {
    e.preventDefault();
    if (!type || streaming) return;
    if (invalid.length > 0) {
      setAttempted(true);
      const first = type.fields.find((f) => issues[f.key]);
      if (first) document.getElementById(`${id}-fields`)?.querySelector<HTMLElement>(`[aria-invalid]`)?.focus();
      return;
    }
    const keys = new Set(type.fields.map((f) => f.key));
    const fields = filledFields(Object.fromEntries(Object.entries(values).filter(([k]) => keys.has(k))));
    const draft = await generation.startTyped({ typeId: type.id, fields, documentIds });
    if (draft) onDone(draft.id);
  };

  if (types.error) return <ErrorNotice title={t('drafting.typesFailed')} error={types.error} onRetry={types.reload} />;
  if (!types.data) return <p className="muted">{t('drafting.typesLoading')}</p>;

  return (
    <form className="draft-new__form drafting-form" onSubmit={(e) => void generate(e)} noValidate>
      <TypePicker types={types.data} selected={typeId} onSelect={choose} disabled={streaming} />
      {type ? (
        <>
          <section className="type-guidance" aria-labelledby={`${id}-guidance`}>
            <h3 id={`${id}-guidance`}>{t('drafting.guidanceTitle', { name })}</h3>
            <p>{text(type.guidance)}</p>
            {type.closings.length > 0 && (
              <p className="field__hint">{t('drafting.closings', { list: type.closings.join(' / ') })}</p>
            )}
          </section>
          <div id={`${id}-fields`}>
            <TypeFields
              key={type.id}
              type={type}
              values={values}
              issues={issues}
              shown={(key) => attempted || touched.has(key)}
              onChange={change}
              onTouch={touch}
              disabled={streaming}
            />
          </div>
          <DocumentPicker selected={documentIds} onChange={onDocuments} disabled={streaming} />
          <EndpointTarget status={status} offlineText={t('drafting.offline')} />
          {attempted && invalid.length > 0 && (
            <p className="field__error" role="alert">
              {t('drafting.invalidSummary', { n: invalid.length })}
            </p>
          )}
          <div className="form-actions">
            <SendOrStop
              stream={generation}
              label={offline ? t('drafting.generateOffline', { name }) : t('drafting.generate', { name })}
              disabled={false}
            />
          </div>
        </>
      ) : (
        <p className="muted">{t('drafting.chooseType')}</p>
      )}
    </form>
  );
}

/** A free request (any kind of text), as before document types. */
function FreeForm({ generation, documentIds, onDocuments, onDone }: FormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [title, setTitle] = useState('');
  const [prompt, setPrompt] = useState('');
  const streaming = generation.phase === 'streaming';
  const empty = prompt.trim() === '';

  const generate = async (e?: FormEvent) => {
    e?.preventDefault();
    if (empty || streaming) return;
    const draft = await generation.start({ title: title.trim() || undefined, prompt, documentIds });
    if (draft) onDone(draft.id);
  };

  return (
    <form className="draft-new__form" onSubmit={(e) => void generate(e)}>
      <div className="field field--wide">
        <label htmlFor={`${id}-name`}>{t('draft.titleLabel')}</label>
        <input
          id={`${id}-name`}
          type="text"
          value={title}
          maxLength={TITLE_MAX}
          disabled={streaming}
          placeholder={t('draft.titlePlaceholder')}
          onChange={(e) => setTitle(e.target.value)}
        />
      </div>
      <PromptField
        label={t('draft.promptLabel')}
        placeholder={t('draft.promptPlaceholder')}
        hint={t('draft.promptHint')}
        rows={6}
        value={prompt}
        onChange={setPrompt}
        onSubmit={() => void generate()}
        disabled={streaming}
      />
      <DocumentPicker selected={documentIds} onChange={onDocuments} disabled={streaming} />
      <div className="form-actions">
        <SendOrStop stream={generation} label={t('draft.generate')} disabled={empty} />
      </div>
    </form>
  );
}
