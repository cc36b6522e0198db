import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftState, DraftWarning, Person, RejectionReason } from '../../../shared/domain/draft';
import { FieldProblem } from '../../../shared/domain/form';

/** The tools that make drafts (DraftSummary.tool); another name is shown as it is. */
export const TOOLS = ['draft', 'summarize', 'forms', 'complete'] as const;
type Tool = (typeof TOOLS)[number];
const isTool = (value: string): value is Tool => (TOOLS as readonly string[]).includes(value);

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Names, ages and warning texts of the review gate, in the UI language. */
export function useReviewText() {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  return useMemo(() => {
    const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    /** A form field's problems ("quote_not_found, invalid") in words; an unknown code as it is. */
    const problemList = (codes: string | number | undefined): string => {
      if (typeof codes !== 'string' || codes === '') return t('draftWarnings.problemsUnknown');
      return codes
        .split(/,\s*/)
        .map((code) => {
          const problem = FieldProblem.safeParse(code);
          return problem.success ? t(`draftWarnings.problems.${problem.data}`) : code;
        })
        .join(t('draftWarnings.problemSeparator'));
    };
    return {
      toolName: (tool: string) => (isTool(tool) ? t(`review.tools.${tool}`) : tool),
      stateName: (state: DraftState) => t(`review.states.${state}`),
      reasonName: (reason: RejectionReason) => t(`review.reasons.${reason}`),
      /** "3 小时前": how long ago, from `now` (ms). */
      age: (iso: string, now: number) => {
        const ms = Math.max(0, now - Date.parse(iso));
        if (ms < MINUTE) return t('review.justNow');
        if (ms < HOUR) return relative.format(-Math.floor(ms / MINUTE), 'minute');
        if (ms < DAY) return relative.format(-Math.floor(ms / HOUR), 'hour');
        if (ms < 30 * DAY) return relative.format(-Math.floor(ms / DAY), 'day');
        if (ms < 365 * DAY) return relative.format(-Math.floor(ms / (30 * DAY)), 'month');
        return relative.format(-Math.floor(ms / (365 * DAY)), 'year');
      },
      /** The display name with the OS account, or the account alone. */
      person: (p: Person) => (p.name ? t('review.person', { name: p.name, account: p.account }) : p.account),
      warningKind: (kind: DraftWarning['kind']) => t(`draftWarnings.label.${kind}`),
      /** What a warning says, translated from its kind and params (main's `message` is the English fallback). */
      warningText: (w: DraftWarning) => {
        const reason = w.params.reason;
        const reasonText =
          reason === 'length' || reason === 'cancelled'
            ? t(`draftWarnings.reasons.${reason}`)
            : t('draftWarnings.reasons.error', { code: reason ?? '' });
        // A warning may carry its text in both languages (lint problems do): the UI's, else English.
        const own = w.params[locale === 'en-US' ? 'en' : 'zh'];
        return t(`draftWarnings.${w.kind}`, {
          field: w.field ?? '',
          ...w.params,
          detail: typeof own === 'string' ? own : w.message,
          reason: reasonText,
          problems: problemList(w.params.problems),
        });
      },
    };
  }, [t, locale]);
}

/** The quoted part of the text a warning is about, if it names a span. */
export function warningSpan(w: DraftWarning, text: string): string | null {
  if (w.start === null || w.end === null || w.end <= w.start) return null;
  const span = text.slice(w.start, Math.min(w.end, text.length));
  return span === '' ? null : span;
}

/** The first characters of a content hash, as shown beside approvals. */
export const shortHash = (hash: string) => `${hash.slice(0, 12)}…`;
