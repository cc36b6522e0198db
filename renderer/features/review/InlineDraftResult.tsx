import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { hrefFor } from '../../router/route';
import { DraftView } from './DraftView';

interface Props {
  draftId: string;
  /** The result's name (the section's label), its headline and what to do next. */
  label: string;
  ready: string;
  note: string;
  openInReview: string;
  /** More to say between headline and note (e.g. that a cached result made no model call). */
  extra?: ReactNode;
}

/**
 * A tool's finished result: said to be a draft awaiting review, then the draft itself under review
 * right here (its check, the editor, the approval and the export), so the one path from request to
 * approval is to scroll down.
 */
export function InlineDraftResult({ draftId, label, ready, note, openInReview, extra }: Props) {
  const headline = useRef<HTMLDivElement>(null);
  // Keyboard and screen-reader users land on the result, not back at the top of the screen.
  useEffect(() => {
    headline.current?.focus({ preventScroll: true });
    headline.current?.scrollIntoView({ block: 'start' });
  }, []);

  return (
    <section className="summary-result" aria-label={label}>
      <div className="summary-result__note" ref={headline} tabIndex={-1} role="status">
        <p className="summary-result__title">{ready}</p>
        {extra}
        <p>
          {note} <a href={hrefFor({ screen: 'review', draftId })}>{openInReview}</a>
        </p>
      </div>
      <DraftView id={draftId} embedded />
    </section>
  );
}
