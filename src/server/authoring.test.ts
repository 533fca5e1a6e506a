import { describe, expect, it } from 'vitest';
import type { AttemptView, DraftView } from '../core/api/contracts.ts';
import { accountsApp } from '../../test/helpers/accounts-app.ts';
import { loadExam } from '../../test/helpers/load-exam.ts';
import { STORES, useStores, type StoreName } from '../../test/helpers/stores.ts';
import { writeYaml } from '../formats/yaml/write-yaml.ts';

const exam = loadExam('mla-c02');
const stores = useStores();
const T0 = Date.parse('2026-12-03T09:00:00Z');

/** Alice and Ben are authors; Cal is a candidate. */
async function setup(store: StoreName) {
  const app = await accountsApp(stores, store, { exam, t0: T0, perDomain: 1 });
  const admin = await app.signUp('admin@example.com');
  const [alice, ben, cal] = [await app.signUp('alice@example.com'), await app.signUp('ben@example.com'), await app.signUp('cal@example.com')];
  for (const a of [alice, ben]) await admin.req('PUT', `/api/admin/users/${a.user.id}/roles`, { roles: ['author'] });
  return { ...app, alice, ben, cal };
}

describe.each(STORES)('writing and reviewing items, on %s', (store) => {
  it('an author edits an item with the validator’s findings, a second author approves, the change is live in practice', async () => {
    const { alice, ben, cal, bank } = await setup(store);
    const item = bank.activeEntries().find((e) => e.type === 'single')!;
    const started = await alice.req('POST', '/api/authoring/drafts', { itemId: item.id });
    expect(started.statusCode, started.body).toBe(201);
    const draft = started.json() as DraftView;
    expect([draft.yaml, draft.status, draft.isNew]).toEqual([writeYaml([item]).output, 'draft', false]);
    expect(draft.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(draft.preview[0]!.stem).toBe(item.stem);
    expect(draft.diff.every((l) => l.op === 'same')).toBe(true);
    expect((await alice.req('POST', '/api/authoring/drafts', { itemId: item.id })).json().error.code).toBe('draft-exists');
    expect((await cal.req('POST', '/api/authoring/drafts', { itemId: item.id })).statusCode).toBe(403);
    // Another author reads the draft but only its author edits it.
    expect((await ben.req('GET', `/api/authoring/drafts/${draft.id}`)).json().mine).toBe(false);
    expect((await ben.req('PUT', `/api/authoring/drafts/${draft.id}`, { yaml: draft.yaml })).json().error.code).toBe('not-yours');

    // No key: the validator's own message, with its line in the draft.
    const keyless = draft.yaml.replace(/\n\s+correct: true/, '');
    const broken = (await alice.req('PUT', `/api/authoring/drafts/${draft.id}`, { yaml: keyless })).json() as DraftView;
    const error = broken.problems.find((p) => p.severity === 'error')!;
    expect(error.line).toBeGreaterThan(1);
    expect(broken.preview).toEqual([]);
    expect((await alice.req('POST', `/api/authoring/drafts/${draft.id}/submit`)).json().error.message).toMatch(/^The draft has \d+ errors?: fix/);

    const newStem = 'A team stores features offline and needs point-in-time correct training data. Which approach meets the requirement?';
    const edited = draft.yaml.replace(/stem: [\s\S]*?\n(\s+)options:/, `stem: "${newStem}"\n$1options:`);
    const saved = (await alice.req('PUT', `/api/authoring/drafts/${draft.id}`, { yaml: edited })).json() as DraftView;
    expect(saved.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(saved.diff.filter((l) => l.op !== 'same').length).toBeGreaterThan(0);
    expect((await alice.req('POST', `/api/authoring/drafts/${draft.id}/submit`)).json().status).toBe('review');
    expect((await alice.req('PUT', `/api/authoring/drafts/${draft.id}`, { yaml: edited })).json().error.code).toBe('not-editable');
    expect((await alice.req('POST', `/api/authoring/drafts/${draft.id}/review`, { approve: true })).json().error.code).toBe('own-draft');
    expect((await ben.req('POST', `/api/authoring/drafts/${draft.id}/review`, { approve: false })).statusCode).toBe(400);
    const published = (await ben.req('POST', `/api/authoring/drafts/${draft.id}/review`, { approve: true, note: 'Clearer.' })).json() as DraftView;
    expect([published.status, published.reviewer]).toEqual(['published', 'Candidate']);

    // Live in practice: a practice of every question serves the new stem.
    const view = (await cal.req('POST', '/api/attempts', { kind: 'practice', exam: 'mla-c02', count: bank.activeEntries().length, feedback: 'immediate' })).json() as AttemptView;
    expect(view.items.map((i) => i.stem)).toContain(newStem);
    expect(view.items.map((i) => i.stem)).not.toContain(item.stem);
  });

  it('a new item starts from its type’s template, is sent back with a note, then published into the authored collection', async () => {
    const { alice, ben, bank } = await setup(store);
    const fresh = (await alice.req('POST', '/api/authoring/drafts', { type: 'single', exam: 'mla-c02' })).json() as DraftView;
    expect(fresh.isNew).toBe(true);
    expect(fresh.problems.some((p) => p.severity === 'error')).toBe(true); // the template's placeholders fail until written over
    expect((await alice.req('POST', '/api/authoring/drafts', { type: 'ordering', exam: 'mla-c02' })).json().error.message).toBe('MLA-C02 does not ask ordering questions.');

    const model = bank.activeEntries().find((e) => e.type === 'single')!;
    const written = writeYaml([{ ...model, id: 'new-001', stem: 'A company must choose a managed feature store with both online and offline stores for a fraud model. Which service fits?' }]).output;
    const taken = writeYaml([model]).output;
    await alice.req('PUT', `/api/authoring/drafts/${fresh.id}`, { yaml: taken });
    expect((await alice.req('POST', `/api/authoring/drafts/${fresh.id}/submit`)).json().error.message).toBe(`The id "${model.id}" is already a question of the bank.`);
    await alice.req('PUT', `/api/authoring/drafts/${fresh.id}`, { yaml: written });
    await alice.req('POST', `/api/authoring/drafts/${fresh.id}/submit`);
    const back = (await ben.req('POST', `/api/authoring/drafts/${fresh.id}/review`, { approve: false, note: 'Name the latency need.' })).json() as DraftView;
    expect([back.status, back.reviewNote]).toEqual(['draft', 'Name the latency need.']);
    await alice.req('POST', `/api/authoring/drafts/${fresh.id}/submit`);
    await ben.req('POST', `/api/authoring/drafts/${fresh.id}/review`, { approve: true });
    expect(bank.current('new-001')).toMatchObject({ collection: 'authored' });
    // Published drafts stay listed after those in progress: each keeps its diff, the item's history.
    expect((await alice.req('GET', '/api/authoring/drafts')).json().map((d: { itemId: string; status: string }) => [d.itemId, d.status])).toEqual([['new-001', 'published']]);
  });
});
