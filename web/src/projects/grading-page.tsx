import { api } from '../api/api-client.ts';
import { useApiLoad } from '../api/use-api-load.ts';
import { ErrorPanel } from '../error-panel.tsx';
import { formatMoment } from '../format-moment.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { TableScroll } from '../table-scroll.tsx';
import { routeHref } from '../routing/use-hash-route.ts';
import { useDocumentTitle } from '../use-document-title.ts';

/** A tutor's queue: every project submission of their cohorts' members, those waiting for a grade first. */
export function GradingPage() {
  const { t, locale } = useI18n();
  useDocumentTitle(t('gradingTitle'));
  const { data, error, reload } = useApiLoad(() => api.gradingQueue(), 'queue');
  if (error) return <ErrorPanel error={error} onRetry={reload} />;
  if (!data) return <p role="status">{t('loading')}</p>;
  const waiting = data.submissions.filter((s) => !s.grade).length;
  return (
    <section className="panel" aria-labelledby="grading-title">
      <h1 id="grading-title">{t('gradingTitle')}</h1>
      <p role="status">{t('gradingWaiting', { n: waiting })}</p>
      {data.submissions.length > 0 && (
        <TableScroll label={t('gradingTitle')}>
          <table>
            <caption className="visually-hidden">{t('gradingTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('gradingCandidate')}</th>
                <th scope="col">{t('gradingProject')}</th>
                <th scope="col">{t('gradingSubmitted')}</th>
                <th scope="col">{t('gradingGrade')}</th>
              </tr>
            </thead>
            <tbody>
              {data.submissions.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    {s.candidate.name} <span className="hint">({s.cohorts.join(', ')})</span>
                  </th>
                  <td lang="en">{s.projectTitle}</td>
                  <td>{formatMoment(s.submittedAt, locale)}</td>
                  <td>
                    <a href={routeHref({ page: 'grade', id: s.id })}>{s.grade ? t('gradingRegrade', { points: s.grade.points, max: s.grade.max }) : t('gradingGradeIt')}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
