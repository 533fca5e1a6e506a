import type { ExamSummary, Progress } from '../../../src/core/api/contracts.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { scoreBand } from '../report/score-band.ts';
import { useStartAttempt } from './use-start-attempt.ts';

/**
 * The dashboard's headline: where the candidate stands for this exam, from everything answered so
 * far (the measurement engine's estimate, provisional until the bank is calibrated), or, before there
 * is enough to go on, how many answers are missing and the quickest way to give them.
 */
export function ReadinessHeadline({ exam, readiness }: { exam: ExamSummary; readiness: Progress['readiness'] }) {
  const { t } = useI18n();
  const { busy, error, start } = useStartAttempt();
  if (readiness.state === 'needs-evidence') {
    return (
      <section className="panel headline" aria-labelledby="headline-title" data-testid="readiness-headline">
        <h2 id="headline-title">{t('headlineTitle')}</h2>
        <p>{readiness.basedOn === 0 ? t('headlineNone', { n: readiness.needed }) : t('headlineNeeds', { n: readiness.needed, basedOn: readiness.basedOn })}</p>
        {error && (
          <p className="form-error" role="alert">
            {error.message}
          </p>
        )}
        <button type="button" className="primary" disabled={busy !== null} onClick={() => void start('headline', { kind: 'quick', exam: exam.id, count: 20 })}>
          {busy ? t('starting') : t('headlineQuick')}
        </button>
      </section>
    );
  }
  const scale = exam.scale;
  const band = scoreBand(readiness.scaled, readiness.scaledSe, scale);
  const pct = (x: number) => ((x - scale.min) / (scale.max - scale.min)) * 100;
  return (
    <section className="panel headline" aria-labelledby="headline-title" data-testid="readiness-headline">
      <h2 id="headline-title">{t('headlineTitle')}</h2>
      <p className="score-line">
        <span className="score-value" data-testid="headline-score">
          {readiness.scaled}
        </span>
        <span className="subtle">{band && t('interval95', { low: band.low, high: band.high })}</span>
      </p>
      <div className="score-scale" aria-hidden="true">
        <div className="score-fill" style={{ width: `${pct(readiness.scaled)}%` }} />
        {band && <div className="score-band" style={{ left: `${band.leftPct}%`, width: `${band.widthPct}%` }} />}
        <div className="score-cut" style={{ left: `${pct(exam.passMark)}%` }} />
      </div>
      <p className="subtle small">{t('scaleLegend', { min: scale.min, max: scale.max, pass: exam.passMark })}</p>
      <p className="pass-probability" data-testid="headline-probability">
        {t('passProbability', { pct: Math.round(readiness.passProbability * 100) })}
      </p>
      <p className="subtle">{t('headlineBasis', { n: readiness.basedOn })}</p>
      {readiness.provisional && <p className="info">{t('provisionalNotice')}</p>}
    </section>
  );
}
