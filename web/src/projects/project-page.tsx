import { useRef, useState, type FormEvent } from 'react';
import type { ExamSummary } from '../../../src/core/api/contracts.ts';
import { ACCEPTED_EXTENSIONS, FILE_LIMITS } from '../../../src/core/projects/accept-file.ts';
import { api, ApiRequestError } from '../api/api-client.ts';
import { useApiLoad } from '../api/use-api-load.ts';
import { ErrorPanel } from '../error-panel.tsx';
import { formatMoment } from '../format-moment.ts';
import { ReferenceList } from '../reference-list.tsx';
import { FormMessage } from '../form-message.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import { TableScroll } from '../table-scroll.tsx';
import { MarkdownView } from '../markdown-view.tsx';
import { routeHref } from '../routing/use-hash-route.ts';
import { useDocumentTitle } from '../use-document-title.ts';
import { GradeView } from './grade-view.tsx';
import { SubmissionFiles, SubmissionLinks } from './submission-parts.tsx';
import { ProjectStatus } from './project-status.tsx';

/**
 * A practical project: the brief (in English, as the exam is), its deliverables and rubric, the form to
 * submit the work, and every earlier submission with its grade.
 */
export function ProjectPage({ projectId, exam }: { projectId: string; exam: ExamSummary }) {
  const { t, locale } = useI18n();
  const { data: project, error, reload } = useApiLoad(() => api.project(projectId, exam.id), `${projectId} ${exam.id}`);
  const [sending, setSending] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  useDocumentTitle(project ? (locale === 'fr' ? project.titleFr : project.title) : t('loading'));
  if (error) return <ErrorPanel error={error} onRetry={reload} />;
  if (!project) return <p role="status">{t('loading')}</p>;

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const fd = new FormData();
    fd.append('exam', exam.id);
    fd.append('text', String(form.get('text') ?? ''));
    for (const link of String(form.get('links') ?? '').split(/\s+/).filter(Boolean)) fd.append('link', link);
    for (const file of form.getAll('files')) if (file instanceof File && file.name) fd.append('files', file, file.name);
    setSending(true);
    setMessage(null);
    try {
      await api.submitProject(project.id, fd);
      formRef.current?.reset();
      setMessage({ ok: true, text: t('projectSubmitted') });
      reload();
    } catch (err) {
      // Nothing was stored: the form keeps what was typed and chosen, so it can be fixed and sent again.
      setMessage({ ok: false, text: err instanceof ApiRequestError ? err.message : String(err) });
    } finally {
      setSending(false);
    }
  };

  return (
    <article className="project-page">
      <section className="panel" aria-labelledby="project-title">
        <p>
          <a href={routeHref({ page: 'projects' })}>{t('projectsTitle')}</a>
        </p>
        <h1 id="project-title">{locale === 'fr' ? project.titleFr : project.title}</h1>
        <p className="hint">{t('projectEffort', { hours: project.hours, usd: project.costUsd })}</p>
        <ProjectStatus status={project.status} result={project.result} />
        <details>
          <summary>{t('projectSkills', { n: project.skills.length, exam: exam.code })}</summary>
          <ul lang="en">
            {project.skills.map((s) => (
              <li key={s.id}>
                <strong>{s.id}</strong> {s.text}
              </li>
            ))}
          </ul>
        </details>
        <p>
          {t('projectServices')} <span lang="en">{project.services.join(', ')}</span>
        </p>
        <p>
          {t('projectCostBasis')} <span lang="en">{project.costBasis}</span>
        </p>
      </section>
      {project.submissions.length > 0 && (
        <section className="panel" aria-labelledby="project-mine">
          <h2 id="project-mine">{t('projectMine')}</h2>
          {project.submissions.map((s, i) => (
            <article key={s.id} className="submission" aria-label={t('submissionOf', { date: formatMoment(s.submittedAt, locale) })}>
              <h3>
                {t('submissionOf', { date: formatMoment(s.submittedAt, locale) })}
                {i === 0 && !s.grade && <> · {t('projectWaiting')}</>}
              </h3>
              {s.text && <p className="submission-text">{s.text}</p>}
              <SubmissionLinks links={s.links} />
              <SubmissionFiles files={s.files} />
              {s.grade && <GradeView grade={s.grade} rubric={project.rubric} />}
            </article>
          ))}
        </section>
      )}
      <section className="panel lesson-body" lang="en" aria-label={t('projectBrief')}>
        <MarkdownView>{project.body}</MarkdownView>
      </section>
      <section className="panel" aria-labelledby="project-deliverables">
        <h2 id="project-deliverables">{t('projectDeliverables')}</h2>
        <ul lang="en">
          {project.deliverables.map((d) => (
            <li key={d.id}>{d.text}</li>
          ))}
        </ul>
        <h2 id="project-rubric">{t('rubricTitle')}</h2>
        <p>{t('rubricRule')}</p>
        <TableScroll label={t('rubricTitle')}>
          <table aria-labelledby="project-rubric">
            <thead>
              <tr>
                <th scope="col">{t('rubricCriterion')}</th>
                {[0, 1, 2, 3].map((l) => (
                  <th scope="col" key={l}>
                    {t('rubricPoints', { n: l })}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody lang="en">
              {project.rubric.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{c.criterion}</th>
                  {c.levels.map((l, i) => (
                    <td key={i}>{l.replace(/^\d: /, '')}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
        <h2>{t('projectReferences')}</h2>
        <ReferenceList references={project.references} />
      </section>
      <section className="panel" aria-labelledby="project-submit">
        <h2 id="project-submit">{project.submissions.length ? t('projectResubmit') : t('projectSubmit')}</h2>
        <form ref={formRef} onSubmit={(e) => void submit(e)} className="stack-form project-form">
          <label>
            {t('projectText')}
            <textarea name="text" rows={8} maxLength={20000} />
          </label>
          <label>
            {t('projectLinks')}
            <textarea name="links" rows={3} aria-describedby="project-links-hint" />
          </label>
          <p id="project-links-hint" className="hint">
            {t('projectLinksHint')}
          </p>
          <label>
            {t('projectFiles')}
            <input type="file" name="files" multiple accept={ACCEPTED_EXTENSIONS.map((e) => `.${e}`).join(',')} aria-describedby="project-files-hint" />
          </label>
          <p id="project-files-hint" className="hint">
            {t('projectFilesHint', { n: FILE_LIMITS.files, mb: FILE_LIMITS.bytesPerFile / 1024 / 1024, total: FILE_LIMITS.totalBytes / 1024 / 1024, kinds: ACCEPTED_EXTENSIONS.map((e) => `.${e}`).join(' ') })}
          </p>
          <button type="submit" className="primary" disabled={sending}>
            {sending ? t('projectSending') : t('projectSend')}
          </button>
          <FormMessage message={message} />
        </form>
      </section>
    </article>
  );
}
