import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { ExamSummary, StudyPlanView } from '../../../src/core/api/contracts.ts';
import { api, ApiRequestError } from '../api/api-client.ts';
import { formatDuration } from '../i18n/duration.ts';
import { planStatusText } from './plan-status-text.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { DownloadLink } from '../download-link.tsx';

/**
 * The plan to the exam date on the study path: the candidate gives the date and the hours a week;
 * the weeks show the modules, reviews, quick check, mocks and the exam; a line says whether they are
 * on track; the plan downloads as a calendar.
 */
export function PlanPanel({ exam, examDate }: { exam: ExamSummary; examDate: string | null }) {
  const { t, locale } = useI18n();
  const [plan, setPlan] = useState<StudyPlanView | null>(null);
  const [date, setDate] = useState(examDate ?? '');
  const [hours, setHours] = useState('8');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const dateFormat = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const label = (d: string) => dateFormat.format(new Date(`${d}T00:00:00Z`));

  const load = useCallback(() => {
    api.plan(exam.id).then(
      (p) => {
        setPlan(p);
        setDate(p.examDate);
        setHours(String(p.hoursPerWeek));
      },
      (e: unknown) => {
        // No plan yet (404) shows the form; a passed exam date says so.
        if (e instanceof ApiRequestError && e.status !== 404) setMessage(e.message);
      },
    );
  }, [exam.id]);
  useEffect(load, [load]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      setPlan(await api.setPlan(exam.id, date, Number.parseInt(hours, 10)));
    } catch (err) {
      setMessage(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  const moduleTitle = (id: number) => {
    const m = exam.modules.find((x) => x.id === id);
    return m ? (locale === 'fr' ? m.titleFr : m.title) : String(id);
  };
  return (
    <section className="panel" aria-labelledby="plan-title" data-testid="study-plan">
      <h2 id="plan-title">{t('planTitle')}</h2>
      <form className="plan-form" onSubmit={(e) => void submit(e)}>
        <div className="field inline">
          <label htmlFor="plan-date">{t('planExamDate')}</label>
          <input id="plan-date" type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
        </div>
        <div className="field inline">
          <label htmlFor="plan-hours">{t('planHours')}</label>
          <input id="plan-hours" type="number" inputMode="numeric" min={1} max={60} required value={hours} onChange={(e) => setHours(e.target.value)} />
        </div>
        <button type="submit" className="primary" disabled={busy}>
          {plan ? t('planUpdate') : t('planMake')}
        </button>
      </form>
      <p className="hint">{t('planHint')}</p>
      {message && (
        <p className="form-error" role="alert">
          {message}
        </p>
      )}
      {plan && (
        <>
          <p className={`plan-status ${plan.status.state}`} data-testid="plan-status">
            {planStatusText(plan.status, t, 'panel')}
          </p>
          {plan.moduleHours > plan.availableHours + 0.5 && <p className="warn-box">{t('planTooShort', { need: plan.moduleHours, have: plan.availableHours })}</p>}
          <div className="table-scroll">
            <table className="plan-weeks">
              <thead>
                <tr>
                  <th scope="col">{t('planWeek')}</th>
                  <th scope="col">{t('planModules')}</th>
                  <th scope="col">{t('planAlso')}</th>
                </tr>
              </thead>
              <tbody>
                {plan.weeks.map((w) => {
                  const modules = [...new Set(w.sessions.filter((s) => s.kind === 'module').map((s) => s.module!))];
                  const minutes = w.sessions.filter((s) => s.kind === 'module').reduce((a, s) => a + s.minutes, 0);
                  const extras = [
                    w.sessions.some((s) => s.kind === 'quick-check') ? t('planQuickCheck') : null,
                    ...w.sessions.filter((s) => s.kind === 'mock').map((s) => t('planMock', { day: label(s.day) })),
                    ...w.sessions.filter((s) => s.kind === 'exam').map((s) => t('planExam', { day: label(s.day) })),
                    t('planReviews', { n: w.sessions.filter((s) => s.kind === 'review').length }),
                  ].filter(Boolean);
                  return (
                    <tr key={w.start}>
                      <th scope="row">{t('weekOf', { date: label(w.start) })}</th>
                      <td>
                        {modules.length ? modules.map((m) => `${m}. ${moduleTitle(m)}`).join(' · ') : '—'}
                        {minutes > 0 && <span className="subtle"> ({formatDuration(minutes * 60_000)})</span>}
                      </td>
                      <td>{extras.join(' · ')}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <p>
            <DownloadLink href={`/api/plan.ics?exam=${encodeURIComponent(exam.id)}&lang=${locale}`}>{t('planIcs')}</DownloadLink>
          </p>
        </>
      )}
    </section>
  );
}
