import { useCallback, useEffect, useState } from 'react';
import type { CohortView } from '../../../src/core/api/contracts.ts';
import { api, ApiRequestError } from '../api/api-client.ts';
import { ErrorPanel } from '../error-panel.tsx';
import { useExams } from '../exam-version/exams-context.tsx';
import { formatDay } from '../exam-version/notice-text.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { routeHref } from '../routing/use-hash-route.ts';
import { useDocumentTitle } from '../use-document-title.ts';
import { CohortAssignments } from './cohort-assignments.tsx';
import { CohortBoardPanel } from './cohort-board.tsx';
import { CohortItemsPanel } from './cohort-items.tsx';
import { CohortLtiPanel } from '../lti/cohort-lti-panel.tsx';

/** One cohort as its tutor sees it: the invite code and link, another tutor, the roster, removing a member. */
export function CohortPage({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const exams = useExams();
  const [cohort, setCohort] = useState<CohortView | null>(null);
  const [error, setError] = useState<ApiRequestError | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [tutorEmail, setTutorEmail] = useState('');
  useDocumentTitle(cohort?.name ?? t('cohortsTitle'));
  const load = useCallback(() => {
    setError(null);
    api.cohort(id).then(setCohort, (e: unknown) => setError(e instanceof ApiRequestError ? e : new ApiRequestError(0, 'network', String(e))));
  }, [id]);
  useEffect(load, [load]);
  const act = async (run: () => Promise<CohortView>, ok: string) => {
    try {
      setCohort(await run());
      setMessage({ ok: true, text: ok });
    } catch (err) {
      setMessage({ ok: false, text: err instanceof ApiRequestError ? err.message : String(err) });
    }
  };

  if (error) return <ErrorPanel error={error} onRetry={load} />;
  if (!cohort) return <p role="status">{t('loading')}</p>;
  const link = `${window.location.origin}${window.location.pathname}${routeHref({ page: 'join', code: cohort.inviteCode ?? '' })}`;
  const examSummary = exams.find((x) => x.id === cohort.exam);
  const exam = examSummary?.code ?? cohort.exam;
  return (
    <div className="cohort-page">
      <p>
        <a href={routeHref({ page: 'cohorts' })}>{t('cohortsBack')}</a>
      </p>
      <h1>
        {cohort.name} <span className="subtle">— {exam}</span>
      </h1>
      <p className="subtle">
        {[cohort.examDate ? t('cohortExamOn', { day: formatDay(cohort.examDate, locale) }) : null, cohort.accessUntil ? t('cohortAccessUntil', { day: formatDay(cohort.accessUntil, locale) }) : null, t('cohortTutors', { names: cohort.tutors.map((x) => x.name).join(', ') })]
          .filter(Boolean)
          .join(' · ')}
      </p>
      <p role="status" className={message ? (message.ok ? 'form-ok' : 'form-error') : 'visually-hidden'}>
        {message?.text}
      </p>
      <section className="panel" aria-labelledby="invite-title" data-testid="invite">
        <h2 id="invite-title">{t('cohortInvite')}</h2>
        <p>{t('cohortInviteText')}</p>
        <p>
          {t('cohortCodeIs')} <code className="invite-code">{cohort.inviteCode}</code>
        </p>
        <p className="invite-link">
          <a href={link}>{link}</a>
        </p>
        <button type="button" onClick={() => window.confirm(t('cohortNewCodeConfirm')) && void act(() => api.newInvite(cohort.id), t('cohortNewCodeDone'))}>
          {t('cohortNewCode')}
        </button>
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            void act(() => api.addTutor(cohort.id, tutorEmail), t('cohortTutorAdded', { email: tutorEmail.trim() }));
            setTutorEmail('');
          }}
        >
          <label htmlFor="add-tutor">{t('cohortAddTutor')}</label>
          <input id="add-tutor" type="email" required value={tutorEmail} onChange={(e) => setTutorEmail(e.target.value)} />
          <button type="submit">{t('cohortAddTutorButton')}</button>
        </form>
      </section>
      {examSummary && <CohortBoardPanel cohortId={cohort.id} exam={examSummary} version={cohort.roster.length} />}
      {examSummary && <CohortAssignments cohort={cohort} exam={examSummary} />}
      <CohortItemsPanel cohortId={cohort.id} version={cohort.roster.length} />
      <CohortLtiPanel id={cohort.id} onRoster={load} />
      <section className="panel" aria-labelledby="roster-title">
        <h2 id="roster-title">{t('cohortRoster', { n: cohort.roster.length })}</h2>
        {cohort.roster.length === 0 ? (
          <p className="subtle">{t('cohortRosterEmpty')}</p>
        ) : (
          <div className="table-scroll">
            <table className="roster" data-testid="roster">
              <thead>
                <tr>
                  <th scope="col">{t('adminName')}</th>
                  <th scope="col">{t('adminEmail')}</th>
                  <th scope="col">{t('cohortJoinedOn')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('cohortActions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {cohort.roster.map((m) => (
                  <tr key={m.id} data-email={m.email}>
                    <th scope="row">{m.name}</th>
                    <td>{m.email}</td>
                    <td>{formatDay(m.joinedAt.slice(0, 10), locale)}</td>
                    <td>
                      <button
                        type="button"
                        className="small-button"
                        aria-label={t('cohortRemoveOf', { name: m.name, email: m.email })}
                        onClick={() => window.confirm(t('cohortRemoveConfirm', { name: m.name })) && void act(() => api.removeMember(cohort.id, m.id), t('cohortRemoved', { name: m.name }))}
                      >
                        {t('cohortRemove')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
