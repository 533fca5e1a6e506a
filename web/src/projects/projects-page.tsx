import type { ExamSummary, User } from '../../../src/core/api/contracts.ts';
import { api } from '../api/api-client.ts';
import { useApiLoad } from '../api/use-api-load.ts';
import { ErrorPanel } from '../error-panel.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import { routeHref } from '../routing/use-hash-route.ts';
import { useDocumentTitle } from '../use-document-title.ts';
import { ProjectStatus } from './project-status.tsx';

/** The practical projects of the candidate's exam, with where they stand on each; a tutor also reaches the grading queue. */
export function ProjectsPage({ exam, user }: { exam: ExamSummary; user: User }) {
  const { t, locale } = useI18n();
  useDocumentTitle(t('projectsTitle'));
  const { data, error, reload } = useApiLoad(() => api.projects(exam.id), exam.id);
  const tutor = user.roles.includes('tutor') || user.roles.includes('admin');
  if (error) return <ErrorPanel error={error} onRetry={reload} />;
  if (!data) return <p role="status">{t('loading')}</p>;
  return (
    <section className="panel" aria-labelledby="projects-title">
      <h1 id="projects-title">{t('projectsTitle')}</h1>
      <p>{t('projectsIntro', { exam: exam.code })}</p>
      {tutor && (
        <p>
          <a href={routeHref({ page: 'grading' })}>{t('gradingTitle')}</a>
        </p>
      )}
      {data.projects.length === 0 ? (
        <p>{t('projectsNone')}</p>
      ) : (
        <ol className="project-list">
          {data.projects.map((p) => (
            <li key={p.id} className="project-card">
              <h2>
                <a href={routeHref({ page: 'project', id: p.id })}>{locale === 'fr' ? p.titleFr : p.title}</a>
              </h2>
              <p className="hint">{t('projectEffort', { hours: p.hours, usd: p.costUsd })}</p>
              <ProjectStatus status={p.status} result={p.result} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
