import { useState, type FormEvent } from 'react';
import type { GradingView } from '../../../src/core/api/contracts.ts';
import { api, ApiRequestError } from '../api/api-client.ts';
import { useApiLoad } from '../api/use-api-load.ts';
import { ErrorPanel } from '../error-panel.tsx';
import { formatMoment } from '../format-moment.ts';
import { FormMessage } from '../form-message.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import { routeHref } from '../routing/use-hash-route.ts';
import { useDocumentTitle } from '../use-document-title.ts';
import { GradeView } from './grade-view.tsx';
import { SubmissionFiles, SubmissionLinks } from './submission-parts.tsx';

/** The rubric as a form: one level per criterion (radio buttons saying what each level means), a comment each, an overall comment. */
function RubricForm({ view, onGraded }: { view: GradingView; onGraded: (v: GradingView) => void }) {
  const { t } = useI18n();
  const previous = view.submission.grade;
  const [levels, setLevels] = useState<Record<string, number>>(previous?.levels ?? {});
  const [comments, setComments] = useState<Record<string, string>>(previous?.comments ?? {});
  const [overall, setOverall] = useState(previous?.overall ?? '');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    try {
      onGraded(await api.grade(view.submission.id, { levels, comments, overall }));
      setMessage({ ok: true, text: t('gradeSaved') });
    } catch (err) {
      setMessage({ ok: false, text: err instanceof ApiRequestError ? err.message : String(err) });
    }
  };
  return (
    <form onSubmit={(e) => void save(e)} className="stack-form rubric-form">
      {view.project.rubric.map((c) => (
        <fieldset key={c.id}>
          <legend lang="en">{c.criterion}</legend>
          {c.levels.map((text, level) => (
            <label key={level} className="rubric-level">
              <input type="radio" name={`level-${c.id}`} value={level} checked={levels[c.id] === level} onChange={() => setLevels({ ...levels, [c.id]: level })} required />
              <span lang="en">{text}</span>
            </label>
          ))}
          <label>
            {t('rubricComment')}
            <textarea rows={2} maxLength={2000} value={comments[c.id] ?? ''} onChange={(e) => setComments({ ...comments, [c.id]: e.target.value })} />
          </label>
        </fieldset>
      ))}
      <label>
        {t('gradeOverall')}
        <textarea rows={4} maxLength={5000} value={overall} onChange={(e) => setOverall(e.target.value)} />
      </label>
      <button type="submit" className="primary">
        {previous ? t('gradeUpdate') : t('gradeSave')}
      </button>
      <FormMessage message={message} />
    </form>
  );
}

/** One submission as its grader sees it: the work, the earlier submissions' grades, and the rubric to grade it. */
export function GradePage({ submissionId }: { submissionId: string }) {
  const { t, locale } = useI18n();
  const { data: view, error, reload, setData } = useApiLoad(() => api.gradingView(submissionId), submissionId);
  useDocumentTitle(t('gradeTitle'));
  if (error) return <ErrorPanel error={error} onRetry={reload} />;
  if (!view) return <p role="status">{t('loading')}</p>;
  const s = view.submission;
  return (
    <article>
      <section className="panel" aria-labelledby="grade-title">
        <p>
          <a href={routeHref({ page: 'grading' })}>{t('gradingTitle')}</a>
        </p>
        <h1 id="grade-title">{t('gradeHeading', { name: view.candidate.name, project: locale === 'fr' ? view.project.titleFr : view.project.title })}</h1>
        <p className="hint">{t('submissionOf', { date: formatMoment(s.submittedAt, locale) })}</p>
        {s.text && <p className="submission-text">{s.text}</p>}
        <SubmissionLinks links={s.links} />
        <SubmissionFiles files={s.files} />
        <h2>{t('projectDeliverables')}</h2>
        <ul lang="en">
          {view.project.deliverables.map((d) => (
            <li key={d.id}>{d.text}</li>
          ))}
        </ul>
      </section>
      <section className="panel" aria-labelledby="grade-form-title">
        <h2 id="grade-form-title">{t('rubricTitle')}</h2>
        <p>{t('rubricRule')}</p>
        {s.grade && <GradeView grade={s.grade} rubric={view.project.rubric} />}
        <RubricForm key={s.id} view={view} onGraded={setData} />
      </section>
      {view.earlier.length > 0 && (
        <section className="panel" aria-labelledby="grade-earlier">
          <h2 id="grade-earlier">{t('gradeEarlier')}</h2>
          <ul>
            {view.earlier.map((e) => (
              <li key={e.id}>
                <a href={routeHref({ page: 'grade', id: e.id })}>{formatMoment(e.submittedAt, locale)}</a> — {e.grade ? t(e.grade.meets ? 'projectResultMeets' : 'projectResultBelow', { points: e.grade.points, max: e.grade.max }) : t('projectWaiting')}
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
