import { describe, expect, it } from 'vitest';
import type { AttemptView, LtiCourse, ScoreReport } from '../../core/api/contracts.ts';
import { accountsApp } from '../../../test/helpers/accounts-app.ts';
import { InjectClient } from '../../../test/helpers/inject-client.ts';
import { launchThrough, ROLE, SimulatedPlatform } from '../../../test/helpers/lti-platform.ts';
import { fixtureProject } from '../../../test/helpers/fixture-project.ts';
import { loadExam } from '../../../test/helpers/load-exam.ts';
import { syntheticRightAnswer, syntheticWrongAnswer } from '../../../test/helpers/synthetic-bank.ts';
import { STORES, useStores, type StoreName } from '../../../test/helpers/stores.ts';
import { CLAIM } from './lti-claims.ts';

const exam = loadExam('mla-c02');
const stores = useStores();
const T0 = Date.parse('2026-12-03T09:00:00Z');

/** A tool with an administrator who registered the simulated platform. */
async function setup(store: StoreName) {
  let platform!: SimulatedPlatform;
  const app = await accountsApp(stores, store, { exam, t0: T0, projects: [fixtureProject(exam)], app: { ltiFetch: (url, init) => platform.fetch(url, init), ltiGradeSyncMs: 0 } });
  platform = await SimulatedPlatform.create(app.app, () => app.clock.t);
  const admin = await app.signUp('admin@example.com');
  expect((await admin.req('POST', '/api/admin/lti/platforms', platform.registration)).statusCode).toBe(201);
  /** A launch by `sub`, and a client holding the session it hands to the app. */
  const launch = async (sub: string, role: 'learner' | 'instructor', over: Record<string, unknown> = {}) => {
    const flow = await launchThrough(app.app, platform, platform.claims(sub, role, over), { nowMs: app.clock.t });
    expect(flow.launch?.statusCode, flow.launch?.body).toBe(303);
    expect(flow.exchange?.statusCode, flow.exchange?.body).toBe(200);
    const client = new InjectClient(app.app);
    client.bearer = flow.exchange!.json().token;
    return { client, landing: flow.exchange!.json().landing as { route: string; chooseExam?: string; deepLink?: string } };
  };
  const count = async (table: 'sessions' | 'users' | 'lti_handoffs') => Number((await app.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { ...app, platform, admin, launch, count };
}

describe.each(STORES)('LTI 1.3 launch, on %s', (store) => {
  it('an instructor launch makes a tutor and the course cohort; a learner lands on the link’s mock in a session without cookies; the grade goes back, and again after a re-score', async () => {
    const { launch, platform, db, clock, lti, admin, count } = await setup(store);
    const sessionsBefore = await count('sessions');
    const teacher = await launch('t-1', 'instructor');
    const me = (await teacher.client.req('GET', '/api/session')).json().user;
    expect(me).toMatchObject({ name: 'Irène Instructor', email: 't-1@lms.example.edu', roles: ['tutor'] });
    const cohortId = teacher.landing.chooseExam!;
    expect(teacher.landing).toEqual({ route: `/lti/course/${cohortId}`, chooseExam: cohortId });
    expect((await teacher.client.req('GET', `/api/cohorts/${cohortId}`)).json()).toMatchObject({ name: 'ML Engineer Associate, spring cohort', exam: 'mla-c02' });
    expect((await teacher.client.req('POST', `/api/lti/courses/${cohortId}/exam`, { exam: 'mla-c01' })).json().error.message).toBe('There is no exam "mla-c01".');
    expect((await teacher.client.req('POST', `/api/lti/courses/${cohortId}/exam`, { exam: 'mla-c02' })).statusCode).toBe(204);
    expect((await launch('t-1', 'instructor')).landing).toEqual({ route: `/cohorts/${cohortId}` });
    expect(await count('sessions')).toBe(sessionsBefore + 2);

    const learner = await launch('s-1', 'learner');
    expect(learner.landing).toEqual({ route: '/mock/short' });
    const user = (await learner.client.req('GET', '/api/session')).json().user;
    expect(user).toMatchObject({ name: 'Learner s-1', exam: 'mla-c02', roles: [] });
    // The bearer session needs no CSRF token; the same request with no session is refused.
    const view = (await learner.client.req('POST', '/api/attempts', { kind: 'mock', exam: 'mla-c02', profile: 'short' })).json() as AttemptView;
    expect(view.items).toHaveLength(10);
    await learner.client.answerAll(view, view.items.map((i) => i.position), syntheticWrongAnswer);
    const report = (await learner.client.req('POST', `/api/attempts/${view.id}/submit`)).json() as ScoreReport;
    expect(((await teacher.client.req('GET', `/api/cohorts/${cohortId}`)).json() as { roster: { name: string }[] }).roster.map((m) => m.name)).toEqual(['Learner s-1']);

    expect(await lti.grades.sync()).toEqual({ sent: 1, failed: 0 });
    expect(platform.scores).toEqual([{ lineitem: platform.lineitem(1), score: expect.objectContaining({ userId: 's-1', scoreGiven: report.scaled, scoreMaximum: 1000, activityProgress: 'Completed', gradingProgress: 'FullyGraded' }) }]);
    expect(await lti.grades.sync()).toEqual({ sent: 0, failed: 0 });

    // An accepted key dispute re-scores the mock: the new scaled score goes to the gradebook.
    const wrong = report.items.find((i) => i.type === 'single' && !i.correct && i.scored)!;
    const chosen = wrong.options!.find((o) => o.chosen)!;
    expect((await learner.client.req('POST', `/api/attempts/${view.id}/disputes/${wrong.position}`, { proposed: [chosen.id], reason: 'The documentation says otherwise about this.' })).statusCode).toBe(201);
    await admin.req('PUT', `/api/admin/users/${admin.user.id}/roles`, { roles: ['admin', 'author'] });
    const queue = (await admin.req('GET', '/api/disputes')).json() as { items: { itemId: string; options: { id: string; proposedBy: number }[] }[] };
    const option = queue.items[0]!.options.find((o) => o.proposedBy === 1)!;
    clock.t += 60_000;
    expect((await admin.req('POST', `/api/disputes/items/${wrong.itemId}/resolve`, { decision: 'accept', reason: 'The page supports the candidate.', key: [option.id] })).statusCode).toBe(200);
    const rescored = (await learner.client.req('GET', `/api/attempts/${view.id}/report`)).json() as ScoreReport;
    expect(rescored.scaled).toBeGreaterThan(report.scaled!);
    platform.failScores = 1;
    expect(await lti.grades.sync()).toEqual({ sent: 0, failed: 1 });
    const failed = (await teacher.client.req('GET', `/api/cohorts/${cohortId}/lti`)).json() as LtiCourse;
    expect(failed).toEqual({ course: true, rosterService: true, grades: [{ member: 'Learner s-1', activity: 'Full mock exam', scoreGiven: rescored.scaled, scoreMaximum: 1000, status: 'failed', tries: 1, error: 'the platform refused the grade: HTTP 503 gradebook busy', sentAt: null }] });
    expect((await learner.client.req('GET', `/api/cohorts/${cohortId}/lti`)).statusCode).toBe(403);
    // Retried after a minute.
    expect(await lti.grades.sync()).toEqual({ sent: 0, failed: 0 });
    clock.t += 61_000;
    expect(await lti.grades.sync()).toEqual({ sent: 1, failed: 0 });
    expect(platform.scores.map((s) => s.score.scoreGiven)).toEqual([report.scaled, rescored.scaled]);
    expect(((await teacher.client.req('GET', `/api/cohorts/${cohortId}/lti`)).json() as LtiCourse).grades[0]).toMatchObject({ status: 'sent', tries: 2, error: null });
    expect(platform.tokenRequests.map((t) => t.scope)).toEqual(['https://purl.imsglobal.org/spec/lti-ags/scope/score']);
    expect(await db.selectFrom('lti_users').select('subject').orderBy('subject').execute()).toEqual([{ subject: 's-1' }, { subject: 't-1' }]);
  });

  it('an account made by a launch has no password: the session says so, and it is deleted by confirming its email', async () => {
    const { launch, signUp, count } = await setup(store);
    const learner = await launch('s-1', 'learner');
    expect((await learner.client.req('GET', '/api/session')).json()).toMatchObject({ passwordSet: false, user: { email: 's-1@lms.example.edu' } });
    expect((await (await signUp('ann@example.com')).req('GET', '/api/session')).json().passwordSet).toBe(true);
    const users = await count('users');
    const wrong = await learner.client.req('POST', '/api/account/delete', { email: 'someone@else.example', keepAnonymisedAnswers: false });
    expect([wrong.statusCode, wrong.json().error]).toEqual([403, { code: 'wrong-confirmation', message: "Type the account's email, s-1@lms.example.edu, to confirm: the account was not deleted." }]);
    expect((await learner.client.req('POST', '/api/account/delete', { password: '!', keepAnonymisedAnswers: false })).statusCode).toBe(403);
    expect((await learner.client.req('POST', '/api/account/delete', { email: ' S-1@lms.example.edu ', keepAnonymisedAnswers: false })).statusCode).toBe(204);
    expect(await count('users')).toBe(users - 1);
    expect((await learner.client.req('GET', '/api/session')).json().user).toBeNull();
  });

  it('a module link sends the best score of the module’s quizzes', async () => {
    const { launch, platform, lti } = await setup(store);
    const teacher = await launch('t-1', 'instructor');
    expect((await teacher.client.req('POST', `/api/lti/courses/${teacher.landing.chooseExam!}/exam`, { exam: 'mla-c02' })).statusCode).toBe(204);
    const learner = await launch('s-1', 'learner', {
      [CLAIM.resourceLink]: { id: 'link-3', title: 'Module 1' },
      [CLAIM.custom]: { certprep_target: 'module:1' },
      [CLAIM.ags]: { scope: ['https://purl.imsglobal.org/spec/lti-ags/scope/score'], lineitems: `${platform.issuer}/mod/lti/services.php/2/lineitems`, lineitem: platform.lineitem(3) },
    });
    const quiz = async (right: number) => {
      const view = (await learner.client.req('POST', '/api/attempts', { kind: 'practice', exam: 'mla-c02', modules: [1], quiz: true, count: 3, feedback: 'end' })).json() as AttemptView;
      await learner.client.answerAll(view, view.items.map((i) => i.position), (item) => (item.position < right ? syntheticRightAnswer(item) : syntheticWrongAnswer(item)));
      expect((await learner.client.req('POST', `/api/attempts/${view.id}/submit`)).statusCode).toBe(200);
      return view.items.length;
    };
    const asked = await quiz(6);
    expect(await lti.grades.sync()).toEqual({ sent: 1, failed: 0 });
    await quiz(4);
    // A lower score later changes nothing; a better one is sent.
    expect(await lti.grades.sync()).toEqual({ sent: 0, failed: 0 });
    await quiz(8);
    expect(await lti.grades.sync()).toEqual({ sent: 1, failed: 0 });
    expect(platform.scores.map((s) => [s.lineitem, s.score.scoreGiven, s.score.scoreMaximum, s.score.gradingProgress])).toEqual([
      [platform.lineitem(3), 6, asked, 'FullyGraded'],
      [platform.lineitem(3), 8, asked, 'FullyGraded'],
    ]);
  });

  it('a project goes to the gradebook as submitted and awaiting grading, with no score, then with its grade once a tutor grades it', async () => {
    const { launch, platform, lti } = await setup(store);
    const teacher = await launch('t-1', 'instructor');
    const cohortId = teacher.landing.chooseExam!;
    expect((await teacher.client.req('POST', `/api/lti/courses/${cohortId}/exam`, { exam: 'mla-c02' })).statusCode).toBe(204);
    const projectLink = {
      [CLAIM.resourceLink]: { id: 'link-2', title: 'Project 1' },
      [CLAIM.custom]: { certprep_target: 'project:feature-pipeline' },
      [CLAIM.ags]: { scope: ['https://purl.imsglobal.org/spec/lti-ags/scope/score'], lineitems: `${platform.issuer}/mod/lti/services.php/2/lineitems`, lineitem: platform.lineitem(2) },
    };
    const learner = await launch('s-1', 'learner', projectLink);
    // Launched, nothing submitted: nothing to send.
    expect(await lti.grades.sync()).toEqual({ sent: 0, failed: 0 });
    const submitted = await learner.client.form('/api/projects/feature-pipeline/submissions', { exam: 'mla-c02', text: 'The pipeline stops a bad batch.' });
    expect(submitted.statusCode, submitted.body).toBe(201);

    expect(await lti.grades.sync()).toEqual({ sent: 1, failed: 0 });
    expect(platform.scores).toEqual([{ lineitem: platform.lineitem(2), score: { userId: 's-1', activityProgress: 'Submitted', gradingProgress: 'PendingManual', timestamp: new Date(T0).toISOString() } }]);
    const awaiting = (await teacher.client.req('GET', `/api/cohorts/${cohortId}/lti`)).json() as LtiCourse;
    expect(awaiting.grades).toEqual([{ member: 'Learner s-1', activity: 'Project 1', scoreGiven: null, scoreMaximum: null, status: 'sent', tries: 1, error: null, sentAt: new Date(T0).toISOString() }]);
    expect(await lti.grades.sync()).toEqual({ sent: 0, failed: 0 });

    const graded = await teacher.client.req('POST', `/api/project-submissions/${submitted.json().id}/grade`, { levels: { quality: 3, features: 2, security: 0, cost: 3 } });
    expect(graded.statusCode, graded.body).toBe(200);
    expect(await lti.grades.sync()).toEqual({ sent: 1, failed: 0 });
    expect(platform.scores[1]).toEqual({ lineitem: platform.lineitem(2), score: { userId: 's-1', scoreGiven: 8, scoreMaximum: 12, activityProgress: 'Completed', gradingProgress: 'FullyGraded', timestamp: new Date(T0).toISOString() } });
    expect(((await teacher.client.req('GET', `/api/cohorts/${cohortId}/lti`)).json() as LtiCourse).grades[0]).toMatchObject({ scoreGiven: 8, scoreMaximum: 12, status: 'sent', tries: 1 });
  });
});

describe.each(STORES)('LTI 1.3 launch refused, on %s', (store) => {
  it('every failed check gives an error page naming the reason, and no session', async () => {
    const { app, platform, clock, count } = await setup(store);
    const foreign = await SimulatedPlatform.foreignKey();
    const good = platform.claims('s-9', 'learner');
    const now = () => clock.t;
    const cases: [string, Parameters<typeof launchThrough>[3]['token'] | undefined, Record<string, unknown>, ((s: string) => string) | undefined][] = [
      ['bad-signature', (nonce) => platform.idToken(good, { nonce, nowMs: now(), key: foreign, kid: platform.keys[0]!.kid }), good, undefined],
      ['unknown-key', (nonce) => platform.idToken(good, { nonce, nowMs: now(), key: foreign }), good, undefined],
      ['unknown-platform', (nonce) => platform.idToken(good, { nonce, nowMs: now(), aud: 'another-tool' }), good, undefined],
      ['wrong-audience', (nonce) => platform.idToken(good, { nonce, nowMs: now(), aud: [platform.clientId, 'another-tool'] }), good, undefined],
      ['expired', (nonce) => platform.idToken(good, { nonce, nowMs: now() - 3_600_000, expInS: 60 }), good, undefined],
      ['bad-iat', (nonce) => platform.idToken(good, { nonce, nowMs: now(), iatOffsetS: 600, expInS: 900 }), good, undefined],
      ['replayed', (_nonce) => platform.idToken(good, { nonce: 'a-nonce-of-another-login', nowMs: now() }), good, undefined],
      ['unknown-deployment', undefined, platform.claims('s-9', 'learner', { [CLAIM.deploymentId]: '99' }), undefined],
      ['wrong-message-type', undefined, platform.claims('s-9', 'learner', { [CLAIM.messageType]: 'LtiSubmissionReviewRequest' }), undefined],
      ['wrong-version', undefined, platform.claims('s-9', 'learner', { [CLAIM.version]: '1.1' }), undefined],
      ['wrong-target', undefined, platform.claims('s-9', 'learner', { [CLAIM.targetLinkUri]: 'https://evil.example.com/lti/launch' }), undefined],
      ['bad-claims', undefined, platform.claims('s-9', 'learner', { [CLAIM.resourceLink]: undefined }), undefined],
      ['bad-state', undefined, good, (state) => `${state}x`],
    ];
    const sessions = await count('sessions');
    const users = await count('users');
    for (const [code, token, claims, state] of cases) {
      const flow = await launchThrough(app, platform, claims, { nowMs: now(), ...(token ? { token } : {}), ...(state ? { state } : {}) });
      expect([code, flow.launch?.statusCode, flow.launch?.headers['content-type']]).toEqual([code, 400, 'text/html; charset=utf-8']);
      expect(flow.launch!.body, code).toContain(`<code>lti-${code}</code>`);
      expect(flow.exchange).toBeUndefined();
    }
    expect([await count('sessions'), await count('users'), await count('lti_handoffs')]).toEqual([sessions, users, 0]);

    // A launch replayed as it was (same token, same state): the state was spent.
    const once = await launchThrough(app, platform, good, { nowMs: now() });
    expect(once.exchange?.statusCode).toBe(200);
    const again = await app.inject({ method: 'POST', url: '/lti/launch', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ id_token: once.idToken!, state: once.state! }).toString() });
    expect([again.statusCode, again.body]).toEqual([400, expect.stringContaining('lti-bad-state')]);
    // The code works once.
    const code = await app.inject({ method: 'POST', url: '/api/lti/session', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ code: once.code }) });
    expect([code.statusCode, code.json().error.code]).toEqual([401, 'lti-handoff']);
    // French for a French browser; an unregistered issuer at login.
    const login = await app.inject({ method: 'GET', url: `/lti/login?iss=${encodeURIComponent('https://other.example.org')}&login_hint=x&target_link_uri=${encodeURIComponent('http://localhost/lti/launch')}`, headers: { 'accept-language': 'fr-FR,fr;q=0.9' } });
    expect([login.statusCode, login.body]).toEqual([400, expect.stringContaining("Cette plateforme de cours n’est pas enregistrée dans certprep.")]);
  });

  it('a platform that rotates its key is refetched once for the new key id', async () => {
    const { app, platform, clock, launch } = await setup(store);
    await launch('s-1', 'learner');
    await platform.rotateKey();
    clock.t += 11_000;
    expect((await launch('s-1', 'learner')).landing.route).toBe('/mock/short');
  });
});

describe.each(STORES)('LTI deep linking and roster, on %s', (store) => {
  it('an instructor places activities: a signed deep-linking response with a grade column for graded ones', async () => {
    const { platform, launch, app } = await setup(store);
    const dl = await launch('t-1', 'instructor', { [CLAIM.messageType]: 'LtiDeepLinkingRequest', [CLAIM.resourceLink]: undefined, [CLAIM.deepLinking]: { deep_link_return_url: `${platform.issuer}/mod/lti/contentitem_return.php?course=2`, accept_types: ['ltiResourceLink'], data: 'opaque-42' } });
    const id = dl.landing.deepLink!;
    expect(dl.landing.route).toBe(`/lti/deep-link/${id}`);
    const offered = (await dl.client.req('GET', `/api/lti/deep-links/${id}`)).json() as { exam: string; chooseExam: boolean; exams: { id: string }[]; options: Record<string, { target: string; scoreMaximum: number | null }[]> };
    // The course is new: the instructor chooses its exam version while placing activities.
    expect([offered.exam, offered.chooseExam, offered.exams.map((e) => e.id)]).toEqual(['mla-c02', true, ['mla-c02']]);
    expect(offered.options['mla-c02']!.map((o) => o.target)).toEqual(expect.arrayContaining(['path', 'mock:standard', 'mock:short', 'module:1', 'practice:1']));
    expect((await dl.client.req('POST', `/api/lti/deep-links/${id}`, { targets: ['path'], exam: 'mla-c09' })).json().error.message).toBe('There is no exam "mla-c09".');
    expect((await dl.client.req('POST', `/api/lti/deep-links/${id}`, { targets: ['mock:nope'] })).json().error.message).toBe('certprep offers no activity mock:nope for MLA-C02.');
    const res = (await dl.client.req('POST', `/api/lti/deep-links/${id}`, { targets: ['mock:standard', 'path'], exam: 'mla-c02' })).json() as { returnUrl: string; jwt: string };
    expect(res.returnUrl).toBe(`${platform.issuer}/mod/lti/contentitem_return.php?course=2`);
    const { createLocalJWKSet, jwtVerify } = await import('jose');
    const jwks = (await app.inject({ method: 'GET', url: '/lti/jwks' })).json();
    const { payload } = await jwtVerify(res.jwt, createLocalJWKSet(jwks), { issuer: platform.clientId, audience: platform.issuer, currentDate: new Date(T0) });
    expect(payload).toMatchObject({ [CLAIM.messageType]: 'LtiDeepLinkingResponse', [CLAIM.version]: '1.3.0', [CLAIM.deploymentId]: platform.deploymentId, [CLAIM.dlData]: 'opaque-42' });
    expect(payload[CLAIM.contentItems]).toEqual([
      { type: 'ltiResourceLink', title: 'Full mock exam (MLA-C02)', url: 'http://localhost:80/lti/launch', custom: { certprep_target: 'mock:standard' }, lineItem: { scoreMaximum: 1000, label: 'Full mock exam (MLA-C02)', resourceId: 'mock:standard' } },
      { type: 'ltiResourceLink', title: 'Study path (MLA-C02)', url: 'http://localhost:80/lti/launch', custom: { certprep_target: 'path' } },
    ]);
    // Answered once; the course's exam is now chosen (the next instructor launch opens the cohort); a learner cannot ask to place activities.
    expect((await dl.client.req('POST', `/api/lti/deep-links/${id}`, { targets: ['path'] })).statusCode).toBe(404);
    expect((await launch('t-1', 'instructor')).landing.route).toMatch(/^\/cohorts\/[0-9a-f-]{36}$/);
    const flow = await launchThrough(app, platform, platform.claims('s-1', 'learner', { [CLAIM.messageType]: 'LtiDeepLinkingRequest', [CLAIM.resourceLink]: undefined, [CLAIM.deepLinking]: { deep_link_return_url: `${platform.issuer}/x` } }), { nowMs: T0 });
    expect([flow.launch?.statusCode, flow.launch?.body]).toEqual([403, expect.stringContaining('lti-wrong-message-type')]);
  });

  it('the roster comes from the platform: members added (instructors as tutors), those gone or inactive removed, invite-code members kept', async () => {
    const { platform, launch, signUp } = await setup(store);
    const teacher = await launch('t-1', 'instructor');
    const cohortId = teacher.landing.chooseExam!;
    platform.members = [
      { user_id: 't-1', roles: [ROLE.instructor], name: 'Irène Instructor' },
      { user_id: 's-1', roles: [ROLE.learner], name: 'Ana Learner', email: 'ana@lms.example.edu' },
      { user_id: 's-2', roles: [ROLE.learner], name: 'Bo Learner' },
      { user_id: 's-3', roles: [ROLE.learner], name: 'Cy Learner', status: 'Inactive' },
      { user_id: 't-2', roles: ['http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant'], name: 'Tess Assistant' },
    ];
    const sync = () => teacher.client.req('POST', `/api/cohorts/${cohortId}/lti-roster`);
    expect((await sync()).json()).toEqual({ added: 2, removed: 0, members: 2, tutors: 2 });
    const invited = await signUp('walk-in@example.com');
    const cohort = (await teacher.client.req('GET', `/api/cohorts/${cohortId}`)).json() as { inviteCode: string; roster: { name: string; email: string }[]; tutors: { name: string }[] };
    expect((await invited.req('POST', '/api/cohorts/join', { code: cohort.inviteCode })).statusCode).toBe(200);
    expect(cohort.roster.map((m) => [m.name, m.email])).toEqual([['Ana Learner', 'ana@lms.example.edu'], ['Bo Learner', expect.stringMatching(/@lti\.invalid$/)]]);
    expect(cohort.tutors.map((t) => t.name).sort()).toEqual(['Irène Instructor', 'Tess Assistant']);
    platform.members = platform.members.filter((m) => m.user_id !== 's-2');
    expect((await sync()).json()).toEqual({ added: 0, removed: 1, members: 1, tutors: 2 });
    const after = (await teacher.client.req('GET', `/api/cohorts/${cohortId}`)).json() as { roster: { name: string }[] };
    expect(after.roster.map((m) => m.name).sort()).toEqual(['Ana Learner', 'Candidate']);
    // The learner who launches later is the same account the roster made.
    const ana = await launch('s-1', 'learner');
    expect((await ana.client.req('GET', '/api/session')).json().user.name).toBe('Learner s-1');
    expect(((await teacher.client.req('GET', `/api/cohorts/${cohortId}`)).json() as { roster: unknown[] }).roster).toHaveLength(2);
  });
});

describe('framing by the registered platforms', () => {
  it('pages may be framed by, and post forms to, a registered platform only; with none registered, by no one', async () => {
    const { app, admin, platform } = await setup('sqlite');
    const page = async () => (await app.inject({ method: 'GET', url: '/lti/login' })).headers;
    const registered = await page();
    expect(registered['content-security-policy']).toMatch(new RegExp(`frame-ancestors 'self' ${platform.issuer}(;|$)`));
    expect(registered['content-security-policy']).toContain(`form-action 'self' ${platform.issuer};`);
    expect(registered['x-frame-options']).toBeUndefined();
    // JSON answers keep the strict policy.
    expect((await app.inject({ method: 'GET', url: '/api/exams' })).headers['x-frame-options']).toBe('DENY');
    const id = ((await admin.req('GET', '/api/admin/lti/platforms')).json() as { id: string }[])[0]!.id;
    expect((await admin.req('POST', `/api/admin/lti/platforms/${id}/delete`)).statusCode).toBe(204);
    const none = await page();
    expect(none['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(none['x-frame-options']).toBe('DENY');
  });
});

describe.each(STORES)('LTI dynamic registration, on %s', (store) => {
  it('an administrator’s one-time URL registers the platform that opens it, then cannot be used again', async () => {
    const { app, platform, admin, signUp } = await setup(store);
    const made = await admin.req('POST', '/api/admin/lti/registrations');
    expect(made.statusCode).toBe(201);
    const { url } = made.json() as { url: string; expiresAt: string };
    expect(url).toMatch(/^http:\/\/localhost:80\/lti\/register\?code=[A-Za-z0-9_-]{32}$/);
    expect((await (await signUp('cand@example.com')).req('POST', '/api/admin/lti/registrations')).statusCode).toBe(403);
    const open = (u: string, token = platform.registrationToken) => app.inject({ method: 'GET', url: `${new URL(u).pathname}${new URL(u).search}&openid_configuration=${encodeURIComponent(platform.openidConfigurationUrl)}&registration_token=${token}` });
    const refused = await open(url, 'wrong');
    expect([refused.statusCode, refused.body]).toEqual([400, expect.stringContaining('The platform refused the registration: HTTP 401')]);
    // A refused attempt spends the URL too: a fresh one registers.
    const second = ((await admin.req('POST', '/api/admin/lti/registrations')).json() as { url: string }).url;
    const done = await open(second);
    expect([done.statusCode, done.body]).toEqual([200, expect.stringContaining(`certprep is registered with ${platform.issuer} (client id dyn-client-1)`)]);
    expect(done.body).toContain('<script src="/lti/close.js"></script>');
    expect(done.headers['content-security-policy']).toContain(`frame-ancestors ${platform.issuer}`);
    expect(platform.registrations[0]).toMatchObject({ initiate_login_uri: 'http://localhost:80/lti/login', redirect_uris: ['http://localhost:80/lti/launch'], jwks_uri: 'http://localhost:80/lti/jwks', token_endpoint_auth_method: 'private_key_jwt', 'https://purl.imsglobal.org/spec/lti-tool-configuration': expect.objectContaining({ domain: 'localhost', messages: [expect.objectContaining({ type: 'LtiDeepLinkingRequest' })] }) });
    const listed = (await admin.req('GET', '/api/admin/lti/platforms')).json() as { clientId: string; deploymentIds: string[]; authUrl: string }[];
    expect(listed.map((p) => [p.clientId, p.deploymentIds, p.authUrl])).toEqual([
      [platform.clientId, [platform.deploymentId], platform.registration.authUrl],
      ['dyn-client-1', ['12'], platform.registration.authUrl],
    ]);
    const again = await open(second);
    expect([again.statusCode, again.body]).toEqual([400, expect.stringContaining('This registration URL is unknown, expired or already used')]);
    // The same person launching through either registration of the platform is one account (a subject is unique per issuer).
    const viaFirst = await launchThrough(app, platform, platform.claims('s-5', 'learner'), { nowMs: T0 });
    const claims = platform.claims('s-5', 'learner', { [CLAIM.deploymentId]: '12' });
    const viaSecond = await launchThrough(app, platform, claims, { nowMs: T0, clientId: 'dyn-client-1', token: (nonce) => platform.idToken(claims, { nonce, nowMs: T0, aud: 'dyn-client-1' }) });
    expect([viaFirst.exchange?.statusCode, viaSecond.exchange?.statusCode]).toEqual([200, 200]);
    const who = async (token: string) => (await app.inject({ method: 'GET', url: '/api/session', headers: { authorization: `Bearer ${token}` } })).json().user.id;
    expect(await who(viaSecond.exchange!.json().token)).toBe(await who(viaFirst.exchange!.json().token));
  });
});
