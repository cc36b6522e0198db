import { useTranslation } from 'react-i18next';
import type { SummaryStage } from '../../../shared/domain/summary';
import { useFormat } from '../../components/useFormat';
import type { SummaryProgress } from './useSummarize';

const ORDER: SummaryStage[] = ['map', 'reduce', 'verify'];

/**
 * The stages of a long summary as steps (分段摘要 3/8 → 汇总 → 核查): done ones ticked, the current
 * one with its count and a bar.
 */
export function StageProgress({ progress }: { progress: SummaryProgress }) {
  const { t } = useTranslation();
  const format = useFormat();
  // Input that fits the model in one piece has no map or reduce stage: only the check is shown.
  const stages = ORDER.filter((s) => progress.mapped || s === 'verify' || s === progress.stage);
  const at = stages.indexOf(progress.stage);
  const count = (stage: SummaryStage) =>
    stage === progress.stage && progress.total > 1
      ? t('summarize.stageCount', { done: format.number(progress.done), total: format.number(progress.total) })
      : '';
  const current = `${t(`summarize.stage.${progress.stage}`)} ${count(progress.stage)}`.trim();

  return (
    <div className="stage-progress">
      <ol className="stage-progress__steps" aria-label={t('summarize.progressLabel')}>
        {stages.map((stage, i) => {
          const state = i < at ? 'done' : i === at ? 'current' : 'pending';
          return (
            <li
              key={stage}
              className={`stage-progress__step stage-progress__step--${state}`}
              aria-current={state === 'current' ? 'step' : undefined}
            >
              <span className="stage-progress__mark" aria-hidden="true">
                {state === 'done' ? '✓' : i + 1}
              </span>
              {t(`summarize.stage.${stage}`)}
              {count(stage) && <span className="stage-progress__count"> {count(stage)}</span>}
              <span className="visually-hidden">{t(`summarize.stageState.${state}`)}</span>
            </li>
          );
        })}
      </ol>
      {progress.total > 0 && (
        <progress
          className="stage-progress__bar"
          value={Math.min(progress.done, progress.total)}
          max={progress.total}
          aria-label={t('summarize.progressLabel')}
          aria-valuetext={current}
        />
      )}
      <p className="visually-hidden" role="status">
        {current}
      </p>
    </div>
  );
}
