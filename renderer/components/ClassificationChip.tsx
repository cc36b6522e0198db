import { useTranslation } from 'react-i18next';
import type { Classification } from '../../shared/domain/document';

/** Colour follows the level (秘密 amber, 机密 orange, 绝密 red); the word itself is always shown. */
const LEVEL: Record<Classification, number> = { 秘密: 1, 机密: 2, 绝密: 3 };

/** The class that colours anything marked with `value` (a chip, a filter chip). */
export const levelClass = (value: Classification) => `level-${LEVEL[value]}`;

/** A 密级 mark, the same everywhere it appears (list, search, document view, filters). */
export function ClassificationChip({ value }: { value: Classification }) {
  const { t } = useTranslation();
  return <span className={`tag tag--classified ${levelClass(value)}`}>{t(`classification.${value}`)}</span>;
}
