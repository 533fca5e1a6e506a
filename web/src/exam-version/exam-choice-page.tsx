import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ExamSummary, SessionView } from '../../../src/core/api/contracts.ts';
import { AccountSettings } from '../pages/account-settings.tsx';
import { AdminSetup } from '../admin/admin-setup.tsx';
import { api, ApiRequestError } from '../api/api-client.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useDocumentTitle } from '../use-document-title.ts';
import { ExamNotice } from './exam-notice.tsx';
import { statusBadge } from './notice-text.ts';

interface Props {
  session: SessionView;
  exams: ExamSummary[];
  /** `first`: asked once after sign-up or at the first sign-in; `settings`: changed later. */
  mode: 'first' | 'settings';
  onSession: (s: SessionView) => void;
}

/** Which exam version the user sits (MLA-C02 by default), and when. */
export function ExamChoicePage({ session, exams, mode, onSession }: Props) {
  const { t } = useI18n();
  const user = session.user!;
  const [exam, setExam] = useState(user.exam ?? session.defaultExam);
  const [date, setDate] = useState(user.examDate ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const title = mode === 'first' ? t('chooseExamTitle') : t('settings');
  useDocumentTitle(title);
  useEffect(() => heading.current?.focus(), []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      onSession(await api.setExam(exam, date === '' ? null : date));
      setSaved(true);
    } catch (err) {
      setError(err instanceof ApiRequestError ? (err.status === 0 ? t('networkError') : err.message) : String(err));
    } finally {
      setBusy(false);
    }
  };
  const code = exams.find((x) => x.id === exam)?.code ?? exam;

  return (
    <section className="panel exam-choice" aria-labelledby="exam-choice-title">
      <h1 id="exam-choice-title" ref={heading} tabIndex={-1}>
        {title}
      </h1>
      <p>{t('chooseExamIntro')}</p>
      <form onSubmit={submit}>
        <fieldset>
          <legend>{mode === 'first' ? t('examSettings') : t('chooseExamTitle')}</legend>
          {exams.map((x) => {
            const badge = statusBadge(x.status, t);
            return (
              <label key={x.id} className={`exam-option${exam === x.id ? ' chosen' : ''}`}>
                <input type="radio" name="exam" value={x.id} checked={exam === x.id} onChange={() => setExam(x.id)} />
                <span className="exam-option-body">
                  <span className="exam-option-title">
                    <strong>{x.code}</strong> {badge && <span className={`badge badge-${x.status.phase}`}>{badge}</span>}
                  </span>
                  <span className="subtle" lang="en">{x.name}</span>
                  {x.id === session.defaultExam && <span className="exam-option-default">{t('examDefaultNote')}</span>}
                  <ExamNotice exam={x} />
                </span>
              </label>
            );
          })}
        </fieldset>
        <div className="field">
          <label htmlFor="exam-date">{t('examDate')}</label>
          <input id="exam-date" type="date" value={date} onChange={(e) => setDate(e.target.value)} aria-describedby="exam-date-hint" />
          <p id="exam-date-hint" className="hint">
            {t('examDateHint')}
          </p>
        </div>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        {saved && mode === 'settings' && (
          <p className="form-ok" role="status">
            {t('choiceSaved')}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('savingChoice') : mode === 'first' ? t('continueWithExam', { code }) : t('saveChoice')}
        </button>
      </form>
      {mode === 'settings' && (
        <div className="sign-out-everywhere">
          <p className="hint">{t('signOutEverywhereHint')}</p>
          <button type="button" onClick={() => void api.signOutEverywhere().then(onSession, (err: unknown) => setError(err instanceof ApiRequestError ? err.message : String(err)))}>
            {t('signOutEverywhere')}
          </button>
        </div>
      )}
      {mode === 'settings' && session.user && <AdminSetup session={session} onSession={onSession} />}
      {mode === 'settings' && session.user && <AccountSettings user={session.user} passwordSet={session.passwordSet} onSession={onSession} />}
    </section>
  );
}
