import { useCallback, useEffect, useState } from 'react';
import type { SessionView } from '../../src/core/api/contracts.ts';
import { api, ApiRequestError } from './api/api-client.ts';
import { ErrorPanel } from './error-panel.tsx';
import { hasStoredLocale, useI18n, type Locale } from './i18n/i18n-context.tsx';
import { AuthPage } from './pages/auth-page.tsx';
import { DashboardPage } from './pages/dashboard-page.tsx';
import { ExamPage } from './exam/exam-page.tsx';
import { ReportPage } from './report/report-page.tsx';
import { navigate, useHashRoute } from './routing/use-hash-route.ts';

/** The shell: session, header (language switch, sign out), skip link, and the page of the route. */
export function App() {
  const { t, locale, setLocale } = useI18n();
  const route = useHashRoute();
  const [session, setSession] = useState<SessionView | null>(null);
  const [error, setError] = useState<ApiRequestError | null>(null);

  const load = useCallback(() => {
    setError(null);
    api.session().then(setSession, (e: unknown) => setError(e instanceof ApiRequestError ? e : new ApiRequestError(0, 'network', String(e))));
  }, []);
  useEffect(load, [load]);

  const onSession = (next: SessionView) => {
    setSession(next);
    // A user's saved language applies unless this browser already chose one.
    if (next.user && !hasStoredLocale()) setLocale(next.user.locale);
  };

  /** The switch applies at once; a signed-in user's choice is also stored with the account, so it follows them to another browser. */
  const switchLocale = (next: Locale) => {
    setLocale(next);
    if (!session?.user) return;
    api.setLocale(next).then(
      (view) => setSession(view),
      // Not stored on the server this time; this browser still remembers the choice.
      () => undefined,
    );
  };

  const signOut = async () => {
    try {
      onSession(await api.signOut());
      navigate({ page: 'dashboard' });
    } catch (e) {
      setError(e instanceof ApiRequestError ? e : null);
    }
  };

  let content;
  if (error) content = <ErrorPanel error={error} onRetry={load} />;
  else if (!session) content = <p role="status">{t('loading')}</p>;
  else if (!session.user) content = <AuthPage firstRun={session.firstRun} onSession={onSession} />;
  else if (route.page === 'attempt') content = <ExamPage key={route.id} attemptId={route.id} />;
  else if (route.page === 'report') content = <ReportPage key={route.id} attemptId={route.id} />;
  else content = <DashboardPage />;

  return (
    <>
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        {t('skipToContent')}
      </a>
      <header className="app-header">
        <a className="brand" href="#/">
          {t('appName')} <span className="brand-exam">MLA-C01</span>
        </a>
        <div className="header-tools">
          <label className="lang">
            <span className="visually-hidden">{t('language')}</span>
            <select value={locale} onChange={(e) => switchLocale(e.target.value as Locale)} aria-label={t('language')}>
              <option value="en" lang="en">English</option>
              <option value="fr" lang="fr">Français</option>
            </select>
          </label>
          {session?.user && (
            <>
              <span className="who">{t('signedInAs', { name: session.user.name })}</span>
              <button type="button" className="link-button" onClick={signOut}>
                {t('signOut')}
              </button>
            </>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {content}
      </main>
    </>
  );
}
