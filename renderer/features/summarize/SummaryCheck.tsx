import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CitedPassage } from '../../../shared/domain/summary';
import { parseSummary } from '../../../shared/summarize/sections';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useFormat } from '../../components/useFormat';
import { useEndpointStatus } from '../endpoint/useEndpointStatus';
import { SentenceItem } from './SentenceItem';
import { SummaryStructure } from './SummaryStructure';
import { groupSentences } from './segments';
import type { CheckedReport } from './useSummaryReport';
import { useSummaryReport } from './useSummaryReport';
import { useSecondOpinion } from './useSecondOpinion';

interface Props {
  draftId: string;
  /** The editor's text, saved or not: the check follows it as the user types. */
  text: string;
  /** The stored version's text (the model's second opinion is of that). */
  saved: string;
  generating: boolean;
  onSelect: (start: number, end: number) => void;
}

/**
 * A summary checked against its sources, sentence by sentence: what is supported, what is not,
 * what the source says otherwise, with the words at fault marked and each citation a link to its
 * passage; re-checked as the text is edited, so a fix shows before it is saved.
 */
export function SummaryCheck({ draftId, text, saved, generating, onSelect }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const check = useSummaryReport(draftId, text, !generating && text.trim() !== '');
  const { checked } = check;

  let body;
  if (generating) body = <p className="muted">{t('summaryCheck.generating')}</p>;
  else if (text.trim() === '') body = <p className="muted">{t('summaryCheck.empty')}</p>;
  else if (!checked && check.error)
    body = <ErrorNotice title={t('summaryCheck.failed')} error={check.error} onRetry={check.retry} />;
  else if (!checked) body = <p className="muted">{t('summaryCheck.checking')}</p>;
  else
    body = <CheckedBody draftId={draftId} checked={checked} saved={saved} dirty={text !== saved} onSelect={onSelect} />;

  return (
    <section className="panel summary-check" aria-labelledby={`${id}-title`} aria-busy={check.checking}>
      <header className="summary-check__header">
        <h2 id={`${id}-title`}>{t('summaryCheck.title')}</h2>
        {checked && <Counts checked={checked} stale={!check.current} />}
      </header>
      {checked && check.error && (
        <ErrorNotice title={t('summaryCheck.failed')} error={check.error} onRetry={check.retry} />
      )}
      {body}
      <p className="field__hint">{t('summaryCheck.hint')}</p>
    </section>
  );
}

/** "12 句：10 句有依据，1 句无依据，1 句与原文不符", announced as it changes. */
function Counts({ checked, stale }: { checked: CheckedReport; stale: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { sentences } = checked.report;
  const n = (verdict: string) => format.number(sentences.filter((s) => s.verdict === verdict).length);
  return (
    <p className="summary-check__counts" role="status">
      {sentences.length === 0
        ? t('summaryCheck.none')
        : t('summaryCheck.counts', {
            count: sentences.length,
            total: format.number(sentences.length),
            supported: n('supported'),
            unsupported: n('unsupported'),
            contradicted: n('contradicted'),
          })}
      {stale && <span className="muted"> {t('summaryCheck.rechecking')}</span>}
    </p>
  );
}

interface BodyProps {
  draftId: string;
  checked: CheckedReport;
  saved: string;
  dirty: boolean;
  onSelect: (start: number, end: number) => void;
}

function CheckedBody({ draftId, checked, saved, dirty, onSelect }: BodyProps) {
  const { t } = useTranslation();
  const { report, text } = checked;
  const passages = useMemo(() => new Map<string, CitedPassage>(report.passages.map((p) => [p.label, p])), [report]);
  // Several documents: a citation must say which one it points into.
  const named = new Set(report.passages.map((p) => p.documentId)).size > 1;
  const parsed = useMemo(() => parseSummary(text), [text]);
  const groups = useMemo(() => groupSentences(parsed, report.sentences), [parsed, report]);
  const opinion = useSecondOpinion(draftId);
  const flagged = report.sentences.filter((s) => s.verdict !== 'supported').length;
  // Opinions name sentences by position in the text they were asked about.
  const answered = opinion.state.phase === 'done' ? opinion.state : undefined;
  const opinions = answered?.text === text ? answered.opinions : [];

  return (
    <>
      <SecondOpinionBar
        state={opinion.state}
        flagged={flagged}
        dirty={dirty}
        onAsk={() => void opinion.ask(saved)}
        onStop={opinion.stop}
        note={
          !answered
            ? null
            : answered.text !== text
              ? t('summaryCheck.opinionStale')
              : answered.opinions.length > 0
                ? t('summaryCheck.opinionAdvisory')
                : t('summaryCheck.opinionNone')
        }
      />
      {groups.map((group, g) => (
        <div key={g} className="summary-check__group">
          {group.section && <h3 className="summary-check__heading">{t(`summaryCheck.section.${group.section}`)}</h3>}
          <ol
            className="check-sentences"
            aria-label={group.section ? t(`summaryCheck.section.${group.section}`) : t('summaryCheck.listLabel')}
          >
            {group.sentences.map((s) => (
              <SentenceItem
                key={`${s.index}-${s.start}`}
                text={text}
                sentence={s}
                passages={passages}
                named={named}
                opinion={opinions.find((o) => o.index === s.index)}
                onSelect={onSelect}
              />
            ))}
          </ol>
        </div>
      ))}
      <SummaryStructure actions={parsed.actions} dates={parsed.dates} passages={passages} named={named} />
    </>
  );
}

interface BarProps {
  state: ReturnType<typeof useSecondOpinion>['state'];
  flagged: number;
  dirty: boolean;
  /** What the last answer amounts to (advisory, none, or about an earlier text). */
  note: string | null;
  onAsk: () => void;
  onStop: () => void;
}

/**
 * 请模型复核: asks the endpoint about the flagged sentences. Only online, only with something
 * flagged, only of saved text; gone when the policy does not allow it.
 */
function SecondOpinionBar({ state, flagged, dirty, note, onAsk, onStop }: BarProps) {
  const { t } = useTranslation();
  const status = useEndpointStatus();
  if (status.data?.engine !== 'endpoint' || !status.data.secondOpinion || flagged === 0) return null;
  if (state.phase === 'off') return <p className="field__hint">{t('summaryCheck.opinionOff')}</p>;
  return (
    <div className="summary-check__opinion">
      <div className="form-actions">
        {state.phase === 'running' ? (
          <>
            <span role="status">{t('summaryCheck.opinionRunning')}</span>
            <button type="button" className="button button--small button--danger" onClick={onStop}>
              {t('endpoint.stop')}
            </button>
          </>
        ) : (
          <button type="button" className="button button--small" disabled={dirty} onClick={onAsk}>
            {t('summaryCheck.opinionAsk')}
          </button>
        )}
        {dirty && state.phase !== 'running' && (
          <span className="field__hint">{t('summaryCheck.opinionSaveFirst')}</span>
        )}
      </div>
      {state.phase === 'failed' && <ErrorNotice title={t('summaryCheck.opinionFailed')} error={state.error} />}
      {note && (
        <p className="check-opinion__note" role="status">
          {note}
        </p>
      )}
    </div>
  );
}
