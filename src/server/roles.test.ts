import { describe, expect, it } from 'vitest';
import type { AttemptView, User } from '../core/api/contracts.ts';
import type { Access } from '../core/auth/roles.ts';
import { loadExam } from '../../test/helpers/load-exam.ts';
import { InjectClient } from '../../test/helpers/inject-client.ts';
import { STORES, useStores, type StoreName } from '../../test/helpers/stores.ts';
import { accountsApp } from '../../test/helpers/accounts-app.ts';
import { ROUTE_ACCESS } from './route-access.ts';
import { AdminService } from './services/admin-service.ts';

const exam = loadExam('mla-c01');
const stores = useStores();
const T0 = Date.parse('2026-12-03T09:00:00Z');
const CALLERS = ['anonymous', 'candidate', 'tutor', 'author', 'admin'] as const;
type Caller = (typeof CALLERS)[number];

/** An app on a fresh store, reachable only from its own machine unless said otherwise. */
const app = (store: StoreName, loopbackOnly = true) => accountsApp(stores, store, { exam, t0: T0, loopbackOnly });
const signedUp = (a: Awaited<ReturnType<typeof app>>, email: string) => a.signUp(email);

/** What each caller may do under an access rule. */
function allowed(access: Access, caller: Caller): boolean {
  if (access === 'public') return true;
  if (caller === 'anonymous') return false;
  if (access === 'user' || caller === 'admin') return true;
  return (access as readonly string[]).includes(caller);
}

describe.each(STORES)('roles and who may call each route, on %s', (store) => {
  it('lets every caller through exactly the routes the access table gives them: 401 signed out, 403 without the role', async () => {
    const a = await app(store);
    const admin = await signedUp(a, 'admin@example.com');
    expect(admin.user.roles).toEqual(['admin']); // the first account of a laptop server
    const clients: Record<Caller, InjectClient> = { anonymous: new InjectClient(a.app), candidate: await signedUp(a, 'cand@example.com'), tutor: await signedUp(a, 'tutor@example.com'), author: await signedUp(a, 'author@example.com'), admin };
    await clients.anonymous.req('GET', '/api/session').then((r) => (clients.anonymous.csrf = r.json().csrfToken));
    for (const [name, roles] of [['tutor', ['tutor']], ['author', ['author']]] as const) {
      const r = await admin.req('PUT', `/api/admin/users/${(clients[name] as typeof admin).user.id}/roles`, { roles });
      expect(r.statusCode, r.body).toBe(200);
    }
    expect((await clients.tutor.req('GET', '/api/session')).json().user.roles).toEqual(['tutor']);

    const refused: string[] = [];
    for (const [route, access] of Object.entries(ROUTE_ACCESS)) {
      const [method, path] = route.split(' ') as ['GET' | 'POST' | 'PUT', string];
      // Every declared route exists (no stale entry that would hide a renamed route).
      expect(a.app.hasRoute({ method, url: path }), route).toBe(true);
      const url = path.replace(':id', '00000000-0000-4000-8000-000000000000').replace(':userId', 'nobody').replace(':assignmentId', '00000000-0000-4000-8000-000000000001').replace(':position', '0');
      for (const caller of CALLERS) {
        // Sign-out and account deletion would end the caller's session for the rest of the matrix.
        if (caller !== 'anonymous' && (route === 'POST /api/auth/signout' || route === 'POST /api/auth/signout-all' || route === 'POST /api/account/delete')) continue;
        const res = await clients[caller].req(method, url, method === 'GET' ? undefined : {});
        const code = res.statusCode >= 400 ? (res.json() as { error: { code: string } }).error.code : '';
        if (allowed(access, caller)) {
          expect(['signed-out', 'role'], `${caller} on ${route}: ${res.body}`).not.toContain(code);
        } else {
          expect([res.statusCode, code], `${caller} on ${route}`).toEqual(caller === 'anonymous' ? [401, 'signed-out'] : [403, 'role']);
          refused.push(`${caller} ${route}`);
        }
      }
    }
    // Refused to signed-in users: administration to all but administrators, running cohorts to all but tutors, resolving disputes to all but authors.
    const refusedSignedIn = refused.filter((r) => !r.startsWith('anonymous'));
    const tutorOnly = Object.entries(ROUTE_ACCESS).filter(([, access]) => Array.isArray(access) && access.includes('tutor')).map(([route]) => route);
    expect(tutorOnly).toEqual(['POST /api/cohorts', 'GET /api/cohorts/:id', 'POST /api/cohorts/:id/invite', 'POST /api/cohorts/:id/tutors', 'POST /api/cohorts/:id/members/:userId/remove', 'GET /api/cohorts/:id/assignments', 'POST /api/cohorts/:id/assignments', 'POST /api/cohorts/:id/assignments/:assignmentId/delete', 'GET /api/cohorts/:id/board', 'GET /api/cohorts/:id/board.csv', 'GET /api/cohorts/:id/items', 'GET /api/project-submissions', 'GET /api/project-submissions/:id', 'POST /api/project-submissions/:id/grade', 'POST /api/items/:itemId/discussion/:postId/hide', 'POST /api/items/:itemId/discussion/lock', 'GET /api/lti/deep-links/:id', 'POST /api/lti/deep-links/:id', 'POST /api/lti/courses/:id/exam', 'GET /api/cohorts/:id/lti', 'POST /api/cohorts/:id/lti-roster']);
    const authorOnly = Object.entries(ROUTE_ACCESS).filter(([, access]) => Array.isArray(access) && access.includes('author')).map(([route]) => route);
    expect(authorOnly).toEqual(['GET /api/disputes', 'POST /api/disputes/items/:itemId/resolve', 'GET /api/authoring/drafts', 'POST /api/authoring/drafts', 'GET /api/authoring/drafts/:id', 'PUT /api/authoring/drafts/:id', 'POST /api/authoring/drafts/:id/submit', 'POST /api/authoring/drafts/:id/review']);
    expect(refusedSignedIn.sort()).toEqual(
      [
        ...['candidate', 'tutor', 'author'].flatMap((who) => [`${who} GET /api/admin/users`, `${who} PUT /api/admin/users/:id/roles`, `${who} GET /api/admin/settings`, `${who} PUT /api/admin/settings`, `${who} GET /api/admin/lti/platforms`, `${who} POST /api/admin/lti/platforms`, `${who} POST /api/admin/lti/platforms/:id/delete`, `${who} POST /api/admin/lti/registrations`]),
        ...['candidate', 'author'].flatMap((who) => tutorOnly.map((route) => `${who} ${route}`)),
        ...['candidate', 'tutor'].flatMap((who) => authorOnly.map((route) => `${who} ${route}`)),
      ].sort(),
    );
  });

  it("answers 404 to anyone, whatever their role, who asks for someone else's attempt", async () => {
    const a = await app(store);
    const admin = await signedUp(a, 'admin@example.com');
    const owner = await signedUp(a, 'owner@example.com');
    const tutor = await signedUp(a, 'tutor@example.com');
    await admin.req('PUT', `/api/admin/users/${tutor.user.id}/roles`, { roles: ['tutor', 'author'] });
    const started = await owner.req('POST', '/api/attempts', { kind: 'practice', exam: 'mla-c01', count: 4, feedback: 'immediate' });
    expect(started.statusCode, started.body).toBe(201);
    const id = (started.json() as AttemptView).id;
    const attemptRoutes = Object.keys(ROUTE_ACCESS).filter((r) => r.includes('/api/attempts/:id'));
    expect(attemptRoutes.length).toBeGreaterThanOrEqual(12);
    for (const other of [tutor, admin]) {
      for (const route of attemptRoutes) {
        const [method, path] = route.split(' ') as ['GET' | 'POST' | 'PUT', string];
        // Valid bodies, so that only ownership can refuse the call.
        const bodies: Record<string, unknown> = {
          answers: { tab: 'tab-other-user', seq: 1, baseRevision: 0, answer: null, flagged: false, struck: [] },
          time: { times: [{ position: 0, ms: 1000 }] },
          notes: { bookmarked: true, note: 'mine now' },
          unsure: { unsure: true },
          disputes: { proposed: ['o1'], reason: 'Someone else disputing this key.' },
        };
        const body = bodies[Object.keys(bodies).find((k) => path.includes(`/${k}`)) ?? ''] ?? {};
        const res = await other.req(method, path.replace(':id', id).replace(':position', '0'), method === 'GET' ? undefined : body);
        expect([res.statusCode, route], res.body).toEqual([404, route]);
      }
    }
    // The owner still has it, untouched.
    expect((await owner.req('GET', `/api/attempts/${id}`)).json().status).toBe('open');
  });

  it('makes the first account of a laptop server its administrator, and only the first', async () => {
    const a = await app(store, true);
    const first = await signedUp(a, 'first@example.com');
    expect(first.user.roles).toEqual(['admin']);
    expect((await signedUp(a, 'second@example.com')).user.roles).toEqual([]);
    // Alone with no other account, the administrator may delete theirs; the next account then administers.
    const solo = await app(store, true);
    const owner = await signedUp(solo, 'owner@example.com');
    const gone = await owner.req('POST', '/api/account/delete', { password: 'correct horse battery', keepAnonymisedAnswers: true });
    expect(gone.statusCode, gone.body).toBe(204);
    expect((await signedUp(solo, 'next@example.com')).user.roles).toEqual(['admin']);
  });

  it('on a server others can reach, makes an administrator only of whoever enters the one-time setup code', async () => {
    const a = await app(store, false);
    const first = await signedUp(a, 'first@example.com');
    expect(first.user.roles).toEqual([]);
    expect((await first.req('GET', '/api/session')).json().adminSetup).toBe(true);
    const service = new AdminService({ db: a.db, now: () => T0, loopbackOnly: false });
    const code = (await service.issueSetupCode())!;
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{4}(-[A-HJ-NP-Z2-9]{4}){4}$/);
    const wrong = await first.req('POST', '/api/admin/claim', { code: 'AAAA-BBBB-CCCC-DDDD-EEEE' });
    expect([wrong.statusCode, wrong.json().error.message]).toEqual([400, 'That setup code is not the one the server printed at start-up: check it, or restart the server for a new one.']);
    expect((await first.req('GET', '/api/admin/users')).statusCode).toBe(403);
    // Case, spaces and dashes do not matter: it is read off a terminal.
    const right = await first.req('POST', '/api/admin/claim', { code: ` ${code.toLowerCase().replace(/-/g, ' ')} ` });
    expect(right.statusCode, right.body).toBe(200);
    expect((await first.req('GET', '/api/session')).json()).toMatchObject({ user: { roles: ['admin'] }, adminSetup: false });
    expect((await first.req('GET', '/api/admin/users')).statusCode).toBe(200);
    // Spent: nobody else can use it, and no new code is issued while an administrator exists.
    const second = await signedUp(a, 'second@example.com');
    const again = await second.req('POST', '/api/admin/claim', { code });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'admin-exists']);
    expect(await service.issueSetupCode()).toBeUndefined();
    expect(await new AdminService({ db: a.db, now: () => T0, loopbackOnly: true }).issueSetupCode()).toBeUndefined();
  });

  it('gives and takes roles, lists accounts, and never leaves the server without an administrator', async () => {
    const a = await app(store);
    const admin = await signedUp(a, 'admin@example.com');
    const lee = await signedUp(a, 'lee@example.com');
    await signedUp(a, 'sam@example.com');
    const listed = (await admin.req('GET', '/api/admin/users?q=LEE')).json() as { users: User[]; total: number };
    expect([listed.total, listed.users.map((u) => u.email)]).toEqual([1, ['lee@example.com']]);
    expect(((await admin.req('GET', '/api/admin/users')).json() as { total: number }).total).toBe(3);

    // In the order the roles are listed, whatever the order given.
    expect((await admin.req('PUT', `/api/admin/users/${lee.user.id}/roles`, { roles: ['author', 'tutor'] })).json().roles).toEqual(['tutor', 'author']);
    expect((await lee.req('GET', '/api/session')).json().user.roles).toEqual(['tutor', 'author']);
    expect((await admin.req('PUT', `/api/admin/users/${lee.user.id}/roles`, { roles: ['teacher'] })).statusCode).toBe(400);
    expect((await admin.req('PUT', '/api/admin/users/no-such-user/roles', { roles: [] })).statusCode).toBe(404);

    const alone = await admin.req('PUT', `/api/admin/users/${admin.user.id}/roles`, { roles: [] });
    expect([alone.statusCode, alone.json().error.code]).toEqual([409, 'last-admin']);
    const deleting = await admin.req('POST', '/api/account/delete', { password: 'correct horse battery', keepAnonymisedAnswers: false });
    expect([deleting.statusCode, deleting.json().error.code]).toEqual([409, 'last-admin']);
    await admin.req('PUT', `/api/admin/users/${lee.user.id}/roles`, { roles: ['admin'] });
    expect((await admin.req('PUT', `/api/admin/users/${admin.user.id}/roles`, { roles: ['author'] })).statusCode).toBe(200);
    // The change applies at once: the former administrator is refused the next call.
    expect((await admin.req('GET', '/api/admin/users')).statusCode).toBe(403);
    expect((await lee.req('GET', '/api/admin/users')).statusCode).toBe(200);
  });
});
