import type { ProjectGrade, ProjectView } from '../../../src/core/api/contracts.ts';
import { formatMoment } from '../format-moment.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { TableScroll } from '../table-scroll.tsx';

/** A grade as its candidate reads it: each criterion's level with what that level means, the comments, the total. */
export function GradeView({ grade, rubric }: { grade: ProjectGrade; rubric: ProjectView['rubric'] }) {
  const { t, locale } = useI18n();
  return (
    <div className="grade-view" data-testid="grade-view">
      <p>
        <strong>{t(grade.meets ? 'projectResultMeets' : 'projectResultBelow', { points: grade.points, max: grade.max })}</strong> — {t('gradedBy', { name: grade.gradedBy, date: formatMoment(grade.gradedAt, locale) })}
      </p>
      <TableScroll label={t('rubricTitle')}>
        <table>
          <caption className="visually-hidden">{t('rubricTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('rubricCriterion')}</th>
              <th scope="col">{t('rubricLevel')}</th>
              <th scope="col">{t('rubricComment')}</th>
            </tr>
          </thead>
          <tbody>
            {rubric.map((c) => (
              <tr key={c.id}>
                <th scope="row" lang="en">
                  {c.criterion}
                </th>
                <td lang="en">{c.levels[grade.levels[c.id] ?? 0]}</td>
                <td>{grade.comments[c.id] ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {grade.overall && <p className="grade-overall">{grade.overall}</p>}
    </div>
  );
}
