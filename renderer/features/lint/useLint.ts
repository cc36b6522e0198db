import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lint } from './linter';
import type { LintInput, LintProblem } from './linter';

/** Typing pauses this long before the text is linted again. */
export const LINT_DEBOUNCE_MS = 150;

/**
 * The linter's problems for a text (and its fields), run again once typing pauses. Linting is
 * cheap and local (no call to main); `null` input lints nothing.
 */
export function useLint(input: LintInput | null, delay = LINT_DEBOUNCE_MS): LintProblem[] {
  const key = input ? JSON.stringify(input) : '';
  const [problems, setProblems] = useState<LintProblem[]>(() => (input ? safeLint(input) : []));
  useEffect(() => {
    if (!key) {
      setProblems([]);
      return;
    }
    const timer = setTimeout(() => setProblems(safeLint(JSON.parse(key) as LintInput)), delay);
    return () => clearTimeout(timer);
  }, [key, delay]);
  return problems;
}

/** A linter bug must never take the editor down: it then finds nothing. */
function safeLint(input: LintInput): LintProblem[] {
  try {
    return lint(input);
  } catch (err) {
    console.error('lint failed', err);
    return [];
  }
}

/** A problem's message in the UI language. */
export function useLintText() {
  const { i18n } = useTranslation();
  const zh = (i18n.resolvedLanguage ?? i18n.language).startsWith('zh');
  return useMemo(() => (text: { zh: string; en: string }) => (zh ? text.zh : text.en), [zh]);
}
