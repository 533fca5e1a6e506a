import { describe, expect, it } from 'vitest';
import type { AttemptView, CohortView, Discussion, ScoreReport } from '../core/api/contracts.ts';
import { accountsApp, type SignedIn } from '../../test/helpers/accounts-app.ts';
import { loadExam } from '../../test/helpers/load-exam.ts';
import { STORES, useStores, type StoreName } from '../../test/helpers/stores.ts';

const exam = loadExam('mla-c02');
const stores = useStores();
const T0 = Date.parse('2026-12-03T09:00:00Z');

/** Answers every question of a one-per-domain bank in a practice and submits it; the first question's id. */
async function answerEverything(c: SignedIn): Promise<string> {
  const view = (await c.req('POST', '/api/attempts', { kind: 'practice', exam: 'mla-c02', count: 4, feedback: 'end' })).json() as AttemptView;
  await c.answerAll(view);
  return ((await c.req('POST', `/api/attempts/${view.id}/submit`)).json() as ScoreReport).items.map((i) => i.itemId).sort()[0]!;
}

/** Tess tutors a cohort with Ann and Bob; Cid is in no cohort. */
async function setup(store: StoreName) {
  const app = await accountsApp(stores, store, { exam, t0: T0, perDomain: 1 });
  const admin = await app.signUp('admin@example.com');
  const tess = await app.signUp('tess@example.com');
  await admin.req('PUT', `/api/admin/users/${tess.user.id}/roles`, { roles: ['tutor'] });
  const cohort = (await tess.req('POST', '/api/cohorts', { name: 'Winter', exam: 'mla-c02' })).json() as CohortView;
  const [ann, bob, cid] = [await app.signUp('ann@example.com'), await app.signUp('bob@example.com'), await app.signUp('cid@example.com')];
  for (const c of [ann, bob]) await c.req('POST', '/api/cohorts/join', { code: cohort.inviteCode });
  return { ...app, admin, tess, ann, bob, cid };
}

const thread = async (c: SignedIn, itemId: string) => (await c.req('GET', `/api/items/${itemId}/discussion`)).json() as Discussion;

describe.each(STORES)('discussions under questions, on %s', (store) => {
  it('opens once the question is answered, within the cohort unless the administrator makes it global, text kept as typed', async () => {
    const { admin, ann, bob, cid, clock, bank } = await setup(store);
    const before = await ann.req('GET', `/api/items/${bank.activeEntries()[0]!.id}/discussion`);
    expect(before.statusCode).toBe(403);
    expect(before.json().error.code).toBe('answer-first');
    const answered = await answerEverything(ann);
    await answerEverything(bob);
    await answerEverything(cid);
    expect((await thread(ann, answered)).posts).toEqual([]);

    const typed = '<script>alert(1)</script> **not bold**';
    const posted = await ann.req('POST', `/api/items/${answered}/discussion`, { body: `  ${typed}  ` });
    expect(posted.statusCode, posted.body).toBe(201);
    expect((posted.json() as Discussion).posts).toEqual([{ id: expect.any(String), author: 'Candidate', mine: true, createdAt: new Date(T0).toISOString(), body: typed, hidden: false }]);
    expect((await thread(bob, answered)).posts.map((p) => [p.body, p.mine])).toEqual([[typed, false]]);
    expect((await ann.req('GET', '/api/account/export')).json().discussionPosts).toEqual([{ itemId: answered, body: typed, postedAt: new Date(T0).toISOString(), hidden: false }]);
    // Cid shares no cohort with Ann: by default he does not read her; once the administrator opens discussions to all, he does.
    expect((await thread(cid, answered)).posts).toEqual([]);
    expect((await cid.req('PUT', '/api/admin/settings', { discussionScope: 'global' })).statusCode).toBe(403);
    expect((await admin.req('PUT', '/api/admin/settings', { discussionScope: 'global' })).json()).toEqual({ discussionScope: 'global' });
    expect((await thread(cid, answered)).posts.map((p) => p.body)).toEqual([typed]);

    expect((await ann.req('POST', `/api/items/${answered}/discussion`, { body: '   ' })).statusCode).toBe(400);
    for (let i = 2; i <= 5; i++) expect((await ann.req('POST', `/api/items/${answered}/discussion`, { body: `Post ${i}` })).statusCode).toBe(201);
    const sixth = await ann.req('POST', `/api/items/${answered}/discussion`, { body: 'One too many' });
    expect([sixth.statusCode, sixth.json().error.message, sixth.headers['retry-after']]).toEqual([429, 'You have posted 5 times in ten minutes: try again in 10 minutes.', '600']);
    clock.t += 9 * 60_000 + 30_000;
    expect((await ann.req('POST', `/api/items/${answered}/discussion`, { body: 'Nearly' })).json().error.message).toBe('You have posted 5 times in ten minutes: try again in 1 minute.');
    clock.t += 30_000;
    expect((await ann.req('POST', `/api/items/${answered}/discussion`, { body: 'Later' })).statusCode).toBe(201);
  });

  it('a tutor hides posts of their cohorts only and locks a thread; an administrator moderates every post', async () => {
    const { admin, tess, ann, bob, cid } = await setup(store);
    const itemId = await answerEverything(ann);
    await answerEverything(bob);
    await answerEverything(cid);
    await admin.req('PUT', '/api/admin/settings', { discussionScope: 'global' });
    const annPost = (await ann.req('POST', `/api/items/${itemId}/discussion`, { body: 'Why is B wrong?' })).json() as Discussion;
    const cidPost = (await cid.req('POST', `/api/items/${itemId}/discussion`, { body: 'Buy cheap exam dumps here' })).json() as Discussion;
    const annId = annPost.posts[0]!.id;
    const cidId = cidPost.posts.find((p) => p.mine)!.id;

    expect((await bob.req('POST', `/api/items/${itemId}/discussion/${annId}/hide`, { hidden: true })).statusCode).toBe(403);
    // A tutor reads without answering, moderates the members of their cohorts, and nobody else.
    expect((await tess.req('POST', `/api/items/${itemId}/discussion/${cidId}/hide`, { hidden: true })).statusCode).toBe(404);
    const hidden = (await tess.req('POST', `/api/items/${itemId}/discussion/${annId}/hide`, { hidden: true })).json() as Discussion;
    expect(hidden.posts.find((p) => p.id === annId)!.hidden).toBe(true);
    expect((await thread(bob, itemId)).posts.map((p) => p.id)).toEqual([cidId]);
    expect((await thread(ann, itemId)).posts.find((p) => p.id === annId)).toMatchObject({ hidden: true, mine: true });
    expect((await admin.req('POST', `/api/items/${itemId}/discussion/${cidId}/hide`, { hidden: true })).statusCode).toBe(200);
    expect((await thread(bob, itemId)).posts).toEqual([]);

    const locked = (await tess.req('POST', `/api/items/${itemId}/discussion/lock`, { locked: true })).json() as Discussion;
    expect([locked.locked, locked.canPost]).toEqual([true, false]);
    const refused = await bob.req('POST', `/api/items/${itemId}/discussion`, { body: 'Still here?' });
    expect([refused.statusCode, refused.json().error.code]).toEqual([409, 'locked']);
    await tess.req('POST', `/api/items/${itemId}/discussion/lock`, { locked: false });
    expect((await bob.req('POST', `/api/items/${itemId}/discussion`, { body: 'Still here?' })).statusCode).toBe(201);
  });
});
