import type { StudyPriority } from '../../../src/core/api/contracts.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useStartAttempt } from '../pages/use-start-attempt.ts';
import { useBlueprintNames } from '../exam-version/exams-context.tsx';

/** How many task statements the list shows: the first few of the ranking. */
const SHOWN = 3;

/**
 * "What to study next", the same on the dashboard and every report: the task statements with the
 * most points still to win (the one ranking of `src/core/learn/study-next.ts`, served with the
 * progress), each with its mastery so far and a way straight into practice on it.
 */
export function StudyList({ exam, ranking, headingLevel = 2 }: { exam: string; ranking: StudyPriority[]; headingLevel?: 2 | 3 }) {
  const { t } = useI18n();
  const practice = useStartAttempt();
  const names = useBlueprintNames(exam);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const answeredAny = ranking.some((r) => r.answered > 0);
  return (
    <section className="panel study-next" aria-labelledby="study-title" data-testid="study-next">
      <Heading id="study-title">{t('studyNextTitle')}</Heading>
      <p className="subtle">{answeredAny ? t('studyNextIntro') : t('studyNextNoAnswers')}</p>
      <ol className="study-list">
        {ranking.slice(0, SHOWN).map((r) => {
          const title = names.task(r.task, r.title);
          const label = t('taskLabel', { id: r.task, title: title.text });
          return (
            <li key={r.task}>
              <span className="study-domain">
                <span className="task-id">{r.task}</span> <span lang={title.lang}>{title.text}</span>
              </span>
              <span className="subtle small">
                {r.answered > 0 ? t('masteryOf', { pct: Math.round(r.mastery * 100), correct: r.correct, answered: r.answered }) : t('noAnswersYet')}
              </span>
              <button
                type="button"
                className="small-button"
                aria-label={t('practiseTaskLabel', { label })}
                disabled={practice.busy !== null}
                onClick={() => void practice.start(r.task, { kind: 'practice', exam, tasks: [r.task], count: 10, feedback: 'immediate' })}
              >
                {practice.busy === r.task ? t('starting') : t('practiseTask')}
              </button>
              {practice.error?.form === r.task && (
                <p className="form-error" role="alert">
                  {practice.error.message}
                </p>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
