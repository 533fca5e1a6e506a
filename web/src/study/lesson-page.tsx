import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExamSummary, LessonView } from '../../../src/core/api/contracts.ts';
import { api, ApiRequestError } from '../api/api-client.ts';
import { ErrorPanel } from '../error-panel.tsx';
import { MarkdownView } from '../markdown-view.tsx';
import { ReferenceList } from '../reference-list.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useStartAttempt } from '../pages/use-start-attempt.ts';
import { routeHref } from '../routing/use-hash-route.ts';
import { useDocumentTitle } from '../use-document-title.ts';

/**
 * A lesson of the study path: the text (in English, as the exam is), the skills it covers, its
 * references; "Mark as read" brings its flash cards into the reviews. The time the page is visible
 * is added to the module's time spent.
 */
export function LessonPage({ lessonId, exam }: { lessonId: string; exam: ExamSummary }) {
  const { t, locale } = useI18n();
  const [lesson, setLesson] = useState<LessonView | null>(null);
  const [error, setError] = useState<ApiRequestError | null>(null);
  const [read, setRead] = useState(false);
  const { busy, error: startError, start } = useStartAttempt();
  const heading = useRef<HTMLHeadingElement>(null);
  const visibleSince = useRef<number | null>(null);
  useDocumentTitle(lesson ? (locale === 'fr' ? lesson.titleFr : lesson.title) : t('loading'));

  const load = useCallback(() => {
    setError(null);
    api.lesson(lessonId, exam.id).then(
      (l) => {
        setLesson(l);
        setRead(l.read);
      },
      (e: unknown) => setError(e instanceof ApiRequestError ? e : new ApiRequestError(0, 'network', String(e))),
    );
  }, [lessonId, exam.id]);
  useEffect(load, [load]);
  useEffect(() => {
    if (lesson) heading.current?.focus();
  }, [lesson]);

  /** The time visible since the last report, sent now (keepalive when the page is closing). */
  const flushTime = useCallback(
    (markRead: boolean, keepalive = false) => {
      const since = visibleSince.current;
      const addMs = since === null ? 0 : Math.min(7_200_000, Math.round(performance.now() - since));
      visibleSince.current = document.visibilityState === 'visible' ? performance.now() : null;
      if (addMs < 1000 && !markRead) return Promise.resolve();
      return api.lessonReading(lessonId, exam.id, addMs, markRead, keepalive).catch(() => undefined);
    },
    [lessonId, exam.id],
  );
  useEffect(() => {
    if (!lesson) return;
    visibleSince.current = document.visibilityState === 'visible' ? performance.now() : null;
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') void flushTime(false, true);
      else visibleSince.current = performance.now();
    };
    const onHide = () => void flushTime(false, true);
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', onHide);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', onHide);
      void flushTime(false, true);
    };
  }, [lesson, flushTime]);

  if (error) return <ErrorPanel error={error} onRetry={load} />;
  if (!lesson) return <p role="status">{t('loading')}</p>;
  const title = locale === 'fr' ? lesson.titleFr : lesson.title;
  const markRead = async () => {
    await flushTime(true);
    setRead(true);
  };
  return (
    <article className="lesson">
      <p className="breadcrumb">
        <a href={routeHref({ page: 'study' })}>{t('studyPath')}</a> › {t('moduleN', { id: lesson.module })}
      </p>
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      <p className="subtle">{t('lessonMeta', { minutes: Math.max(1, Math.round(lesson.words / 200)), cards: lesson.cards })}</p>
      <details className="lesson-skills">
        <summary>{t('lessonSkills', { n: lesson.skills.length })}</summary>
        <ul>
          {lesson.skills.map((s) => (
            <li key={s.id}>
              <span className="skill-id">{s.id}</span> <span lang="en">{s.text}</span>
            </li>
          ))}
        </ul>
      </details>
      <div className="lesson-body" lang="en">
        <MarkdownView>{lesson.body}</MarkdownView>
      </div>
      <section className="lesson-references" aria-labelledby="lesson-refs">
        <h2 id="lesson-refs">{t('references')}</h2>
        <ReferenceList references={lesson.references} />
      </section>
      <section className="panel lesson-next" aria-labelledby="lesson-next">
        <h2 id="lesson-next">{read ? t('lessonReadTitle') : t('lessonDoneTitle')}</h2>
        {startError && (
          <p className="form-error" role="alert">
            {startError.message}
          </p>
        )}
        {read ? (
          <p className="button-row" data-testid="lesson-read">
            <a className="button-link primary" href={routeHref({ page: 'cards' })}>
              {t('reviewLessonCards')}
            </a>
            <button type="button" disabled={busy !== null} onClick={() => void start('quiz', { kind: 'practice', exam: exam.id, modules: [lesson.module], quiz: true, count: 10, feedback: 'immediate' })}>
              {t('takeQuizOf', { id: lesson.module })}
            </button>
          </p>
        ) : (
          <button type="button" className="primary" onClick={() => void markRead()}>
            {t('markRead')}
          </button>
        )}
      </section>
    </article>
  );
}
