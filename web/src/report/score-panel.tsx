import type { ScoreReport } from '../../../src/core/api/contracts.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { scoreBand } from './score-band.ts';

/** The exam's scaled scale; the report carries only the pass mark, and every exam version uses 100–1000. */
const SCALE = { min: 100, max: 1000 };

/**
 * A mock's or a quick check's score: the scaled score and the verdict, the method behind the number
 * (an IRT estimate with its standard error, 95% band and probability of passing), the time allowed.
 */
export function ScorePanel({ report }: { report: ScoreReport }) {
  const { t } = useI18n();
  const scaled = report.scaled ?? SCALE.min;
  const irt = report.method === 'irt' && report.scaledSe !== null;
  const method = `${report.method === 'irt' ? t('methodIrt') : t('methodAngoff')}${report.provisional ? ` (${t('provisional')})` : ''}`;
  const unscored = report.items.filter((i) => !i.scored).length;
  const span = SCALE.max - SCALE.min;
  const scorePct = Math.max(0, Math.min(100, ((scaled - SCALE.min) / span) * 100));
  const passPct = ((report.passMark - SCALE.min) / span) * 100;
  const band = scoreBand(scaled, report.scaledSe, SCALE);
  // A quick check's 20 items give an estimate, not an exam result: say where it stands, not "Pass".
  const verdict = report.kind === 'quick' ? (report.passed ? t('aboveCut') : t('belowCut')) : report.passed ? t('passed') : t('failed');
  return (
    <section className="panel score" aria-labelledby="score-title">
      <h2 id="score-title">{t('scaledScore')}</h2>
      <p className="score-line">
        <span className="score-value" data-testid="scaled-score">{scaled}</span>
        {irt && (
          // Said in full by the estimate line below; here only for the eye.
          <span className="score-se" aria-hidden="true">
            ± {Math.round(report.scaledSe ?? 0)}
          </span>
        )}
        <span className={`badge big ${report.passed ? 'ok' : 'ko'}`} data-testid="result">
          {verdict}
        </span>
      </p>
      {irt && (
        <p className="estimate" data-testid="estimate">
          {t('estimatedScore', { score: scaled, se: Math.round(report.scaledSe ?? 0) })}
        </p>
      )}
      <div className="score-scale" aria-hidden="true">
        <div className="score-fill" style={{ width: `${scorePct}%` }} />
        {band && <div className="score-band" data-testid="score-band" style={{ left: `${band.leftPct}%`, width: `${band.widthPct}%` }} />}
        <div className="score-cut" style={{ left: `${passPct}%` }} />
      </div>
      <p className="subtle small scale-legend">{t('scaleLegendReport', { min: SCALE.min, max: SCALE.max, pass: report.passMark })}</p>
      {band && <p className="subtle small">{t('interval95', { low: band.low, high: band.high })}</p>}
      <p>{t('passMark', { mark: report.passMark })}</p>
      {report.timing && (
        <p className="timing" data-testid="report-timing">
          {t(report.timing.accommodation ? 'timingWithAccommodation' : 'timingMinutes', { minutes: report.timing.minutes })}
          {report.timing.selfGranted && ` ${t('timingSelfGranted', { n: report.timing.extraMinutes })}`}
        </p>
      )}
      {report.passProbability !== null && <p className="pass-probability" data-testid="pass-probability">{t('passProbability', { pct: Math.round(report.passProbability * 100) })}</p>}
      <details className="method-details">
        <summary className="method" data-testid="method">
          {method}
        </summary>
        <p>{report.method === 'irt' ? t('methodIrtExplain') : t('methodAngoffExplain')}</p>
      </details>
      {report.provisional && (
        <p className="info" data-testid="provisional">
          {t('provisionalNotice')}
        </p>
      )}
      <p data-testid="raw-score">{t('rawScore', { raw: report.raw, n: report.scoredItems, cut: Math.round(report.rawCut * 10) / 10 })}</p>
      {unscored > 0 && <p className="subtle">{t('unscoredNote', { unscored, total: report.items.length, n: report.scoredItems })}</p>}
    </section>
  );
}
