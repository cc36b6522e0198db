import { useId, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftContent, DraftVersion } from '../../../shared/domain/draft';
import { useFormat } from '../../components/useFormat';
import { diffStats, textDiff } from './textDiff';
import type { DiffPart } from './textDiff';

/** Unchanged text longer than this is shortened to its ends (unless the whole text is asked for). */
const CONTEXT = 60;

interface Props {
  /** The last version the model wrote. */
  ai: DraftVersion | undefined;
  /** The text in the editor now (saved or not). */
  current: DraftContent;
  dirty: boolean;
  /** What a person calls a field (a form's label). */
  fieldLabel?: (name: string) => string;
}

/**
 * What a person changed in the AI's text: insertions underlined, deletions struck through, each
 * also announced in words ("新增：" / "删除：") so the marks do not rest on colour alone.
 */
export function DiffView({ ai, current, dirty, fieldLabel }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const [whole, setWhole] = useState(false);
  const parts = useMemo(() => (ai ? textDiff(ai.content.text, current.text) : []), [ai, current.text]);
  const fieldChanges = ai
    ? [...new Set([...Object.keys(ai.content.fields), ...Object.keys(current.fields)])].filter(
        (name) => (ai.content.fields[name] ?? '') !== (current.fields[name] ?? ''),
      )
    : [];

  let body: ReactNode;
  if (!ai) {
    body = <p className="muted">{t('review.diffNoAi')}</p>;
  } else if (parts === null) {
    body = <p className="muted">{t('review.diffTooLarge')}</p>;
  } else {
    const stats = diffStats(parts);
    const changed = stats.added + stats.removed > 0;
    const shortened = parts.some((p) => p.kind === 'same' && [...p.text].length > CONTEXT * 2 + 20);
    body = (
      <>
        <p className="diff__summary">
          {changed
            ? t('review.diffStats', { added: format.number(stats.added), removed: format.number(stats.removed) })
            : fieldChanges.length > 0
              ? t('review.diffFieldsOnly', { count: fieldChanges.length, n: format.number(fieldChanges.length) })
              : t('review.diffNone')}
          {changed && <span className="diff__legend"> {t('review.diffLegend')}</span>}
        </p>
        {changed && (
          <>
            <div className="diff" role="document" aria-label={t('review.diffLabel')}>
              {parts.map((part, i) => (
                <DiffPiece key={i} part={part} first={i === 0} last={i === parts.length - 1} whole={whole} />
              ))}
            </div>
            {shortened && (
              <button type="button" className="button button--quiet button--small" onClick={() => setWhole((w) => !w)}>
                {whole ? t('review.diffChangesOnly') : t('review.diffWhole')}
              </button>
            )}
          </>
        )}
        {fieldChanges.length > 0 && (
          <ul className="diff__fields">
            {fieldChanges.map((name) => (
              <li key={name}>
                <span className="diff__field">{fieldLabel?.(name) ?? name}</span>
                <DiffPiece part={{ kind: 'removed', text: ai.content.fields[name] ?? '' }} />
                <span aria-hidden="true"> → </span>
                <DiffPiece part={{ kind: 'added', text: current.fields[name] ?? '' }} />
              </li>
            ))}
          </ul>
        )}
      </>
    );
  }

  return (
    <section className="panel diff-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('review.diffTitle')}</h2>
      {ai && (
        <p className="field__hint">
          {t(dirty ? 'review.diffAgainstUnsaved' : 'review.diffAgainst', { version: ai.version })}
        </p>
      )}
      {body}
    </section>
  );
}

function DiffPiece({ part, first, last, whole }: { part: DiffPart; first?: boolean; last?: boolean; whole?: boolean }) {
  const { t } = useTranslation();
  if (part.kind === 'added' || part.kind === 'removed') {
    const Tag = part.kind === 'added' ? 'ins' : 'del';
    return (
      <Tag className={`diff__${part.kind}`}>
        <span className="visually-hidden">{t(part.kind === 'added' ? 'review.diffAdded' : 'review.diffRemoved')}</span>
        {part.text}
        <span className="visually-hidden">{t('review.diffEnd')}</span>
      </Tag>
    );
  }
  const chars = [...part.text];
  if (whole || chars.length <= CONTEXT * 2 + 20) return <span>{part.text}</span>;
  const start = first ? '' : chars.slice(0, CONTEXT).join('');
  const end = last ? '' : chars.slice(-CONTEXT).join('');
  const skipped = chars.length - [...start].length - [...end].length;
  return (
    <span>
      {start}
      <span className="diff__skip">{t('review.diffSkipped', { n: skipped })}</span>
      {end}
    </span>
  );
}
