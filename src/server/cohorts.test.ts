import { describe, expect, it } from 'vitest';
import type { CohortList, CohortView } from '../core/api/contracts.ts';
import { loadExam } from '../../test/helpers/load-exam.ts';
import { accountsApp } from '../../test/helpers/accounts-app.ts';
import { STORES, useStores, type StoreName } from '../../test/helpers/stores.ts';

const exam = loadExam('mla-c01');
const stores = useStores();
const T0 = Date.parse('2026-12-03T09:00:00Z');

/** A laptop server whose first account is the administrator, who makes tutors; the others are candidates. */
async function setup(store: StoreName) {
  const { signUp: client, clock } = await accountsApp(stores, store, { exam, t0: T0, perDomain: 4 });
  const admin = await client('admin@example.com');
  const tutor = async (email: string) => {
    const c = await client(email);
    expect((await admin.req('PUT', `/api/admin/users/${c.user.id}/roles`, { roles: ['tutor'] })).statusCode).toBe(200);
    return c;
  };
  return { admin, client, tutor, clock };
}

describe.each(STORES)('cohorts, on %s', (store) => {
  it('a tutor creates a cohort, candidates join with its code, the tutor sees the roster and removes a member', async () => {
    const { client, tutor } = await setup(store);
    const tess = await tutor('tess@example.com');
    const created = await tess.req('POST', '/api/cohorts', { name: '  Spring cohort  ', exam: 'mla-c01', examDate: '2027-03-01', accessUntil: '2027-12-03' });
    expect(created.statusCode, created.body).toBe(201);
    const cohort = created.json() as CohortView;
    expect(cohort).toMatchObject({ name: 'Spring cohort', exam: 'mla-c01', examDate: '2027-03-01', accessUntil: '2027-12-03', members: 0, roster: [], tutors: [{ id: tess.user.id }] });
    expect(cohort.inviteCode).toMatch(/^[A-HJ-NP-Z2-9]{12}$/);

    const ann = await client('ann@example.com');
    const bob = await client('bob@example.com');
    // The code as a person types it: lower case, with spaces and dashes.
    const typed = cohort.inviteCode!.toLowerCase().replace(/(.{4})/g, '$1 -').trim();
    const joined = await ann.req('POST', '/api/cohorts/join', { code: typed });
    expect(joined.statusCode, joined.body).toBe(200);
    expect(joined.json()).toEqual({ id: cohort.id, name: 'Spring cohort', exam: 'mla-c01', examDate: '2027-03-01', accessUntil: '2027-12-03', members: 1 });
    expect((await ann.req('POST', '/api/cohorts/join', { code: cohort.inviteCode })).json().members).toBe(1); // again: nothing changes
    await bob.req('POST', '/api/cohorts/join', { code: cohort.inviteCode });

    const view = (await tess.req('GET', `/api/cohorts/${cohort.id}`)).json() as CohortView;
    expect(view.roster.map((m) => m.email).sort()).toEqual(['ann@example.com', 'bob@example.com']);
    expect(Object.keys(view.roster[0]!).sort()).toEqual(['email', 'id', 'joinedAt', 'name']);
    const lists = (await ann.req('GET', '/api/cohorts')).json() as CohortList;
    expect(lists).toEqual({ teaching: [], member: [{ id: cohort.id, name: 'Spring cohort', exam: 'mla-c01', examDate: '2027-03-01', accessUntil: '2027-12-03', members: 2 }] });
    expect(((await tess.req('GET', '/api/cohorts')).json() as CohortList).teaching[0]).toMatchObject({ id: cohort.id, members: 2, inviteCode: cohort.inviteCode });

    const removed = await tess.req('POST', `/api/cohorts/${cohort.id}/members/${bob.user.id}/remove`);
    expect((removed.json() as CohortView).roster.map((m) => m.email)).toEqual(['ann@example.com']);
    expect(((await bob.req('GET', '/api/cohorts')).json() as CohortList).member).toEqual([]);
    expect((await tess.req('POST', `/api/cohorts/${cohort.id}/members/${bob.user.id}/remove`)).statusCode).toBe(404);
    // The member's export says which cohorts they are in.
    expect((await ann.req('GET', '/api/account/export')).json().cohorts).toMatchObject([{ name: 'Spring cohort', exam: 'mla-c01' }]);
    // A member leaves on their own.
    expect((await ann.req('POST', `/api/cohorts/${cohort.id}/leave`)).statusCode).toBe(204);
    expect((await ann.req('POST', `/api/cohorts/${cohort.id}/leave`)).statusCode).toBe(404);
  });

  it('keeps a cohort to its own tutors: another tutor, the administrator and its members get 404', async () => {
    const { admin, client, tutor } = await setup(store);
    const tess = await tutor('tess@example.com');
    const other = await tutor('otto@example.com');
    const cohort = (await tess.req('POST', '/api/cohorts', { name: 'Mine', exam: 'mla-c01' })).json() as CohortView;
    const ann = await client('ann@example.com');
    await ann.req('POST', '/api/cohorts/join', { code: cohort.inviteCode });
    for (const outsider of [other, admin, ann]) {
      expect((await outsider.req('GET', `/api/cohorts/${cohort.id}`)).statusCode).toBeOneOf([403, 404]);
      expect((await outsider.req('POST', `/api/cohorts/${cohort.id}/invite`)).statusCode).toBeOneOf([403, 404]);
      expect((await outsider.req('POST', `/api/cohorts/${cohort.id}/members/${ann.user.id}/remove`)).statusCode).toBeOneOf([403, 404]);
    }
    // A tutor of another cohort (and the administrator, who passes the role check) learn nothing: 404, not 403.
    expect((await other.req('GET', `/api/cohorts/${cohort.id}`)).statusCode).toBe(404);
    expect((await admin.req('GET', `/api/cohorts/${cohort.id}`)).statusCode).toBe(404);
    expect((await ann.req('GET', `/api/cohorts/${cohort.id}`)).statusCode).toBe(403); // a candidate lacks the role
    expect(((await tess.req('GET', `/api/cohorts/${cohort.id}`)).json() as CohortView).roster).toHaveLength(1);
  });

  it('refuses a bad cohort with the reason, a wrong code, a cohort whose access ended, and changes the invite code', async () => {
    const { client, tutor, clock } = await setup(store);
    const tess = await tutor('tess@example.com');
    const bad = async (body: unknown) => (await tess.req('POST', '/api/cohorts', body)).json().error.message as string;
    expect(await bad({ name: 'X', exam: 'mla-c09' })).toBe('There is no exam "mla-c09".');
    expect(await bad({ name: 'X', exam: 'mla-c01', accessUntil: '2026-12-03' })).toBe('The end of access 2026-12-03 is not after today (2026-12-03).');
    expect(await bad({ name: 'X', exam: 'mla-c01', examDate: '2026-11-30' })).toBe('The exam date 2026-11-30 is before today (2026-12-03).');
    expect(await bad({ name: '   ', exam: 'mla-c01' })).toContain('give the cohort a name');

    const cohort = (await tess.req('POST', '/api/cohorts', { name: 'Short', exam: 'mla-c01', accessUntil: '2026-12-10' })).json() as CohortView;
    const ann = await client('ann@example.com');
    const wrong = await ann.req('POST', '/api/cohorts/join', { code: 'ABCD-EFGH-JKLM' });
    expect([wrong.statusCode, wrong.json().error.message]).toEqual([404, 'A cohort with this invite code was not found.']);

    const renewed = (await tess.req('POST', `/api/cohorts/${cohort.id}/invite`)).json() as CohortView;
    expect(renewed.inviteCode).not.toBe(cohort.inviteCode);
    expect((await ann.req('POST', '/api/cohorts/join', { code: cohort.inviteCode })).statusCode).toBe(404);

    clock.t = Date.parse('2026-12-11T09:00:00Z');
    const cy = await client('cy@example.com');
    const late = await cy.req('POST', '/api/cohorts/join', { code: renewed.inviteCode });
    expect([late.statusCode, late.json().error]).toEqual([409, { code: 'cohort-closed', message: 'The cohort "Short" ended on 2026-12-10: ask your tutor.' }]);
  });
  it('a tutor adds another tutor by email, who then runs the cohort too; a candidate cannot be made its tutor', async () => {
    const { client, tutor } = await setup(store);
    const tess = await tutor('tess@example.com');
    const tom = await tutor('tom@example.com');
    const ann = await client('ann@example.com');
    const cohort = (await tess.req('POST', '/api/cohorts', { name: 'Spring', exam: 'mla-c01' })).json() as CohortView;
    expect((await tom.req('GET', `/api/cohorts/${cohort.id}`)).statusCode).toBe(404);
    expect((await tom.req('POST', `/api/cohorts/${cohort.id}/tutors`, { email: 'tom@example.com' })).statusCode).toBe(404);
    const refused = await tess.req('POST', `/api/cohorts/${cohort.id}/tutors`, { email: 'ann@example.com' });
    expect([refused.statusCode, refused.json().error.message]).toEqual([400, 'No tutor has the email ann@example.com: an administrator gives the tutor role first.']);
    const added = (await tess.req('POST', `/api/cohorts/${cohort.id}/tutors`, { email: ' Tom@Example.com ' })).json() as CohortView;
    expect(added.tutors.map((x) => x.id).sort()).toEqual([tess.user.id, tom.user.id].sort());
    expect((await tom.req('GET', `/api/cohorts/${cohort.id}`)).statusCode).toBe(200);
    // Twice: nothing changes.
    expect(((await tess.req('POST', `/api/cohorts/${cohort.id}/tutors`, { email: 'tom@example.com' })).json() as CohortView).tutors).toHaveLength(2);
    expect((await ann.req('POST', `/api/cohorts/${cohort.id}/tutors`, { email: 'ann@example.com' })).statusCode).toBe(403);
  });
});
