import { useCallback, useEffect, useState, type FormEvent, type ReactNode } from 'react';
import type { CohortList, CohortSummary, User } from '../../../src/core/api/contracts.ts';
import { api, ApiRequestError } from '../api/api-client.ts';
import { ErrorPanel } from '../error-panel.tsx';
import { useExams } from '../exam-version/exams-context.tsx';
import { formatDay } from '../exam-version/notice-text.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { routeHref } from '../routing/use-hash-route.ts';
import { useDocumentTitle } from '../use-document-title.ts';

/** A year after `today` (YYYY-MM-DD): the access a provider typically sells. */
const inAYear = (today: string) => `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;

/**
 * Cohorts: join one with a tutor's code, see and leave those you belong to; a tutor also creates
 * cohorts and opens those they teach.
 */
export function CohortsPage({ user, today }: { user: User; today: string }) {
  const { t, locale } = useI18n();
  useDocumentTitle(t('cohortsTitle'));
  const exams = useExams();
  const tutor = user.roles.includes('tutor') || user.roles.includes('admin');
  const [list, setList] = useState<CohortList | null>(null);
  const [error, setError] = useState<ApiRequestError | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [code, setCode] = useState('');
  const [form, setForm] = useState({ name: '', exam: user.exam ?? exams[0]?.id ?? '', examDate: '', accessUntil: inAYear(today) });
  const load = useCallback(() => {
    setError(null);
    api.cohorts().then(setList, (e: unknown) => setError(e instanceof ApiRequestError ? e : new ApiRequestError(0, 'network', String(e))));
  }, []);
  useEffect(load, [load]);
  const say = (ok: boolean, text: string) => setMessage({ ok, text });
  const failed = (e: unknown) => say(false, e instanceof ApiRequestError ? e.message : String(e));

  const join = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const joined = await api.joinCohort(code);
      setCode('');
      say(true, t('cohortJoined', { name: joined.name }));
      load();
    } catch (err) {
      failed(err);
    }
  };
  const leave = async (c: CohortSummary) => {
    if (!window.confirm(t('cohortLeaveConfirm', { name: c.name }))) return;
    try {
      await api.leaveCohort(c.id);
      say(true, t('cohortLeft', { name: c.name }));
      load();
    } catch (err) {
      failed(err);
    }
  };
  const create = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const made = await api.createCohort({ name: form.name, exam: form.exam, examDate: form.examDate || null, accessUntil: form.accessUntil || null });
      window.location.hash = routeHref({ page: 'cohort', id: made.id });
    } catch (err) {
      failed(err);
    }
  };

  if (error) return <ErrorPanel error={error} onRetry={load} />;
  if (!list) return <p role="status">{t('loading')}</p>;
  const code_ = (id: string) => exams.find((x) => x.id === id)?.code ?? id;
  const dates = (c: CohortSummary) =>
    [c.examDate ? t('cohortExamOn', { day: formatDay(c.examDate, locale) }) : null, c.accessUntil ? t('cohortAccessUntil', { day: formatDay(c.accessUntil, locale) }) : null].filter(Boolean).join(' · ');
  return (
    <div className="cohorts-page">
      <h1>{t('cohortsTitle')}</h1>
      <p role="status" className={message ? (message.ok ? 'form-ok' : 'form-error') : 'visually-hidden'}>
        {message?.text}
      </p>
      <section className="panel" aria-labelledby="join-title">
        <h2 id="join-title">{t('cohortJoinTitle')}</h2>
        <form className="inline-form" onSubmit={join}>
          <label htmlFor="cohort-code">{t('cohortCode')}</label>
          <input id="cohort-code" value={code} autoComplete="off" spellCheck={false} maxLength={40} onChange={(e) => setCode(e.target.value)} />
          <button type="submit">{t('cohortJoin')}</button>
        </form>
      </section>
      <CohortSection id="member-title" testId="my-cohorts" title={t('cohortsMine')} empty={t('cohortsNone')} cohorts={list.member}>
        {(c) => (
          <>
            <span>
              <strong>{c.name}</strong> — {code_(c.exam)} <span className="subtle small">{dates(c)}</span>
            </span>
            <button type="button" className="small-button" onClick={() => void leave(c)}>
              {t('cohortLeave')}
            </button>
          </>
        )}
      </CohortSection>
      {tutor && (
        <CohortSection id="teaching-title" testId="teaching" title={t('cohortsTeaching')} empty={t('cohortsTeachingNone')} cohorts={list.teaching}>
          {(c) => (
            <>
              <a href={routeHref({ page: 'cohort', id: c.id })}>{c.name}</a>
              <span className="subtle small">
                {code_(c.exam)} · {t('cohortMembers', { n: c.members })} {dates(c) && `· ${dates(c)}`}
              </span>
            </>
          )}
        </CohortSection>
      )}
      {tutor && (
        <section className="panel" aria-labelledby="create-title">
          <h2 id="create-title">{t('cohortCreate')}</h2>
          <form className="stack-form" onSubmit={create}>
            <label htmlFor="cohort-name">{t('cohortName')}</label>
            <input id="cohort-name" required maxLength={100} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
            <label htmlFor="cohort-exam">{t('cohortExam')}</label>
            <select id="cohort-exam" value={form.exam} onChange={(e) => setForm({ ...form, exam: e.target.value })}>
              {exams.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.code}
                </option>
              ))}
            </select>
            <label htmlFor="cohort-exam-date">{t('cohortExamDate')}</label>
            <input id="cohort-exam-date" type="date" value={form.examDate} onChange={(e) => setForm({ ...form, examDate: e.target.value })} />
            <label htmlFor="cohort-access">{t('cohortAccess')}</label>
            <input id="cohort-access" type="date" value={form.accessUntil} onChange={(e) => setForm({ ...form, accessUntil: e.target.value })} />
            <p className="hint">{t('cohortAccessHint')}</p>
            <button type="submit" className="primary">
              {t('cohortCreateButton')}
            </button>
          </form>
        </section>
      )}
    </div>
  );
}

/** A panel listing cohorts, or saying there are none. */
function CohortSection({ id, testId, title, empty, cohorts, children }: { id: string; testId: string; title: string; empty: string; cohorts: CohortSummary[]; children: (c: CohortSummary) => ReactNode }) {
  return (
    <section className="panel" aria-labelledby={id} data-testid={testId}>
      <h2 id={id}>{title}</h2>
      {cohorts.length === 0 ? (
        <p className="subtle">{empty}</p>
      ) : (
        <ul className="cohort-list">
          {cohorts.map((c) => (
            <li key={c.id}>{children(c)}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
