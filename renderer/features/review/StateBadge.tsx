import type { DraftState } from '../../../shared/domain/draft';
import { useReviewText } from './useReviewText';

/** A draft's state in words (the tint only repeats what the word says). */
export function StateBadge({ state }: { state: DraftState }) {
  const text = useReviewText();
  return <span className={`tag draft-state draft-state--${state}`}>{text.stateName(state)}</span>;
}
