import { describe, expect, it } from 'vitest';
import type { CohortView, GradingQueue, GradingView, ProjectList, ProjectView, SubmissionView } from '../core/api/contracts.ts';
import { accountsApp } from '../../test/helpers/accounts-app.ts';
import { fixtureProject } from '../../test/helpers/fixture-project.ts';
import { loadExam } from '../../test/helpers/load-exam.ts';
import { STORES, useStores, type StoreName } from '../../test/helpers/stores.ts';

const exam = loadExam('mla-c02');
const stores = useStores();
const T0 = Date.parse('2026-12-03T09:00:00Z');
const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

/** The administrator makes a tutor, who runs a cohort; Ann is in it, Bob is not. */
async function setup(store: StoreName) {
  const app = await accountsApp(stores, store, { exam, t0: T0, perDomain: 2, projects: [fixtureProject(exam), fixtureProject(exam, 'rag-app', 2)] });
  const admin = await app.signUp('admin@example.com');
  const tess = await app.signUp('tess@example.com');
  expect((await admin.req('PUT', `/api/admin/users/${tess.user.id}/roles`, { roles: ['tutor'] })).statusCode).toBe(200);
  const cohort = (await tess.req('POST', '/api/cohorts', { name: 'Winter', exam: 'mla-c02' })).json() as CohortView;
  const ann = await app.signUp('ann@example.com');
  const bob = await app.signUp('bob@example.com');
  return { ...app, admin, tess, ann, bob, cohort };
}

describe.each(STORES)('practical projects, on %s', (store) => {
  it('a candidate submits text, links and files, and gets each file back as a download with its bytes', async () => {
    const { ann, clock } = await setup(store);
    const list = (await ann.req('GET', '/api/projects?exam=mla-c02')).json() as ProjectList;
    expect(list.projects.map((p) => [p.id, p.status, p.result])).toEqual([['feature-pipeline', 'not-started', null], ['rag-app', 'not-started', null]]);
    const view = (await ann.req('GET', '/api/projects/feature-pipeline?exam=mla-c02')).json() as ProjectView;
    expect(view.rubric.map((c) => c.levels.length)).toEqual([4, 4, 4, 4]);
    expect(view.skills.every((s) => s.text.length > 0)).toBe(true);

    clock.t += 60_000;
    const res = await ann.form('/api/projects/feature-pipeline/submissions', { exam: 'mla-c02', text: '  The pipeline stops a bad batch.  ', link: ['https://github.com/ann/pipeline', ''] }, [
      { name: 'diagram.png', bytes: PNG },
      { name: 'report.pdf', bytes: PDF },
    ]);
    expect(res.statusCode, res.body).toBe(201);
    const sub = res.json() as SubmissionView;
    expect(sub).toMatchObject({ projectId: 'feature-pipeline', exam: 'mla-c02', text: 'The pipeline stops a bad batch.', links: ['https://github.com/ann/pipeline'], grade: null, submittedAt: new Date(T0 + 60_000).toISOString() });
    expect(sub.files.map((f) => [f.name, f.mediaType, f.size])).toEqual([['diagram.png', 'image/png', PNG.length], ['report.pdf', 'application/pdf', PDF.length]]);

    const pdf = await ann.req('GET', `/api/project-files/${sub.files[1]!.id}`);
    expect(pdf.statusCode).toBe(200);
    expect(new Uint8Array(pdf.rawPayload)).toEqual(PDF);
    expect(pdf.headers).toMatchObject({ 'content-type': 'application/pdf', 'content-disposition': "attachment; filename*=UTF-8''report.pdf", 'x-content-type-options': 'nosniff', 'cache-control': 'private, no-store' });
    expect(pdf.headers['content-security-policy']).toContain('sandbox');
    const png = await ann.req('GET', `/api/project-files/${sub.files[0]!.id}`);
    expect(png.headers['content-disposition']).toMatch(/^inline;/);
    expect(((await ann.req('GET', '/api/projects?exam=mla-c02')).json() as ProjectList).projects[0]!.status).toBe('submitted');
    // The account's export lists the submission and its files.
    expect((await ann.req('GET', '/api/account/export')).json().projectSubmissions).toEqual([{ project: 'feature-pipeline', exam: 'mla-c02', submittedAt: sub.submittedAt, text: 'The pipeline stops a bad batch.', links: ['https://github.com/ann/pipeline'], files: [{ name: 'diagram.png', size: PNG.length }, { name: 'report.pdf', size: PDF.length }], grade: null }]);
  });

  it('refuses a bad submission whole with a message that names the file, and stores nothing of it', async () => {
    const { ann } = await setup(store);
    const post = (fields: Record<string, string | string[]>, files: { name: string; bytes: Uint8Array }[] = []) => ann.form('/api/projects/feature-pipeline/submissions', { exam: 'mla-c02', ...fields }, files);
    const html = await post({ text: 'ok' }, [{ name: 'report.pdf', bytes: PDF }, { name: 'page.html', bytes: new TextEncoder().encode('<script>alert(1)</script>') }]);
    expect(html.statusCode).toBe(400);
    expect(html.json().error.message).toContain('"page.html": this kind of file is not accepted');
    const renamed = await post({ text: 'ok' }, [{ name: 'notes.pdf', bytes: new TextEncoder().encode('<html>') }]);
    expect(renamed.json().error.message).toBe('"notes.pdf" is not a valid .pdf file: its content does not match its name.');
    const big = await post({ text: 'ok' }, [{ name: 'big.txt', bytes: new Uint8Array(5 * 1024 * 1024 + 1).fill(0x41) }]);
    expect([big.statusCode, big.json().error.message]).toEqual([413, '"big.txt" is larger than 5 MB.']);
    const six = await post({ text: 'ok' }, Array.from({ length: 6 }, (_, i) => ({ name: `f${i}.txt`, bytes: new TextEncoder().encode('x') })));
    expect([six.statusCode, six.json().error.message]).toEqual([413, 'A submission carries at most 5 files.']);
    const empty = await post({ text: '   ' });
    expect([empty.statusCode, empty.json().error.message]).toEqual([400, 'The submission is empty: write what you did, add a link or attach a file.']);
    const badLink = await post({ text: 'ok', link: 'javascript:alert(1)' });
    expect(badLink.statusCode).toBe(400);
    expect(JSON.stringify(badLink.json().error)).toContain('links.0');
    expect((await ann.req('POST', '/api/projects/feature-pipeline/submissions', { exam: 'mla-c02', text: 'json' })).json().error.message).toContain('multipart/form-data');
    expect((await ann.form('/api/projects/no-such/submissions', { exam: 'mla-c02', text: 'x' })).statusCode).toBe(404);
    expect((await ann.form('/api/projects/feature-pipeline/submissions', { exam: 'mla-c09', text: 'x' })).json().error.message).toBe('There is no exam "mla-c09".');
    // Nothing of any refused submission was stored.
    expect(((await ann.req('GET', '/api/projects/feature-pipeline?exam=mla-c02')).json() as ProjectView).submissions).toEqual([]);
  });

  it('only the tutors of a cohort the candidate is in see, download and grade the work; the candidate sees the grade and resubmits', async () => {
    const { ann, bob, tess, admin, cohort, clock } = await setup(store);
    const sub = (await ann.form('/api/projects/feature-pipeline/submissions', { exam: 'mla-c02', text: 'First try' }, [{ name: 'report.pdf', bytes: PDF }])).json() as SubmissionView;
    // Not yet in Tess's cohort: to her (and to Bob, and to an administrator who tutors nothing) it does not exist.
    expect(((await tess.req('GET', '/api/project-submissions')).json() as GradingQueue).submissions).toEqual([]);
    for (const c of [tess, bob, admin]) {
      expect((await c.req('GET', `/api/project-files/${sub.files[0]!.id}`)).statusCode).toBe(404);
    }
    expect((await tess.req('GET', `/api/project-submissions/${sub.id}`)).statusCode).toBe(404);
    expect((await tess.req('POST', `/api/project-submissions/${sub.id}/grade`, { levels: { quality: 3, features: 3, security: 3, cost: 3 } })).statusCode).toBe(404);
    expect((await ann.req('GET', '/api/project-submissions')).statusCode).toBe(403);

    await ann.req('POST', '/api/cohorts/join', { code: cohort.inviteCode });
    const queue = (await tess.req('GET', '/api/project-submissions')).json() as GradingQueue;
    expect(queue.submissions).toEqual([{ id: sub.id, projectId: 'feature-pipeline', projectTitle: 'Project 1', candidate: { id: ann.user.id, name: 'Candidate' }, cohorts: ['Winter'], submittedAt: sub.submittedAt, files: 1, grade: null }]);
    expect((await tess.req('GET', `/api/project-files/${sub.files[0]!.id}`)).statusCode).toBe(200);

    const incomplete = await tess.req('POST', `/api/project-submissions/${sub.id}/grade`, { levels: { quality: 3, nope: 2 } });
    expect([incomplete.statusCode, incomplete.json().error.message]).toEqual([400, 'The grade is incomplete: choose a level for features, security, cost; the rubric has no criterion nope.']);
    clock.t += 3_600_000;
    const graded = await tess.req('POST', `/api/project-submissions/${sub.id}/grade`, { levels: { quality: 3, features: 2, security: 0, cost: 3 }, comments: { security: ' The bucket is public. ', cost: '' }, overall: 'Close.' });
    expect(graded.statusCode, graded.body).toBe(200);
    expect((graded.json() as GradingView).submission.grade).toEqual({ levels: { quality: 3, features: 2, security: 0, cost: 3 }, comments: { security: 'The bucket is public.' }, overall: 'Close.', points: 8, max: 12, meets: false, gradedBy: 'Candidate', gradedAt: new Date(T0 + 3_600_000).toISOString() });

    const mine = (await ann.req('GET', '/api/projects/feature-pipeline?exam=mla-c02')).json() as ProjectView;
    expect([mine.status, mine.result, mine.submissions[0]!.grade!.comments]).toEqual(['graded', { points: 8, max: 12, meets: false }, { security: 'The bucket is public.' }]);

    clock.t += 60_000;
    const second = (await ann.form('/api/projects/feature-pipeline/submissions', { exam: 'mla-c02', text: 'Second try, bucket private' })).json() as SubmissionView;
    const after = (await ann.req('GET', '/api/projects?exam=mla-c02')).json() as ProjectList;
    // Waiting for its grade; the result shown is still the graded one.
    expect([after.projects[0]!.status, after.projects[0]!.result]).toEqual(['submitted', { points: 8, max: 12, meets: false }]);
    const queued = (await tess.req('GET', '/api/project-submissions')).json() as GradingQueue;
    expect(queued.submissions.map((s) => [s.id, s.grade?.points ?? null])).toEqual([[second.id, null], [sub.id, 8]]);
    const view = (await tess.req('GET', `/api/project-submissions/${second.id}`)).json() as GradingView;
    expect(view.earlier.map((e) => [e.id, e.grade?.points])).toEqual([[sub.id, 8]]);
    await tess.req('POST', `/api/project-submissions/${second.id}/grade`, { levels: { quality: 3, features: 2, security: 2, cost: 3 } });
    expect(((await ann.req('GET', '/api/projects?exam=mla-c02')).json() as ProjectList).projects[0]!.result).toEqual({ points: 10, max: 12, meets: true });

    // Removed from the cohort: the tutor no longer sees the work.
    await tess.req('POST', `/api/cohorts/${cohort.id}/members/${ann.user.id}/remove`);
    expect((await tess.req('GET', `/api/project-submissions/${second.id}`)).statusCode).toBe(404);
  });

  it('a project assignment turns done when a submission meets the standard, dated when it was sent', async () => {
    const { ann, tess, cohort, clock } = await setup(store);
    await ann.req('POST', '/api/cohorts/join', { code: cohort.inviteCode });
    const bad = await tess.req('POST', `/api/cohorts/${cohort.id}/assignments`, { spec: { kind: 'project', project: 'no-such' }, dueOn: null });
    expect([bad.statusCode, bad.json().error.message]).toEqual([400, 'MLA-C02 has no project "no-such".']);
    const made = await tess.req('POST', `/api/cohorts/${cohort.id}/assignments`, { spec: { kind: 'project', project: 'rag-app' }, dueOn: '2026-12-03' });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json().title).toBe('Project: Project 2');
    const state = async () => (await ann.req('GET', '/api/assignments?exam=mla-c02')).json()[0].status;
    expect(await state()).toEqual({ state: 'todo' });
    clock.t += 3_600_000;
    const sub = (await ann.form('/api/projects/rag-app/submissions', { exam: 'mla-c02', text: 'Done' })).json() as SubmissionView;
    expect(await state()).toEqual({ state: 'todo' }); // sent, not graded yet
    clock.t += 20 * 3_600_000; // graded the day after the due day (sessions stay within their idle time)
    await tess.req('POST', `/api/project-submissions/${sub.id}/grade`, { levels: { quality: 3, features: 3, security: 2, cost: 2 } });
    expect(await state()).toEqual({ state: 'done', doneAt: sub.submittedAt });
  });
});
