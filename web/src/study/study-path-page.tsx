import { useCallback, useEffect, useState } from 'react';
import type { ExamSummary, StudyModule, StudyPath } from '../../../src/core/api/contracts.ts';
import { api, ApiRequestError } from '../api/api-client.ts';
import { ErrorPanel } from '../error-panel.tsx';
import { formatDuration } from '../i18n/duration.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useStartAttempt } from '../pages/use-start-attempt.ts';
import { routeHref } from '../routing/use-hash-route.ts';
import { useDocumentTitle } from '../use-document-title.ts';
import { PlanPanel } from './plan-panel.tsx';
import { ResultsPanel } from './results-panel.tsx';
import { SkillHeatmap } from './skill-heatmap.tsx';

/** Minutes to read a lesson, at 200 words a minute. */
const readingMinutes = (words: number) => Math.max(1, Math.round(words / 200));

/**
 * The study path of the exam: its modules in order, each with its lesson, its quiz and its state
 * (not started, lesson read, quiz passed), the time spent, the next step, and today's reviews.
 */
export function StudyPathPage({ exam, examDate }: { exam: ExamSummary; examDate: string | null }) {
  const { t, locale } = useI18n();
  const [path, setPath] = useState<StudyPath | null>(null);
  const [error, setError] = useState<ApiRequestError | null>(null);
  const { busy, error: startError, start } = useStartAttempt();
  // A plan made from a result's retake date reloads the plan panel.
  const [planVersion, setPlanVersion] = useState(0);
  useDocumentTitle(t('studyPath'));
  const load = useCallback(() => {
    setError(null);
    api.study(exam.id).then(setPath, (e: unknown) => setError(e instanceof ApiRequestError ? e : new ApiRequestError(0, 'network', String(e))));
  }, [exam.id]);
  useEffect(load, [load]);
  if (error) return <ErrorPanel error={error} onRetry={load} />;
  if (!path) return <p role="status">{t('loading')}</p>;

  const title = (m: StudyModule) => (locale === 'fr' ? m.titleFr : m.title);
  const next = path.next ? path.modules.find((m) => m.id === path.next!.module) : undefined;
  const quiz = (m: StudyModule) => start(`quiz-${m.id}`, { kind: 'practice', exam: exam.id, modules: [m.id], quiz: true, count: 10, feedback: 'immediate' });
  const passed = path.modules.filter((m) => m.state === 'quiz-passed').length;
  const { review } = path;
  return (
    <div className="study-path">
      <h1>
        {t('studyPath')} <span className="subtle">— {exam.code}</span>
      </h1>
      <p className="subtle">{t('studyPathIntro', { passed, n: path.modules.length })}</p>
      {startError && (
        <p className="form-error" role="alert">
          {startError.message}
        </p>
      )}
      <section className="panel" aria-labelledby="today-title" data-testid="today-reviews">
        <h2 id="today-title">{t('todayReviews')}</h2>
        <p>{t('todayReviewsText', { cards: t('countFlashCards', { n: review.cardsToday }), questions: t('countMissedQuestions', { n: review.questionsToday }), done: review.doneToday, limit: review.limit })}</p>
        <p className="button-row">
          <a className={`button-link${review.cardsToday ? ' primary' : ''}`} href={routeHref({ page: 'cards' })} aria-disabled={review.cardsToday === 0 || undefined}>
            {t('reviewCards', { n: review.cardsToday })}
          </a>
          <button type="button" disabled={review.questionsToday === 0 || busy !== null} onClick={() => void start('review', { kind: 'practice', exam: exam.id, review: true, count: review.questionsToday, feedback: 'immediate' })}>
            {t('reviewQuestions', { n: review.questionsToday })}
          </button>
        </p>
      </section>
      {next && path.next && (
        <section className="panel next-step" aria-labelledby="next-title" data-testid="next-step">
          <h2 id="next-title">{t('nextStep')}</h2>
          <p>{path.next.step === 'lesson' ? t('nextLesson', { id: next.id, title: title(next) }) : t('nextQuiz', { id: next.id, title: title(next) })}</p>
          {path.next.step === 'lesson' && next.lesson ? (
            <a className="button-link primary" href={routeHref({ page: 'lesson', id: next.lesson.id })}>
              {t('readLesson')}
            </a>
          ) : (
            <button type="button" className="primary" disabled={busy !== null || next.quiz.pool < 10} onClick={() => void quiz(next)}>
              {t('takeQuiz')}
            </button>
          )}
        </section>
      )}
      <PlanPanel key={`plan-${planVersion}`} exam={exam} examDate={examDate} />
      <ResultsPanel exam={exam} onPlanned={() => setPlanVersion((v) => v + 1)} />
      <SkillHeatmap exam={exam} />
      <section className="panel" aria-labelledby="modules-title">
        <h2 id="modules-title">{t('modulesTitle')}</h2>
        <ol className="module-list">
          {path.modules.map((m) => (
            <li key={m.id} className={`module module-${m.state}`} data-module={m.id}>
              <div className="module-head">
                <span className="module-title">
                  <span className="module-number">{m.id}.</span> {title(m)}
                </span>
                <span className={`badge ${m.state === 'quiz-passed' ? 'ok' : 'neutral'}`}>{t(`moduleState_${m.state}`)}</span>
              </div>
              <p className="subtle small">
                {[
                  m.lesson ? t('lessonLength', { minutes: readingMinutes(m.lesson.words), cards: m.lesson.cards }) : t('noLessonYet'),
                  m.quiz.best !== null ? t('quizBest', { best: m.quiz.best }) : null,
                  // A retake draws unseen questions first; say so when it must repeat some.
                  m.quiz.attempts > 0 && m.quiz.pool >= 10 && m.quiz.unseen < 10 ? t('retakeRepeats', { unseen: t('countNewQuestions', { n: m.quiz.unseen }), repeat: t('countSeenBefore', { n: 10 - m.quiz.unseen }) }) : null,
                  m.timeMs > 0 ? t('timeSpent', { time: formatDuration(m.timeMs) }) : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
              <p className="module-actions">
                {m.lesson && <a href={routeHref({ page: 'lesson', id: m.lesson.id })}>{t('readLessonOf', { id: m.id })}</a>}
                {m.quiz.open ? (
                  <a href={routeHref({ page: 'attempt', id: m.quiz.open })}>{t('resumeQuiz')}</a>
                ) : m.quiz.pool >= 10 ? (
                  <button type="button" className="small-button" disabled={busy !== null} onClick={() => void quiz(m)}>
                    {busy === `quiz-${m.id}` ? t('starting') : m.quiz.attempts ? t('retakeQuizOf', { id: m.id }) : t('takeQuizOf', { id: m.id })}
                  </button>
                ) : (
                  <span className="subtle small">{t('quizPoolSmall', { n: m.quiz.pool })}</span>
                )}
              </p>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
