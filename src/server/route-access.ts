import type { FastifyInstance } from 'fastify';
import { mayCall, type Access } from '../core/auth/roles.ts';
import { forbidden } from './errors.ts';
import { requireUser } from './plugins/auth-plugin.ts';

/**
 * Who may call each API route, in one place: anyone (`public`), anyone signed in (`user`: then the
 * service checks that the resource is the caller's own), or the roles listed. A route missing here stops
 * the server at start-up, so none can be added without saying who may call it.
 */
export const ROUTE_ACCESS: Record<string, Access> = {
  'GET /api/exams': 'public',
  'GET /api/session': 'public',
  'POST /api/auth/signin': 'public',
  'POST /api/auth/signup': 'public',
  'POST /api/auth/signout': 'public',
  'POST /api/auth/signout-all': 'user',
  'PUT /api/session/exam': 'user',
  'PUT /api/session/locale': 'user',
  'PUT /api/session/preferences': 'user',
  'PUT /api/account/password': 'user',
  'GET /api/account/export': 'user',
  'POST /api/account/delete': 'user',
  'GET /api/attempts': 'user',
  'POST /api/attempts': 'user',
  'GET /api/attempts/:id': 'user',
  'GET /api/attempts/:id/report': 'user',
  'PUT /api/attempts/:id/answers/:position': 'user',
  'PUT /api/attempts/:id/notes/:position': 'user',
  'PUT /api/attempts/:id/unsure/:position': 'user',
  'PUT /api/attempts/:id/time': 'user',
  'POST /api/attempts/:id/check/:position': 'user',
  'POST /api/attempts/:id/next': 'user',
  'POST /api/attempts/:id/submit': 'user',
  'POST /api/attempts/:id/abandon': 'user',
  'POST /api/attempts/:id/pause': 'user',
  'POST /api/attempts/:id/resume': 'user',
  'GET /api/progress': 'user',
  'GET /api/study': 'user',
  'GET /api/lessons/:id': 'user',
  'POST /api/lessons/:id/reading': 'user',
  'GET /api/cards/due': 'user',
  'POST /api/cards/:id/rating': 'user',
  'GET /api/plan': 'user',
  'PUT /api/plan': 'user',
  'GET /api/plan.ics': 'user',
  'GET /api/results': 'user',
  'POST /api/results': 'user',
  'POST /api/admin/claim': 'user',
  'GET /api/admin/users': ['admin'],
  'PUT /api/admin/users/:id/roles': ['admin'],
  // Cohorts: tutors create and run them (and only a cohort's own tutors see it: the service answers 404 to others).
  'POST /api/cohorts': ['tutor'],
  'GET /api/cohorts': 'user',
  'POST /api/cohorts/join': 'user',
  'GET /api/cohorts/:id': ['tutor'],
  'POST /api/cohorts/:id/invite': ['tutor'],
  'POST /api/cohorts/:id/tutors': ['tutor'],
  'POST /api/cohorts/:id/members/:userId/remove': ['tutor'],
  'POST /api/cohorts/:id/leave': 'user',
  'GET /api/assignments': 'user',
  'GET /api/cohorts/:id/assignments': ['tutor'],
  'POST /api/cohorts/:id/assignments': ['tutor'],
  'POST /api/cohorts/:id/assignments/:assignmentId/delete': ['tutor'],
  'GET /api/cohorts/:id/board': ['tutor'],
  'GET /api/cohorts/:id/board.csv': ['tutor'],
  'GET /api/cohorts/:id/items': ['tutor'],
  // Practical projects: a candidate's own work, seen by them and the tutors of their cohorts (404 to anyone else).
  'GET /api/projects': 'user',
  'GET /api/projects/:id': 'user',
  'POST /api/projects/:id/submissions': 'user',
  'GET /api/project-files/:id': 'user',
  'GET /api/project-submissions': ['tutor'],
  'GET /api/project-submissions/:id': ['tutor'],
  'POST /api/project-submissions/:id/grade': ['tutor'],
  // Key disputes: a candidate disputes a key revealed to them; authors resolve; the changelog is public (details only to those who met the item).
  'POST /api/attempts/:id/disputes/:position': 'user',
  'GET /api/notices': 'user',
  'POST /api/notices/seen': 'user',
  'GET /api/disputes': ['author'],
  'POST /api/disputes/items/:itemId/resolve': ['author'],
  'GET /api/exams/:exam/changelog': 'public',
  // The discussion under each question: readers who answered it; tutors and administrators moderate.
  'GET /api/items/:itemId/discussion': 'user',
  'POST /api/items/:itemId/discussion': 'user',
  'POST /api/items/:itemId/discussion/:postId/hide': ['tutor'],
  'POST /api/items/:itemId/discussion/lock': ['tutor'],
  'GET /api/admin/settings': ['admin'],
  'PUT /api/admin/settings': ['admin'],
  // The LTI platforms the tool trusts.
  // LTI: the launch's one-time code is its own proof; instructors (tutors) place activities, choose the course's exam, see its grades and sync its roster.
  'POST /api/lti/session': 'public',
  'GET /api/lti/deep-links/:id': ['tutor'],
  'POST /api/lti/deep-links/:id': ['tutor'],
  'POST /api/lti/courses/:id/exam': ['tutor'],
  'GET /api/cohorts/:id/lti': ['tutor'],
  'POST /api/cohorts/:id/lti-roster': ['tutor'],
  'GET /api/admin/lti/platforms': ['admin'],
  'POST /api/admin/lti/registrations': ['admin'],
  'POST /api/admin/lti/platforms': ['admin'],
  'POST /api/admin/lti/platforms/:id/delete': ['admin'],
  // Writing and reviewing items: authors (a second author approves).
  'GET /api/authoring/drafts': ['author'],
  'POST /api/authoring/drafts': ['author'],
  'GET /api/authoring/drafts/:id': ['author'],
  'PUT /api/authoring/drafts/:id': ['author'],
  'POST /api/authoring/drafts/:id/submit': ['author'],
  'POST /api/authoring/drafts/:id/review': ['author'],
};

/** Checks every API route against `ROUTE_ACCESS`: at registration (a route must be listed) and on each request. */
export function routeAccess(app: FastifyInstance, table: Record<string, Access> = ROUTE_ACCESS): void {
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    for (const method of [route.method].flat()) {
      if (method === 'HEAD' || method === 'OPTIONS') continue;
      if (!(`${method} ${route.url}` in table)) throw new Error(`The route ${method} ${route.url} says nobody may call it: add it to ROUTE_ACCESS in src/server/route-access.ts`);
    }
  });
  app.addHook('preHandler', (req, _reply, done) => {
    const url = req.routeOptions.url;
    const access = url?.startsWith('/api/') ? table[`${req.method === 'HEAD' ? 'GET' : req.method} ${url}`] : undefined;
    if (access === undefined || access === 'public') return done();
    try {
      const user = requireUser(req); // 401, or "session expired", before any role is considered
      if (!mayCall(access, user.roles)) throw forbidden('role', `This needs the role of ${[access].flat().join(' or ')}.`);
    } catch (e) {
      return done(e as Error);
    }
    done();
  });
}
