import { useTranslation } from 'react-i18next';
import type { CitedPassage, SecondOpinion } from '../../../shared/domain/summary';
import type { SentenceVerdict, VerifyProblem } from '../../../shared/verify/types';
import { hrefFor } from '../../router/route';
import { Citation, usePlace } from './Citation';
import { findCitations } from '../../../shared/summarize/citations';
import { sentenceSegments } from './segments';

interface Props {
  /** The text the verdict is of (its offsets point into it). */
  text: string;
  sentence: SentenceVerdict;
  passages: Map<string, CitedPassage>;
  named: boolean;
  opinion: SecondOpinion | undefined;
  /** Selects the sentence in the editor; absent while there is nothing to edit. */
  onSelect?: (start: number, end: number) => void;
}

const VERDICT_MARK = { supported: '', unsupported: '⚠', contradicted: '✕' } as const;

/**
 * One sentence of a summary as checked: its words (those with a problem marked), its citations as
 * links, and when flagged, its verdict, what is wrong in words, the evidence, and a way to it in the editor.
 */
export function SentenceItem({ text, sentence, passages, named, opinion, onSelect }: Props) {
  const { t } = useTranslation();
  const problemText = useProblemText(text, passages);
  const flagged = sentence.verdict !== 'supported' || sentence.problems.length > 0;
  const segments = sentenceSegments(text, sentence);

  return (
    <li className={`check-sentence check-sentence--${sentence.verdict}${flagged ? ' check-sentence--flagged' : ''}`}>
      <p className="check-sentence__text">
        {segments.map((s) =>
          s.kind === 'cite' ? (
            <span key={s.start} className="cites">
              {s.labels.map((label, i) => (
                <Citation key={`${label}-${i}`} label={label} passage={passages.get(label)} named={named} />
              ))}
            </span>
          ) : s.problems.length > 0 ? (
            <mark key={s.start} className="check-sentence__problem" title={s.problems.map(problemText).join(' ')}>
              {s.text}
            </mark>
          ) : (
            <span key={s.start}>{s.text}</span>
          ),
        )}
        {sentence.verdict !== 'supported' && (
          <span className={`check-verdict check-verdict--${sentence.verdict}`}>
            <span aria-hidden="true">{VERDICT_MARK[sentence.verdict]} </span>
            {t(`summaryCheck.verdict.${sentence.verdict}`)}
          </span>
        )}
      </p>
      {flagged && (
        <div className="check-sentence__details">
          {sentence.problems.length > 0 && (
            <ul className="check-sentence__problems" aria-label={t('summaryCheck.problemsLabel')}>
              {sentence.problems.map((p, i) => (
                <li key={i} title={p.detail}>
                  {problemText(p)}
                </li>
              ))}
            </ul>
          )}
          <Evidence sentence={sentence} passages={passages} />
          {onSelect && (
            <button
              type="button"
              className="button button--small"
              aria-label={t('summaryCheck.locateSentence', { n: sentence.index + 1 })}
              onClick={() => onSelect(sentence.start, sentence.end)}
            >
              {t('summaryCheck.locate')}
            </button>
          )}
        </div>
      )}
      {opinion && <Opinion opinion={opinion} />}
    </li>
  );
}

/** The passage that supports the sentence best (or that it contradicts), folded away until asked for. */
function Evidence({ sentence, passages }: { sentence: SentenceVerdict; passages: Map<string, CitedPassage> }) {
  const { t } = useTranslation();
  const place = usePlace();
  const evidence = sentence.evidence;
  if (!evidence) return <p className="check-sentence__evidence muted">{t('summaryCheck.evidenceNone')}</p>;
  const cited = evidence.label ? passages.get(evidence.label) : undefined;
  const passageId = evidence.passageId ?? cited?.passageId;
  const documentId = cited?.documentId ?? passageId?.split('#')[0];
  const where = place(evidence) || (cited ? place(cited) : '');
  return (
    <details className="check-sentence__evidence">
      <summary>{where ? t('summaryCheck.evidenceAt', { place: where }) : t('summaryCheck.evidence')}</summary>
      <blockquote>{evidence.text}</blockquote>
      {documentId && passageId && (
        <a href={hrefFor({ screen: 'library', docId: documentId, passage: passageId })}>
          {t('summaryCheck.openSource')}
        </a>
      )}
    </details>
  );
}

/** The model's view of the sentence: labelled as advisory wherever it appears. */
function Opinion({ opinion }: { opinion: SecondOpinion }) {
  const { t } = useTranslation();
  return (
    <div className={`check-opinion check-opinion--${opinion.judgement}`}>
      <p className="check-opinion__label">{t('summaryCheck.opinionLabel')}</p>
      <p>
        <strong>{t(`summaryCheck.judgement.${opinion.judgement}`)}</strong>
        {opinion.reason && <span> {t('summaryCheck.opinionReason', { reason: opinion.reason })}</span>}
      </p>
    </div>
  );
}

/** A problem in words, by its kind, quoting the words concerned. */
function useProblemText(text: string, passages: Map<string, CitedPassage>) {
  const { t } = useTranslation();
  return (p: VerifyProblem) => {
    if (p.kind === 'citation') {
      // The label at fault: from the marker the problem spans (the first one naming nothing).
      const labels = [text.slice(p.start, p.end), p.text, p.detail].flatMap((s) =>
        findCitations(s).length > 0 ? findCitations(s).flatMap((c) => c.labels) : (s.match(/\bP\d+\b/giu) ?? []),
      );
      const label = labels.map((l) => l.toUpperCase()).find((l) => !passages.has(l));
      return label ? t('summaryCheck.problem.citation', { text: label }) : t('summaryCheck.problem.citationMissing');
    }
    const problem = t(`summaryCheck.problem.${p.kind}`, { text: p.text });
    return p.says ? `${problem}${t('summaryCheck.sourceSays', { says: p.says })}` : problem;
  };
}
