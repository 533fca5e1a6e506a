import { useCallback, useEffect, useRef, useState } from 'react';
import type { AttemptView, Progress, ScoreReport } from '../../../src/core/api/contracts.ts';
import { api, ApiRequestError } from '../api/api-client.ts';
import { ErrorPanel } from '../error-panel.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import { Prose } from '../prose.tsx';
import { useDocumentTitle } from '../use-document-title.ts';
import { ItemReviewView } from './item-review-view.tsx';
import { ItemNoteEditor } from '../exam/item-note.tsx';
import { PracticeSummary } from './practice-summary.tsx';
import { ReportActions } from './report-actions.tsx';
import { ScorePanel } from './score-panel.tsx';
import { TaskBreakdown } from './task-breakdown.tsx';
import { reportItemId, TimePanel } from './time-panel.tsx';
import { formatDuration } from '../i18n/duration.ts';
import { StudyList } from './study-list.tsx';
import { useBlueprintNames } from '../exam-version/exams-context.tsx';

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
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<ApiRequestError | null>(null);
  const [filter, setFilter] = useState<Filter>('all');
  const heading = useRef<HTMLHeadingElement>(null);
  const names = useBlueprintNames(report?.exam ?? '');
  useDocumentTitle(t('report'));

  const load = useCallback(async () => {
    setError(null);
    try {
      const [r, v] = await Promise.all([api.report(attemptId), api.attempt(attemptId)]);
      setReport(r);
      setAttempt(v);
      // What to study next comes from the candidate's whole record, as on the dashboard.
      setProgress(await api.progress(r.exam));
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
  return (
    <div className="report">
      <h1 ref={heading} tabIndex={-1}>
        {report.kind === 'quick' ? `${t('report')} — ${t('kindQuick')}` : report.kind === 'practice' ? t('practiceReport') : t('report')} <span className="subtle">— {report.exam.toUpperCase()}</span>
      </h1>
      {report.method === 'practice' ? <PracticeSummary report={report} /> : <ScorePanel report={report} />}
      {attempt?.deadline != null && Date.parse(report.submittedAt) >= Date.parse(attempt.deadline) && (
        <p className="info" data-testid="time-ran-out">
          {t('timeRanOut')}
        </p>
      )}
      <ReportActions report={report} attempt={attempt} />
      {progress && <StudyList exam={report.exam} ranking={progress.studyNext} />}
      <section className="panel" aria-labelledby="domains-title">
        <h2 id="domains-title">{t('domainResults')}</h2>
        <ul className="bars">
          {report.domains.map((d) => {
            const pct = d.total ? Math.round((d.correct / d.total) * 100) : 0;
            return (
              <li key={d.id}>
                <div className="bar-label">
                  <span lang={names.domain(d.id, d.name).lang}>{t('domainLabel', { id: d.id, name: names.domain(d.id, d.name).text })}</span>
                  {d.classification && <span className={`badge ${d.classification === 'meets' ? 'ok' : 'ko'}`}>{d.classification === 'meets' ? t('meets') : t('needsImprovement')}</span>}
                </div>
                <div className="bar" aria-hidden="true">
                  <div className={`bar-fill ${d.classification === 'needs-improvement' ? 'low' : ''}`} style={{ width: `${pct}%` }} />
                </div>
                <p className="subtle small domain-foot">{t('domainCorrect', { correct: d.correct, total: d.total })}</p>
              </li>
            );
          })}
        </ul>
      </section>
      <TaskBreakdown exam={report.exam} tasks={report.tasks} skills={report.skills} />
      <TimePanel
        report={report}
        numberOf={numberOf}
        onJump={(position) => {
          setFilter('all');
          // After the list shows every question again: bring this one into view and start reading there.
          requestAnimationFrame(() => {
            const target = document.getElementById(reportItemId(position));
            target?.scrollIntoView({ block: 'start' });
            target?.focus();
          });
        }}
      />
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
              <h3 id={reportItemId(item.position)} tabIndex={-1}>
                {t('goToQuestion', { i: numberOf.get(item.position) ?? item.position })}
                {flagged.has(item.position) && <span className="badge neutral">⚑ {t('flagged')}</span>}
                <span className="subtle small"> {t('domainShort', { id: item.domain })}
                  {item.task ? ` · ${item.task}` : ''}
                  {item.timeMs !== undefined ? ` · ${t('itemTime', { time: formatDuration(item.timeMs) })}` : ''}</span>
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
              <ItemReviewView review={item} attemptId={attemptId} />
              <ItemNoteEditor attemptId={attemptId} position={item.position} initial={item.note} />
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
