import type { ScoreReport } from '../../../src/core/api/contracts.ts';
import { useI18n } from '../i18n/i18n-context.tsx';

/**
 * A practice session's result: how many of the questions answered were right. Practice is not an
 * exam, so no scaled score and no pass or fail; questions left untouched are said to count nowhere.
 */
export function PracticeSummary({ report }: { report: ScoreReport }) {
  const { t } = useI18n();
  const pct = report.scoredItems ? Math.round((report.raw / report.scoredItems) * 100) : 0;
  return (
    <section className="panel score" aria-labelledby="practice-title">
      <h2 id="practice-title">{t('practiceResult')}</h2>
      <p className="score-line">
        <span className="score-value" data-testid="practice-correct">
          {t('practiceCorrect', { correct: report.raw, answered: report.scoredItems })}
        </span>
        {report.scoredItems > 0 && <span className="subtle">{t('practicePercent', { pct })}</span>}
      </p>
      {report.unanswered > 0 && (
        <p data-testid="practice-unanswered">{t('practiceUnanswered', { n: report.unanswered })}</p>
      )}
      <p className="subtle">{t('practiceNoVerdict')}</p>
    </section>
  );
}
