import { useEffect, useState } from 'react';

/** A mock about to start: its instructions screen, before the attempt (and its clock) exists. */
export interface MockIntro {
  page: 'mock-intro';
  profile: string;
  accommodation?: string | undefined;
  extraMinutes?: number | undefined;
}

export type Route =
  | { page: 'dashboard' }
  | { page: 'settings' }
  | { page: 'attempt'; id: string }
  | { page: 'report'; id: string }
  | MockIntro
  | { page: 'study' }
  | { page: 'lesson'; id: string }
  | { page: 'cards' }
  | { page: 'admin' }
  | { page: 'cohorts' }
  | { page: 'cohort'; id: string }
  | { page: 'join'; code: string }
  | { page: 'projects' }
  | { page: 'project'; id: string }
  | { page: 'grading' }
  | { page: 'grade'; id: string }
  | { page: 'disputes' }
  | { page: 'authoring' }
  | { page: 'draft'; id: string }
  | { page: 'changelog'; exam: string }
  | { page: 'lti-start'; code: string }
  | { page: 'lti-course'; id: string }
  | { page: 'lti-deep-link'; id: string };

/**
 * Routes live in the URL hash (#/attempts/<id>), so a reload returns to the same screen and the
 * server needs no fallback route for the single-page app.
 */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  if (path === '/settings') return { page: 'settings' };
  if (path === '/study') return { page: 'study' };
  if (path === '/cards') return { page: 'cards' };
  if (path === '/admin') return { page: 'admin' };
  if (path === '/cohorts') return { page: 'cohorts' };
  if (path === '/projects') return { page: 'projects' };
  if (path === '/grading') return { page: 'grading' };
  if (path === '/disputes') return { page: 'disputes' };
  if (path === '/authoring') return { page: 'authoring' };
  const ltiStart = /^\/lti\/start\/([A-Za-z0-9_-]{20,100})$/.exec(path);
  if (ltiStart) return { page: 'lti-start', code: ltiStart[1] as string };
  const ltiCourse = /^\/lti\/course\/([0-9a-f-]{36})$/.exec(path);
  if (ltiCourse) return { page: 'lti-course', id: ltiCourse[1] as string };
  const deepLink = /^\/lti\/deep-link\/([0-9a-f-]{36})$/.exec(path);
  if (deepLink) return { page: 'lti-deep-link', id: deepLink[1] as string };
  const draft = /^\/authoring\/([0-9a-f-]{36})$/.exec(path);
  if (draft) return { page: 'draft', id: draft[1] as string };
  const changelog = /^\/changelog\/([a-z0-9-]{1,40})$/.exec(path);
  if (changelog) return { page: 'changelog', exam: changelog[1] as string };
  const project = /^\/projects\/([a-z0-9-]+)$/.exec(path);
  if (project) return { page: 'project', id: project[1] as string };
  const grade = /^\/grading\/([0-9a-f-]{36})$/.exec(path);
  if (grade) return { page: 'grade', id: grade[1] as string };
  const cohort = /^\/cohorts\/([0-9a-f-]{36})$/.exec(path);
  if (cohort) return { page: 'cohort', id: cohort[1] as string };
  const join = /^\/join\/([A-Za-z0-9-]{4,40})$/.exec(path);
  if (join) return { page: 'join', code: join[1] as string };
  const lesson = /^\/lessons\/([a-z0-9-]+)$/.exec(path);
  if (lesson) return { page: 'lesson', id: lesson[1] as string };
  const intro = /^\/mock\/([a-z0-9-]+)(?:\?(.*))?$/.exec(path);
  if (intro) {
    const q = new URLSearchParams(intro[2] ?? '');
    const extra = Number.parseInt(q.get('extra') ?? '', 10);
    return { page: 'mock-intro', profile: intro[1] as string, accommodation: q.get('accommodation') ?? undefined, extraMinutes: extra > 0 ? extra : undefined };
  }
  const report = /^\/attempts\/([^/]+)\/report$/.exec(path);
  if (report) return { page: 'report', id: decodeURIComponent(report[1] as string) };
  const attempt = /^\/attempts\/([^/]+)$/.exec(path);
  if (attempt) return { page: 'attempt', id: decodeURIComponent(attempt[1] as string) };
  return { page: 'dashboard' };
}

export function routeHref(route: Route): string {
  switch (route.page) {
    case 'dashboard':
      return '#/';
    case 'settings':
      return '#/settings';
    case 'study':
      return '#/study';
    case 'cards':
      return '#/cards';
    case 'admin':
      return '#/admin';
    case 'cohorts':
      return '#/cohorts';
    case 'cohort':
      return `#/cohorts/${encodeURIComponent(route.id)}`;
    case 'join':
      return `#/join/${encodeURIComponent(route.code)}`;
    case 'projects':
      return '#/projects';
    case 'project':
      return `#/projects/${encodeURIComponent(route.id)}`;
    case 'grading':
      return '#/grading';
    case 'grade':
      return `#/grading/${encodeURIComponent(route.id)}`;
    case 'disputes':
      return '#/disputes';
    case 'authoring':
      return '#/authoring';
    case 'draft':
      return `#/authoring/${encodeURIComponent(route.id)}`;
    case 'changelog':
      return `#/changelog/${encodeURIComponent(route.exam)}`;
    case 'lti-start':
      return `#/lti/start/${encodeURIComponent(route.code)}`;
    case 'lti-course':
      return `#/lti/course/${encodeURIComponent(route.id)}`;
    case 'lti-deep-link':
      return `#/lti/deep-link/${encodeURIComponent(route.id)}`;
    case 'lesson':
      return `#/lessons/${encodeURIComponent(route.id)}`;
    case 'attempt':
      return `#/attempts/${encodeURIComponent(route.id)}`;
    case 'report':
      return `#/attempts/${encodeURIComponent(route.id)}/report`;
    case 'mock-intro': {
      const q = new URLSearchParams();
      if (route.accommodation) q.set('accommodation', route.accommodation);
      if (route.extraMinutes) q.set('extra', String(route.extraMinutes));
      const query = q.toString();
      return `#/mock/${encodeURIComponent(route.profile)}${query ? `?${query}` : ''}`;
    }
  }
}

export function navigate(route: Route): void {
  window.location.hash = routeHref(route);
}

export function useHashRoute(): Route {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
