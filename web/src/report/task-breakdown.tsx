import type { ScoreReport } from '../../../src/core/api/contracts.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useBlueprintNames } from '../exam-version/exams-context.tsx';

/**
 * Right and wrong per task statement, each with its bullets (C01) or skills (C02) folded beneath, as a
 * table so every figure is read the same by eye and by screen reader.
 */
export function TaskBreakdown({ exam, tasks, skills }: { exam: string; tasks: ScoreReport['tasks']; skills: ScoreReport['skills'] }) {
  const { t } = useI18n();
  const names = useBlueprintNames(exam);
  if (tasks.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="tasks-title">
      <h2 id="tasks-title">{t('taskResults')}</h2>
      <table className="breakdown" data-testid="task-breakdown">
        <thead>
          <tr>
            <th scope="col">{t('taskStatement')}</th>
            <th scope="col" className="num">{t('rightOfTotal')}</th>
          </tr>
        </thead>
        <tbody>
          {tasks.map((task) => {
            const mine = skills.filter((s) => s.task === task.id);
            return (
              <tr key={task.id}>
                <th scope="row">
                  <span className="task-id">{task.id}</span> <span lang={names.task(task.id, task.title).lang}>{names.task(task.id, task.title).text}</span>
                  {mine.length > 0 && (
                    <details className="skills">
                      <summary>{t('skillsList', { n: mine.length })}</summary>
                      <ul>
                        {mine.map((s) => (
                          <li key={s.id}>
                            <span lang="en">{s.text}</span> — {t('rightOf', { correct: s.correct, total: s.total })}
                          </li>
                        ))}
                      </ul>
                    </details>
                  )}
                </th>
                <td className="num">{t('rightOf', { correct: task.correct, total: task.total })}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
