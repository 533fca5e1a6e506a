import { describe, expect, it } from 'vitest';
import { axeProblems, shoot, signUpInBrowser } from './support/browser.ts';
import { useBrowserApp } from './support/browser-app.ts';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n');

/** A practical project in the browser: a candidate submits (a refused file loses nothing), a tutor grades with the rubric, the candidate reads the grade. */
describe('practical projects in the browser', () => {
  const ctx = useBrowserApp('content');
  const { newPage, pageErrors } = ctx;

  it('a candidate submits a project, a tutor of their cohort grades it criterion by criterion, the candidate sees the grade', async () => {
    const tutor = await newPage();
    await signUpInBrowser(tutor, ctx.app.url, { name: 'Tia Tutor', email: 'tia@example.com', password: 'a long enough password' });
    await tutor.locator('.app-header a', { hasText: 'Administration' }).click();
    await tutor.getByLabel('Tutor: tia@example.com').check();
    await tutor.locator('[role="status"]', { hasText: 'Saved: tia@example.com is Tutor, Administrator.' }).waitFor();
    await tutor.locator('.app-header a', { hasText: 'Cohorts' }).click();
    await tutor.getByLabel('Name', { exact: true }).fill('Spring 2027');
    await tutor.getByRole('button', { name: 'Create the cohort' }).click();
    const link = (await tutor.locator('[data-testid="invite"] .invite-link a').textContent())!;

    const candidate = await newPage({ width: 390, height: 844 });
    await signUpInBrowser(candidate, ctx.app.url, { name: 'Cal Candidate', email: 'cal@example.com', password: 'another long password' });
    await candidate.goto(link);
    await candidate.getByRole('button', { name: 'Join the cohort' }).click();
    await candidate.locator('[role="status"]', { hasText: 'You joined the cohort' }).waitFor();

    await candidate.locator('.app-header a', { hasText: 'Projects' }).click();
    await candidate.getByRole('heading', { level: 1, name: 'Projects' }).waitFor();
    await expect(candidate.locator('.project-card').count()).resolves.toBe(3);
    await candidate.locator('.project-card h2 a').first().click();
    await candidate.getByRole('heading', { level: 2, name: 'Rubric' }).waitFor();
    await shoot(candidate, '80-project-brief-phone');
    await expect(axeProblems(candidate)).resolves.toEqual([]);

    // A file the server refuses: the message names it, and nothing typed is lost.
    await candidate.getByLabel('What you did, what you measured, what it cost').fill('The gate stopped the bad batch; 12,400 rows in the training set.');
    await candidate.getByLabel('Links (one per line, https:// only)').fill('https://github.com/cal/feature-pipeline');
    await candidate.getByLabel('Files').setInputFiles([{ name: 'report.pdf', mimeType: 'application/pdf', buffer: PDF }, { name: 'fake.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html>') }]);
    await candidate.getByRole('button', { name: 'Send the submission' }).click();
    await candidate.locator('[role="alert"]', { hasText: '"fake.pdf" is not a valid .pdf file' }).waitFor();
    await expect(candidate.getByLabel('What you did, what you measured, what it cost').inputValue()).resolves.toContain('12,400 rows');
    await candidate.getByLabel('Files').setInputFiles([{ name: 'report.pdf', mimeType: 'application/pdf', buffer: PDF }]);
    await candidate.getByRole('button', { name: 'Send the submission' }).click();
    await candidate.locator('[role="status"]', { hasText: 'Submitted. Your tutor sees it in their grading queue.' }).waitFor();
    await candidate.locator('[data-testid="project-status"]', { hasText: 'Waiting for a tutor’s grade' }).waitFor();
    await candidate.getByRole('link', { name: 'report.pdf' }).waitFor();

    // The tutor's queue, and the rubric as a form.
    await tutor.locator('.app-header a', { hasText: 'Projects' }).click();
    await tutor.getByRole('link', { name: 'Submissions to grade' }).click();
    await tutor.locator('[role="status"]', { hasText: '1 waiting for a grade' }).waitFor();
    await tutor.getByRole('link', { name: 'Grade it' }).click();
    await tutor.getByRole('heading', { level: 1, name: /^Cal Candidate: / }).waitFor();
    const body = await tutor.evaluate(async (href) => (await fetch(href)).text(), (await tutor.getByRole('link', { name: 'report.pdf' }).getAttribute('href'))!);
    expect(body).toBe(PDF.toString());
    // Saving with a criterion left out is refused by the form itself; then every criterion gets level 2, one gets 3.
    const fieldsets = tutor.locator('.rubric-form fieldset');
    const n = await fieldsets.count();
    expect(n).toBeGreaterThanOrEqual(4);
    for (let i = 0; i < n; i++) await fieldsets.nth(i).locator('input[type="radio"]').nth(i === 0 ? 3 : 2).check();
    await fieldsets.nth(1).getByLabel('Comment').fill('Add the leak check’s output.');
    await tutor.getByLabel('Overall comment').fill('Solid pipeline.');
    await shoot(tutor, '81-grade-form');
    await expect(axeProblems(tutor)).resolves.toEqual([]);
    await tutor.getByRole('button', { name: 'Save the grade' }).click();
    await tutor.locator('[role="status"]', { hasText: 'Grade saved: the candidate sees it now.' }).waitFor();
    const points = 3 + 2 * (n - 1);
    await tutor.locator('[data-testid="grade-view"]', { hasText: `${points} of ${3 * n} points` }).waitFor();

    await candidate.reload();
    const grade = candidate.locator('[data-testid="grade-view"]');
    await grade.waitFor();
    await expect(grade.textContent()).resolves.toContain(`${points} of ${3 * n} points: ${points >= 0.7 * 3 * n ? 'meets the standard' : 'not yet at the standard'}`);
    await expect(grade.textContent()).resolves.toContain('Add the leak check’s output.');
    await shoot(candidate, '82-project-graded-phone');
    await expect(axeProblems(candidate)).resolves.toEqual([]);

    await candidate.getByLabel('Language', { exact: true }).selectOption('fr');
    await candidate.getByRole('heading', { level: 2, name: 'Grille d’évaluation' }).waitFor();
    await shoot(candidate, '83-project-fr-phone');
    await expect(axeProblems(candidate)).resolves.toEqual([]);
    await tutor.getByLabel('Language', { exact: true }).selectOption('fr');
    await tutor.getByRole('button', { name: 'Mettre à jour la note' }).waitFor();
    await shoot(tutor, '84-grade-fr');
    expect(pageErrors).toEqual([]);
  });
});
