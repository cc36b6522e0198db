import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocTypeSpec } from '../../../shared/gongwen/type-spec';

const DIRECTIONS = ['up', 'parallel', 'down', 'any'] as const;

interface Props {
  types: DocTypeSpec[];
  selected: string | null;
  onSelect: (id: string) => void;
  disabled: boolean;
}

/** The 文种 to draft, as radio buttons grouped by direction (上行 / 平行 / 下行 / 通用). */
export function TypePicker({ types, selected, onSelect, disabled }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const zh = (i18n.resolvedLanguage ?? i18n.language).startsWith('zh');
  return (
    <fieldset className="type-picker" disabled={disabled}>
      <legend>{t('drafting.typeLegend')}</legend>
      {DIRECTIONS.map((direction) => {
        const group = types.filter((type) => type.direction === direction);
        if (group.length === 0) return null;
        return (
          <div key={direction} className="type-picker__group" role="group" aria-labelledby={`${id}-${direction}`}>
            <p id={`${id}-${direction}`} className="type-picker__direction">
              {t(`drafting.direction.${direction}`)}
              <span className="muted"> · {t(`drafting.directionHint.${direction}`)}</span>
            </p>
            <div className="type-picker__options">
              {group.map((type) => {
                const boxId = `${id}-${type.id}`;
                return (
                  <span key={type.id} className="type-option">
                    <input
                      id={boxId}
                      type="radio"
                      name={`${id}-type`}
                      value={type.id}
                      checked={selected === type.id}
                      onChange={() => onSelect(type.id)}
                    />
                    <label htmlFor={boxId}>
                      {zh ? type.name : type.nameEn}
                      {!zh && (
                        <span className="muted" lang="zh-CN">
                          {' '}
                          {type.name}
                        </span>
                      )}
                    </label>
                  </span>
                );
              })}
            </div>
          </div>
        );
      })}
    </fieldset>
  );
}
