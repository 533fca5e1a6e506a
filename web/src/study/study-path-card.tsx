import { useEffect, useState } from 'react';
import type { ExamSummary, StudyPath, StudyPlanView } from '../../../src/core/api/contracts.ts';
import { api, ApiRequestError } from '../api/api-client.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { planStatusText } from './plan-status-text.ts';
import { routeHref } from '../routing/use-hash-route.ts';

/**
 * The study path seen from the dashboard: modules passed, the next step, today's reviews and where the
 * candidate stands against their plan, each linking to where it is done. Says nothing when the path
 * cannot be read, since the dashboard's other panels stand without it.
 */
export function StudyPathCard({ exam }: { exam: ExamSummary }) {
  const { t, locale } = useI18n();
  const [path, setPath] = useState<StudyPath | null>(null);
  // undefined: still loading; null: no plan made yet (the API answers 404).
  const [plan, setPlan] = useState<StudyPlanView | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    api.study(exam.id).then((p) => live && setPath(p), () => undefined);
    api.plan(exam.id).then(
      (p) => live && setPlan(p),
      (e: unknown) => live && setPlan(e instanceof ApiRequestError && e.status === 404 ? null : undefined),
    );
    return () => {
      live = false;
    };
  }, [exam.id]);
  if (!path) return null;

  const passed = path.modules.filter((m) => m.state === 'quiz-passed').length;
  const next = path.next ? path.modules.find((m) => m.id === path.next!.module) : undefined;
  const nextTitle = next ? (locale === 'fr' ? next.titleFr : next.title) : '';
  const pct = path.modules.length ? Math.round((passed / path.modules.length) * 100) : 0;
  const thisWeek = plan?.weeks[0]?.sessions.flatMap((s) => (s.kind === 'module' && s.module !== undefined ? [s.module] : [])) ?? [];
  const { review } = path;
  const reviewsToday = t('cardReviewsToday', { cards: t('countFlashCards', { n: review.cardsToday }), questions: t('countMissedQuestions', { n: review.questionsToday }) });
  return (
    <section className="panel study-card" aria-labelledby="study-card-title" data-testid="study-path-card">
      <h2 id="study-card-title">{t('studyPath')}</h2>
      <div className="bar-label">
        <span>{t('cardModulesPassed', { passed, n: path.modules.length })}</span>
        <span className="subtle">{pct}%</span>
      </div>
      <div className="bar" aria-hidden="true">
        <div className="bar-fill" style={{ width: `${pct}%` }} />
      </div>
      <ul className="study-card-list">
        {next && path.next && (
          <li>
            {path.next.step === 'lesson' && next.lesson ? (
              <a href={routeHref({ page: 'lesson', id: next.lesson.id })}>{t('nextLesson', { id: next.id, title: nextTitle })}</a>
            ) : (
              <a href={routeHref({ page: 'study' })}>{t('nextQuiz', { id: next.id, title: nextTitle })}</a>
            )}
          </li>
        )}
        <li>
          {review.cardsToday > 0 ? (
            <a href={routeHref({ page: 'cards' })}>{reviewsToday}</a>
          ) : (
            reviewsToday
          )}
        </li>
        {plan !== undefined && (
          <li data-testid="study-card-plan">
            {plan === null ? t('cardNoPlan') : planStatusText(plan.status, t, 'card')}
            {plan && thisWeek.length > 0 && <> {t('cardThisWeek', { list: [...new Set(thisWeek)].join(', ') })}</>}
          </li>
        )}
      </ul>
      <a className="button-link" href={routeHref({ page: 'study' })}>
        {t('openStudyPath')}
      </a>
    </section>
  );
}
