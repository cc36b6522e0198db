import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../components/useFormat';
import type { LintProblem } from './linter';
import { useLintText } from './useLint';

interface Props {
  problems: LintProblem[];
  /** Field keys → their labels in the UI language (for problems in a field). */
  fieldLabel?: (key: string) => string;
  /** Selects the problem's span in the text (or focuses its field). */
  onLocate: (problem: LintProblem) => void;
  /** Applies the problem's fix; absent (or `readOnly`) hides the fix buttons. */
  onFix?: (problem: LintProblem) => void;
  readOnly?: boolean;
}

/**
 * The format linter's findings, live: each with where it is (line:column, or the field), its
 * severity and message in the UI language; a click selects it, 修正 applies its safe fix.
 */
export function LintPanel({ problems, fieldLabel, onLocate, onFix, readOnly }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const text = useLintText();
  const id = useId();
  const errors = problems.filter((p) => p.severity === 'error').length;
  const sorted = [...problems].sort((a, b) => a.line - b.line || a.column - b.column);

  return (
    <section className="panel lint-panel" aria-labelledby={`${id}-title`}>
      <header className="lint-panel__header">
        <h2 id={`${id}-title`}>{t('lint.title')}</h2>
        <p className="lint-panel__count" role="status">
          {problems.length === 0
            ? t('lint.none')
            : t('lint.count', { errors: format.number(errors), warnings: format.number(problems.length - errors) })}
        </p>
      </header>
      {sorted.length > 0 && (
        <ul className="lint-list" aria-label={t('lint.listLabel')}>
          {sorted.map((p, i) => {
            const where =
              p.field !== null
                ? t('lint.inField', { field: fieldLabel?.(p.field) ?? p.field })
                : t('lint.at', { line: p.line, column: p.column });
            return (
              <li
                key={`${p.rule}-${p.line}-${p.column}-${p.field ?? ''}-${i}`}
                className={`lint-item lint-item--${p.severity}`}
              >
                <button type="button" className="lint-item__locate" onClick={() => onLocate(p)}>
                  <span className="lint-item__where">{where}</span>
                  <span className={`tag lint-item__severity lint-item__severity--${p.severity}`}>
                    {t(`lint.severity.${p.severity}`)}
                  </span>
                  <span className="lint-item__message">{text(p.message)}</span>
                  <span className="lint-item__rule muted">{p.rule}</span>
                </button>
                {p.fix && onFix && !readOnly && (
                  <span className="lint-item__fix">
                    <button type="button" className="button button--small" onClick={() => onFix(p)}>
                      {t('lint.fix')}
                    </button>
                    <span className="field__hint">{text(p.fix.label)}</span>
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <p className="field__hint">{t('lint.hint')}</p>
    </section>
  );
}
