import { useEffect, useState } from 'react';
import type { ExamSummary, Progress } from '../../../src/core/api/contracts.ts';
import { api } from '../api/api-client.ts';
import { useBlueprintNames } from '../exam-version/exams-context.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import { HeatCell } from '../pages/mastery-heatmap.tsx';

/**
 * Mastery per bullet (C01) or skill (C02), task statement by task statement: a table whose cells
 * give the skill, its mastery and the answers behind it, the fill only repeating what the text says.
 */
export function SkillHeatmap({ exam, skills: given }: { exam: ExamSummary; skills?: Progress['skills'] }) {
  const { t } = useI18n();
  const names = useBlueprintNames(exam.id);
  const [fetched, setFetched] = useState<Progress['skills'] | null>(null);
  // The dashboard passes the skills of the progress it already has; the study path fetches them.
  useEffect(() => {
    if (given) return;
    api.progress(exam.id).then((p) => setFetched(p.skills), () => setFetched([]));
  }, [exam.id, given]);
  const skills = given ?? fetched;
  if (!skills || skills.length === 0) return null;
  const texts = new Map(exam.domains.flatMap((d) => d.tasks.flatMap((task) => task.bullets.map((b) => [b.id, b.text] as const))));
  const tasks = exam.domains.flatMap((d) => d.tasks);
  return (
    <section className="panel" aria-labelledby="skills-heat-title" data-testid="skill-heatmap">
      <details>
        <summary>
          <h2 id="skills-heat-title" className="inline-heading">
            {t('skillHeatTitle', { n: skills.filter((s) => s.answered > 0).length, total: skills.length })}
          </h2>
        </summary>
        <p className="subtle small">{t('skillHeatCaption')}</p>
        <div className="table-scroll">
          <table className="heatmap skill-heatmap">
            <tbody>
              {tasks.map((task) => (
                <tr key={task.id}>
                  <th scope="row" title={names.task(task.id, task.title).text}>
                    {task.id}
                  </th>
                  {skills
                    .filter((s) => s.task === task.id)
                    .map((s) => (
                      <HeatCell key={s.id} label={s.id.split('.').pop()!} title={texts.get(s.id)} mastery={s.mastery} answered={s.answered} />
                    ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
