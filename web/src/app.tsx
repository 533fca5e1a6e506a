import { StudyPathPage } from './study/study-path-page.tsx';
import { LessonPage } from './study/lesson-page.tsx';
import { CardsPage } from './study/cards-page.tsx';
import { AdminPage } from './admin/admin-page.tsx';
import { CohortPage } from './cohorts/cohort-page.tsx';
import { CohortsPage } from './cohorts/cohorts-page.tsx';
import { JoinPage } from './cohorts/join-page.tsx';
import { AuthoringPage } from './authoring/authoring-page.tsx';
import { DraftPage } from './authoring/draft-page.tsx';
import { ChangelogPage } from './disputes/changelog-page.tsx';
import { DisputesPage } from './disputes/disputes-page.tsx';
import { GradePage } from './projects/grade-page.tsx';
import { GradingPage } from './projects/grading-page.tsx';
import { ProjectPage } from './projects/project-page.tsx';
import { ProjectsPage } from './projects/projects-page.tsx';
import { applyTheme } from './theme.ts';
import { useCallback, useEffect, useState } from 'react';
import type { ExamSummary, SessionView } from '../../src/core/api/contracts.ts';
import { api, ApiRequestError } from './api/api-client.ts';
import { ErrorPanel } from './error-panel.tsx';
import { hasStoredLocale, useI18n, type Locale } from './i18n/i18n-context.tsx';
import { AuthPage } from './pages/auth-page.tsx';
import { DashboardPage } from './pages/dashboard-page.tsx';
import { MockIntroPage } from './pages/mock-intro-page.tsx';
import { ExamPage } from './exam/exam-page.tsx';
import { ExamChoicePage } from './exam-version/exam-choice-page.tsx';
import { statusBadge } from './exam-version/notice-text.ts';
import { ReportPage } from './report/report-page.tsx';
import { navigate, routeHref, useHashRoute } from './routing/use-hash-route.ts';
import { ExamsProvider } from './exam-version/exams-context.tsx';
import { DeepLinkPage } from './lti/deep-link-page.tsx';
import { LtiCourseExamPage } from './lti/lti-course-exam-page.tsx';
import { LtiStartPage } from './lti/lti-start-page.tsx';

/** The shell: session, header (language switch, sign out), skip link, and the page of the route. */
export function App() {
  const { t, locale, setLocale } = useI18n();
  const route = useHashRoute();
  const [session, setSession] = useState<SessionView | null>(null);
  const [exams, setExams] = useState<ExamSummary[] | null>(null);
  const [error, setError] = useState<ApiRequestError | null>(null);
  const signedIn = !!session?.user;

  const fail = (e: unknown) => setError(e instanceof ApiRequestError ? e : new ApiRequestError(0, 'network', String(e)));
  const load = useCallback(() => {
    setError(null);
    api.session().then(setSession, fail);
  }, []);
  useEffect(load, [load]);
  // The catalogue (with each version's status on the server's day) once someone is signed in.
  const loadExams = useCallback(() => {
    setError(null);
    api.exams().then(setExams, fail);
  }, []);
  useEffect(() => {
    if (signedIn && !exams) loadExams();
  }, [signedIn, exams, loadExams]);

  const userTheme = session?.user?.theme;
  useEffect(() => {
    if (userTheme) applyTheme(userTheme);
  }, [userTheme]);

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

  const user = session?.user ?? null;
  const chosen = user && exams ? (exams.find((e) => e.id === (user.exam ?? session!.defaultExam)) ?? exams[0]) : undefined;
  let content;
  // A launch from a course: its one-time code becomes this tab's session before anything else.
  if (route.page === 'lti-start') content = <LtiStartPage code={route.code} onSignedIn={load} />;
  else if (error) content = <ErrorPanel error={error} onRetry={session ? loadExams : load} />;
  else if (!session) content = <p role="status">{t('loading')}</p>;
  // The changelog is public: readable signed out.
  else if (route.page === 'changelog') content = <ChangelogPage key={route.exam} exam={route.exam} />;
  else if (!user)
    content = (
      <>
        {/* Inside a course's frame the browser keeps nothing for certprep: a reload loses the launch's session. */}
        {window.self !== window.top && (
          <p className="notice" role="status">
            {t('ltiFramedSignedOut')}
          </p>
        )}
        <AuthPage firstRun={session.firstRun} onSession={onSession} />
      </>
    );
  else if (!exams || !chosen) content = <p role="status">{t('loading')}</p>;
  else if (route.page === 'attempt') content = <ExamPage key={route.id} attemptId={route.id} exams={exams} />;
  else if (route.page === 'report') content = <ReportPage key={route.id} attemptId={route.id} />;
  // The first time, the user says which exam they sit before anything else.
  else if (!user.exam) content = <ExamChoicePage session={session} exams={exams} mode="first" onSession={onSession} />;
  else if (route.page === 'mock-intro') content = <MockIntroPage exam={chosen} intro={route} />;
  else if (route.page === 'study') content = <StudyPathPage key={chosen.id} exam={chosen} examDate={user.examDate} />;
  else if (route.page === 'lesson') content = <LessonPage key={route.id} lessonId={route.id} exam={chosen} />;
  else if (route.page === 'cards') content = <CardsPage key={chosen.id} exam={chosen} />;
  else if (route.page === 'cohorts') content = <CohortsPage user={user} today={session.today} />;
  else if (route.page === 'cohort') content = <CohortPage key={route.id} id={route.id} />;
  else if (route.page === 'projects') content = <ProjectsPage key={chosen.id} exam={chosen} user={user} />;
  else if (route.page === 'project') content = <ProjectPage key={`${route.id} ${chosen.id}`} projectId={route.id} exam={chosen} />;
  else if (route.page === 'grading') content = <GradingPage />;
  else if (route.page === 'lti-course') content = <LtiCourseExamPage key={route.id} id={route.id} defaultExam={session.defaultExam} />;
  else if (route.page === 'lti-deep-link') content = <DeepLinkPage key={route.id} id={route.id} />;
  else if (route.page === 'disputes' || route.page === 'authoring' || route.page === 'draft')
    content = !(user.roles.includes('author') || user.roles.includes('admin')) ? <p className="form-error" role="alert">{t('authorOnly')}</p> : route.page === 'disputes' ? <DisputesPage /> : route.page === 'authoring' ? <AuthoringPage exam={chosen} /> : <DraftPage key={route.id} draftId={route.id} />;
  else if (route.page === 'grade') content = <GradePage key={route.id} submissionId={route.id} />;
  else if (route.page === 'join') content = <JoinPage key={route.code} code={route.code} />;
  else if (route.page === 'admin') content = user.roles.includes('admin') ? <AdminPage me={user} /> : <p className="form-error" role="alert">{t('adminOnly')}</p>;
  else if (route.page === 'settings') content = <ExamChoicePage key="settings" session={session} exams={exams} mode="settings" onSession={onSession} />;
  else content = <DashboardPage key={chosen.id} exam={chosen} examDate={user.examDate} today={session.today} />;
  const badge = chosen && user?.exam ? statusBadge(chosen.status, t) : null;

  return (
    <ExamsProvider exams={exams ?? []}>
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        {t('skipToContent')}
      </a>
      <header className="app-header">
        <a className="brand" href="#/">
          {t('appName')}
          {chosen && user?.exam && (
            <span className="brand-exam" data-testid="header-exam">
              {' '}
              {chosen.code}
              {badge && <span className={`badge badge-${chosen.status.phase}`}>{badge}</span>}
            </span>
          )}
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
              {session.user.exam && (
                <a className="link-button" href="#/study" aria-current={route.page === 'study' ? 'page' : undefined}>
                  {t('studyPath')}
                </a>
              )}
              {session.user.exam && (
                <a className="link-button" href="#/cohorts" aria-current={route.page === 'cohorts' || route.page === 'cohort' ? 'page' : undefined}>
                  {t('cohortsTitle')}
                </a>
              )}
              {session.user.exam && (
                <a className="link-button" href="#/projects" aria-current={route.page === 'projects' || route.page === 'project' ? 'page' : undefined}>
                  {t('projectsTitle')}
                </a>
              )}
              {(session.user.roles.includes('author') || session.user.roles.includes('admin')) && (
                <>
                  <a className="link-button" href="#/authoring" aria-current={route.page === 'authoring' || route.page === 'draft' ? 'page' : undefined}>
                    {t('authoringTitle')}
                  </a>
                  <a className="link-button" href="#/disputes" aria-current={route.page === 'disputes' ? 'page' : undefined}>
                    {t('disputesTitle')}
                  </a>
                </>
              )}
              {session.user.roles.includes('admin') && (
                <a className="link-button" href="#/admin" aria-current={route.page === 'admin' ? 'page' : undefined}>
                  {t('adminTitle')}
                </a>
              )}
              {session.user.exam && (
                <a className="link-button" href="#/settings">
                  {t('changeExam')}
                </a>
              )}
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
      <footer className="app-footer">
        <a href={routeHref({ page: 'changelog', exam: chosen?.id ?? session?.defaultExam ?? exams?.[0]?.id ?? 'mla-c02' })}>{t('changelogTitle')}</a>
      </footer>
    </ExamsProvider>
  );
}
