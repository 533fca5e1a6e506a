import type { ExamSummary, StudyPriority } from '../../../src/core/api/contracts.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useBlueprintNames } from '../exam-version/exams-context.tsx';

/** Five steps of mastery, each with its own fill; the percentage is always written in the cell too. */
export function masteryStep(mastery: number, answered: number): number {
  if (answered === 0) return 0;
  return Math.min(5, 1 + Math.floor(mastery * 5));
}

/**
 * Mastery per task statement as a heatmap that is also a table: one row per domain, one cell per task
 * statement with its mastery and answer count written out, the fill only repeating what the text says.
 */
export function MasteryHeatmap({ exam, tasks }: { exam: ExamSummary; tasks: StudyPriority[] }) {
  const { t } = useI18n();
  const names = useBlueprintNames(exam.id);
  const byTask = new Map(tasks.map((x) => [x.task, x]));
  const width = Math.max(...exam.domains.map((d) => d.tasks.length));
  return (
    <section className="panel" aria-labelledby="heatmap-title">
      <h2 id="heatmap-title">{t('heatmapTitle')}</h2>
      <p id="heatmap-caption" className="subtle small">
        {t('heatmapCaption')}
      </p>
      <div className="table-scroll">
        <table className="heatmap" data-testid="mastery-heatmap" aria-labelledby="heatmap-title" aria-describedby="heatmap-caption">
          <tbody>
            {exam.domains.map((d) => (
              <tr key={d.id}>
                <th scope="row">{t('domainShort', { id: d.id })}</th>
                {Array.from({ length: width }, (_, i) => {
                  const task = d.tasks[i];
                  const s = task ? byTask.get(task.id) : undefined;
                  if (!task || !s) return <td key={i} className="heat-empty" />;
                  return <HeatCell key={task.id} label={task.id} title={names.task(task.id, task.title).text} mastery={s.mastery} answered={s.answered} />;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** One cell of a mastery heatmap: what it is, its mastery and the answers behind it, the fill repeating the figure. */
export function HeatCell({ label, title, mastery, answered }: { label: string; title: string | undefined; mastery: number; answered: number }) {
  const { t } = useI18n();
  return (
    <td className={`heat heat-${masteryStep(mastery, answered)}`} title={title}>
      <span className="heat-task">{label}</span>
      <span className="heat-value">{answered > 0 ? t('heatValue', { pct: Math.round(mastery * 100), n: answered }) : t('heatNone')}</span>
    </td>
  );
}
