import { useCallback, useEffect, useRef, useState } from 'react';
import type { AttemptView, ScoreReport } from '../../../src/core/api/contracts.ts';
import { api, ApiRequestError } from '../api/api-client.ts';
import { ErrorPanel } from '../error-panel.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import { Prose } from '../prose.tsx';
import { useDocumentTitle } from '../use-document-title.ts';
import { ItemReviewView } from './item-review-view.tsx';
import { scoreBand } from './score-band.ts';
import { StudyList } from './study-list.tsx';

/** The exam's scaled scale; the report carries only the pass mark, and every exam version uses 100–1000. */
const SCALE = { min: 100, max: 1000 };

type Filter = 'all' | 'incorrect' | 'flagged';

/**
 * The score report, laid out like the real one: scaled score and pass/fail, the method behind the
 * number (an IRT estimate with its standard error, 95% band and probability of passing), what to
 * study next, per-domain classification, then every item with the key and the rationale per option.
 */
export function ReportPage({ attemptId }: { attemptId: string }) {
  const { t } = useI18n();
  const [report, setReport] = useState<ScoreReport | null>(null);
  const [attempt, setAttempt] = useState<AttemptView | null>(null);
  const [error, setError] = useState<ApiRequestError | null>(null);
  const [filter, setFilter] = useState<Filter>('all');
  const heading = useRef<HTMLHeadingElement>(null);
  useDocumentTitle(t('report'));

  const load = useCallback(async () => {
    setError(null);
    try {
      const [r, v] = await Promise.all([api.report(attemptId), api.attempt(attemptId)]);
      setReport(r);
      setAttempt(v);
    } catch (e) {
      setError(e instanceof ApiRequestError ? e : new ApiRequestError(0, 'network', String(e)));
    }
  }, [attemptId]);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    if (report) heading.current?.focus();
  }, [report]);

  if (error) return <ErrorPanel error={error} onRetry={load} />;
  if (!report) return <p role="status">{t('loading')}</p>;

  const flagged = new Set(Object.entries(attempt?.answers ?? {}).filter(([, a]) => a.flagged).map(([p]) => Number(p)));
  const shown = report.items.filter((i) => (filter === 'incorrect' ? !i.correct : filter === 'flagged' ? flagged.has(i.position) : true));
  const numberOf = new Map(report.items.map((i, n) => [i.position, n + 1]));
  const irt = report.method === 'irt' && report.scaledSe !== null;
  const method = `${report.method === 'irt' ? t('methodIrt') : t('methodAngoff')}${report.provisional ? ` (${t('provisional')})` : ''}`;
  const span = SCALE.max - SCALE.min;
  const scorePct = Math.max(0, Math.min(100, ((report.scaled - SCALE.min) / span) * 100));
  const passPct = ((report.passMark - SCALE.min) / span) * 100;
  const band = scoreBand(report.scaled, report.scaledSe, SCALE);
  // A quick check's 20 items give an estimate, not an exam result: say where it stands, not "Pass".
  const verdict = report.kind === 'quick' ? (report.passed ? t('aboveCut') : t('belowCut')) : report.passed ? t('passed') : t('failed');

  return (
    <div className="report">
      <h1 ref={heading} tabIndex={-1}>
        {report.kind === 'quick' ? `${t('report')} — ${t('kindQuick')}` : t('report')} <span className="subtle">— {report.exam.toUpperCase()}</span>
      </h1>
      <section className="panel score" aria-labelledby="score-title">
        <h2 id="score-title">{t('scaledScore')}</h2>
        <p className="score-line">
          <span className="score-value" data-testid="scaled-score">{report.scaled}</span>
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
            {t('estimatedScore', { score: report.scaled, se: Math.round(report.scaledSe ?? 0) })}
          </p>
        )}
        <div className="score-scale" aria-hidden="true">
          <div className="score-fill" style={{ width: `${scorePct}%` }} />
          {band && <div className="score-band" data-testid="score-band" style={{ left: `${band.leftPct}%`, width: `${band.widthPct}%` }} />}
          <div className="score-cut" style={{ left: `${passPct}%` }} />
        </div>
        {band && <p className="subtle small">{t('interval95', { low: band.low, high: band.high })}</p>}
        <p>{t('passMark', { mark: report.passMark })}</p>
        {report.timing && (
          <p className="timing" data-testid="report-timing">
            {t(report.timing.accommodation ? 'timingWithAccommodation' : 'timingMinutes', { minutes: report.timing.minutes })}
            {report.timing.selfGranted && ` ${t('timingSelfGranted', { extra: report.timing.extraMinutes })}`}
          </p>
        )}
        {report.passProbability !== null && <p className="pass-probability" data-testid="pass-probability">{t('passProbability', { pct: Math.round(report.passProbability * 100) })}</p>}
        <p className="method" data-testid="method">{method}</p>
        {report.provisional && (
          <p className="info" data-testid="provisional">
            {t('provisionalNotice')}
          </p>
        )}
        <p>{t('rawScore', { raw: report.raw, n: report.scoredItems, cut: Math.round(report.rawCut * 10) / 10 })}</p>
      </section>
      <StudyList exam={report.exam} studyNext={report.studyNext} domains={report.domains} />
      <section className="panel" aria-labelledby="domains-title">
        <h2 id="domains-title">{t('domainResults')}</h2>
        <ul className="bars">
          {report.domains.map((d) => {
            const pct = d.total ? Math.round((d.correct / d.total) * 100) : 0;
            return (
              <li key={d.id}>
                <div className="bar-label">
                  <span>{t('domainLabel', { id: d.id, name: d.name })}</span>
                  <span className={`badge ${d.classification === 'meets' ? 'ok' : 'ko'}`}>{d.classification === 'meets' ? t('meets') : t('needsImprovement')}</span>
                </div>
                <div className="bar" aria-hidden="true">
                  <div className={`bar-fill ${d.classification === 'meets' ? '' : 'low'}`} style={{ width: `${pct}%` }} />
                </div>
                <p className="subtle small domain-foot">{t('domainCorrect', { correct: d.correct, total: d.total })}</p>
              </li>
            );
          })}
        </ul>
      </section>
      <section className="panel" aria-labelledby="items-title">
        <h2 id="items-title">{t('itemReview')}</h2>
        <fieldset className="filter">
          <legend>{t('filter')}</legend>
          {(['all', 'incorrect', 'flagged'] as const).map((f) => (
            <label key={f} className="choice-inline">
              <input type="radio" name="filter" value={f} checked={filter === f} onChange={() => setFilter(f)} />
              {f === 'all' ? t('filterAll') : f === 'incorrect' ? t('filterIncorrect') : t('filterFlagged')}
            </label>
          ))}
        </fieldset>
        {shown.length === 0 && <p className="subtle">{t('noItemsFilter')}</p>}
        <ol className="report-items">
          {shown.map((item) => (
            <li key={item.position} className="report-item">
              <h3>
                {t('goToQuestion', { i: numberOf.get(item.position) ?? item.position })}
                {flagged.has(item.position) && <span className="badge neutral">⚑ {t('flagged')}</span>}
                <span className="subtle small"> {t('domainShort', { id: item.domain })}
                  {item.task ? ` · ${item.task}` : ''}</span>
              </h3>
              {item.caseStudy && (
                <details className="case-study">
                  <summary>
                    {t('caseStudy')}
                    {t('colon')}
                    <span lang="en">{item.caseStudy.title}</span>
                  </summary>
                  <Prose className="scenario" text={item.caseStudy.scenario} />
                </details>
              )}
              <Prose className="stem" text={item.stem} />
              <ItemReviewView review={item} />
            </li>
          ))}
        </ol>
      </section>
      <p>
        <a href="#/">{t('backToDashboard')}</a>
      </p>
    </div>
  );
}
