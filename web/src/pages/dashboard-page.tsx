import { StudyTime } from './study-time.tsx';
import { useCallback, useEffect, useState } from 'react';
import type { AttemptSummary, ExamSummary, Progress } from '../../../src/core/api/contracts.ts';
import { api, ApiRequestError } from '../api/api-client.ts';
import { ErrorPanel } from '../error-panel.tsx';
import { countdownText } from '../exam-version/countdown-text.ts';
import { ExamNotice } from '../exam-version/exam-notice.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import { StudyList } from '../report/study-list.tsx';
import { useDocumentTitle } from '../use-document-title.ts';
import { AttemptHistory } from './attempt-history.tsx';
import { MasteryHeatmap } from './mastery-heatmap.tsx';
import { ReadinessHeadline } from './readiness-headline.tsx';
import { ScoreTrend } from './score-trend.tsx';
import { StartForms } from './start-forms.tsx';
import { useBlueprintNames } from '../exam-version/exams-context.tsx';
import { SkillHeatmap } from '../study/skill-heatmap.tsx';
import { StudyPathCard } from '../study/study-path-card.tsx';
import { MyAssignments } from '../cohorts/my-assignments.tsx';
import { NoticesPanel } from '../disputes/notices-panel.tsx';

/** Home for the exam the user prepares for: its notice, the countdown, readiness per domain, history, and the ways to start studying. */
export function DashboardPage({ exam, examDate, today }: { exam: ExamSummary; examDate: string | null; today: string }) {
  const { t, locale } = useI18n();
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<ApiRequestError | null>(null);
  useDocumentTitle(t('dashboard'));

  const load = useCallback(async () => {
    setError(null);
    try {
      setProgress(await api.progress(exam.id));
    } catch (e) {
      setError(e instanceof ApiRequestError ? e : new ApiRequestError(0, 'network', String(e)));
    }
  }, [exam.id]);
  useEffect(() => {
    void load();
  }, [load]);

  if (error) return <ErrorPanel error={error} onRetry={load} />;
  if (!progress) return <p role="status">{t('loading')}</p>;

  return (
    <div className="dashboard">
      <h1>
        {t('dashboard')} <span className="subtle">— {exam.code}</span>
      </h1>
      <ExamNotice exam={exam} />
      {examDate && <p className="countdown">{countdownText(examDate, today, t, locale)}</p>}
      {/* A report re-scored after a correction changes figures below: said first. */}
      <NoticesPanel />
      <ReadinessHeadline exam={exam} readiness={progress.readiness} />
      <StudyList exam={exam.id} ranking={progress.studyNext} />
      <MyAssignments exam={exam.id} />
      <StudyPathCard exam={exam} />
      <ScoreTrend attempts={progress.attempts} passMark={exam.passMark} scale={exam.scale} />
      <MasteryHeatmap exam={exam} tasks={progress.studyNext} />
      <SkillHeatmap exam={exam} skills={progress.skills} />
      <StudyTime weeks={progress.studyWeeks} />
      <div className="dashboard-grid">
        <Readiness progress={progress} exam={exam} />
        <StartForms exam={exam} dueForReview={progress.dueForReview} bookmarks={progress.bookmarks} openMock={progress.attempts.find((a) => a.kind === 'mock' && a.status === 'open')} />
      </div>
      <AttemptHistory attempts={progress.attempts} onChange={load} />
    </div>
  );
}

function Readiness({ progress, exam }: { progress: Progress; exam: ExamSummary }) {
  const { t } = useI18n();
  const names = useBlueprintNames(exam.id);
  return (
    <section className="panel" aria-labelledby="readiness-title">
      <h2 id="readiness-title">{t('readiness')}</h2>
      {progress.answered === 0 && <p className="subtle">{t('readinessEmpty')}</p>}
      <ul className="bars">
        {progress.domains.map((d) => {
          // With no answers the mastery is only the model's prior: show no bar rather than a made-up level.
          const pct = d.answered > 0 ? Math.round(d.mastery * 100) : 0;
          return (
            <li key={d.id}>
              <div className="bar-label">
                <span lang={names.domain(d.id, d.name).lang}>{t('domainLabel', { id: d.id, name: names.domain(d.id, d.name).text })}</span>
                <span className="subtle">{d.answered > 0 ? t('masteryOf', { pct, correct: d.correct, answered: d.answered }) : t('noAnswersYet')}</span>
              </div>
              <div className="bar" aria-hidden="true">
                <div className="bar-fill" style={{ width: `${pct}%` }} />
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
