import { useTranslation } from 'react-i18next';
import type { CitedPassage } from '../../../shared/domain/summary';
import { Citation } from './Citation';
import type { SummaryAction, SummaryDate } from '../../../shared/summarize/sections';

interface Props {
  actions: SummaryAction[];
  dates: SummaryDate[];
  passages: Map<string, CitedPassage>;
  named: boolean;
}

/** A table cell reads as a phrase: without the full stop the sentence ended with. */
const phrase = (s: string) => s.replace(/[。．.；;]+$/u, '');

/** The summary's action items (who / what / by when) and key dates as tables, each row with its sources. */
export function SummaryStructure({ actions, dates, passages, named }: Props) {
  const { t } = useTranslation();
  const cites = (labels: string[]) =>
    labels.length === 0 ? (
      <span className="muted">{t('summaryCheck.noSource')}</span>
    ) : (
      labels.map((label, i) => (
        <Citation key={`${label}-${i}`} label={label} passage={passages.get(label)} named={named} />
      ))
    );

  return (
    <div className="summary-structure">
      {actions.length > 0 && (
        <table className="summary-table">
          <caption>{t('summaryCheck.actionsTitle', { n: actions.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('summaryCheck.who')}</th>
              <th scope="col">{t('summaryCheck.what')}</th>
              <th scope="col">{t('summaryCheck.deadline')}</th>
              <th scope="col">{t('summaryCheck.source')}</th>
            </tr>
          </thead>
          <tbody>
            {actions.map((a) => (
              <tr key={a.start}>
                <td>{a.who || <span className="muted">{t('summaryCheck.unnamed')}</span>}</td>
                <td>{phrase(a.what)}</td>
                <td>{a.deadline || <span className="muted">{t('summaryCheck.noDeadline')}</span>}</td>
                <td className="summary-table__cites">{cites(a.citations)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {dates.length > 0 && (
        <table className="summary-table">
          <caption>{t('summaryCheck.datesTitle', { n: dates.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('summaryCheck.date')}</th>
              <th scope="col">{t('summaryCheck.event')}</th>
              <th scope="col">{t('summaryCheck.source')}</th>
            </tr>
          </thead>
          <tbody>
            {dates.map((d) => (
              <tr key={d.start}>
                <td className="summary-table__date">
                  {d.date || <span className="muted">{t('summaryCheck.unnamed')}</span>}
                </td>
                <td>{phrase(d.what)}</td>
                <td className="summary-table__cites">{cites(d.citations)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
