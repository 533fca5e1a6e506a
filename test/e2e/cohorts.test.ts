import { describe, expect, it } from 'vitest';
import { axeProblems, shoot, signUpInBrowser } from './support/browser.ts';
import { useBrowserApp } from './support/browser-app.ts';

/** A tutor's cohort in the browser: created, joined through the invite link, seen on the roster, a member removed. */
describe('cohorts in the browser', () => {
  const ctx = useBrowserApp();
  const { newPage, pageErrors } = ctx;

  it('a tutor creates a cohort, a candidate joins by the link, the tutor sees and removes them', async () => {
    // The first account of this laptop server administers it and makes itself a tutor.
    const tutor = await newPage();
    await signUpInBrowser(tutor, ctx.app.url, { name: 'Tia Tutor', email: 'tia@example.com', password: 'a long enough password' });
    await tutor.locator('.app-header a', { hasText: 'Administration' }).click();
    await tutor.getByLabel('Tutor: tia@example.com').check();
    await tutor.locator('[role="status"]', { hasText: 'Saved: tia@example.com is Tutor, Administrator.' }).waitFor();

    await tutor.locator('.app-header a', { hasText: 'Cohorts' }).click();
    await tutor.getByRole('heading', { level: 1, name: 'Cohorts' }).waitFor();
    await tutor.getByLabel('Name', { exact: true }).fill('Winter 2027');
    await tutor.getByRole('button', { name: 'Create the cohort' }).click();
    await tutor.getByRole('heading', { level: 1, name: /^Winter 2027/ }).waitFor();
    const link = (await tutor.locator('[data-testid="invite"] .invite-link a').textContent())!;
    expect(link).toMatch(/#\/join\/[A-HJ-NP-Z2-9]{12}$/);
    await shoot(tutor, '73-cohort-new');
    await expect(axeProblems(tutor)).resolves.toEqual([]);

    const candidate = await newPage();
    await signUpInBrowser(candidate, ctx.app.url, { name: 'Cal Candidate', email: 'cal@example.com', password: 'another long password' });
    await candidate.goto(link);
    await candidate.getByRole('button', { name: 'Join the cohort' }).click();
    await candidate.locator('[role="status"]', { hasText: 'You joined the cohort “Winter 2027”.' }).waitFor();
    await candidate.locator('.app-header a', { hasText: 'Cohorts' }).click();
    await candidate.locator('[data-testid="my-cohorts"] li', { hasText: 'Winter 2027' }).waitFor();
    await expect(candidate.locator('[data-testid="teaching"]').count()).resolves.toBe(0);
    await shoot(candidate, '74-cohorts-candidate');
    await expect(axeProblems(candidate)).resolves.toEqual([]);

    // An assignment: a practice set of 3 questions on the whole exam, due in a week.
    await tutor.reload();
    const board = tutor.locator('[data-testid="cohort-assignments"]');
    await board.getByLabel('What to do').selectOption('practice');
    await board.getByLabel('Questions').fill('3');
    await board.getByRole('button', { name: 'Assign to the cohort' }).click();
    await board.locator('[role="status"]', { hasText: 'Assigned: Practice: 3 questions.' }).waitFor();
    await board.locator('table.assignment-board tr[data-member="cal@example.com"] .badge', { hasText: 'To do' }).waitFor();

    // The candidate sees it on the dashboard, does it, and it turns done for both.
    await candidate.locator('.app-header a.brand').click();
    const mine = candidate.locator('[data-testid="my-assignments"]');
    await mine.getByRole('button', { name: 'Start the practice' }).click();
    await candidate.locator('article.item').waitFor();
    await candidate.locator('.side-actions button.primary').click();
    await candidate.getByRole('button', { name: 'Yes, submit' }).click();
    await candidate.getByRole('heading', { name: /Practice report/ }).waitFor();
    await candidate.locator('.app-header a.brand').click();
    await mine.locator('.badge', { hasText: /^Done / }).waitFor();
    await shoot(candidate, '76-dashboard-assignment-done');
    await expect(axeProblems(candidate)).resolves.toEqual([]);
    await tutor.reload();
    await board.locator('table.assignment-board tr[data-member="cal@example.com"] .badge', { hasText: /^Done / }).waitFor();
    await expect(board.locator('table.assignment-board thead').textContent()).resolves.toContain('1 of 1 done, 0 late');
    // The tutor's board: the member's row with mastery per domain, and the CSV of the whole cohort.
    const boardPanel = tutor.locator('[data-testid="cohort-board"]');
    await boardPanel.locator('tr[data-member="cal@example.com"]').waitFor();
    await expect(boardPanel.locator('tr[data-member="cal@example.com"] td.heat').count()).resolves.toBe(4);
    await boardPanel.getByLabel('task statement').check();
    await expect(boardPanel.locator('tr[data-member="cal@example.com"] td.heat').count()).resolves.toBe(12);
    await boardPanel.scrollIntoViewIfNeeded();
    await shoot(tutor, '78-cohort-board-tasks');
    const csv = await tutor.evaluate(async (href) => (await fetch(href)).text(), (await boardPanel.getByRole('link', { name: 'Download the cohort’s results (CSV)' }).getAttribute('href'))!);
    expect(csv.split('\r\n')[1]).toMatch(/^Cal Candidate,cal@example\.com,/);
    await shoot(tutor, '77-cohort-assignments');
    await expect(axeProblems(tutor)).resolves.toEqual([]);

    await tutor.locator('table.roster tr[data-email="cal@example.com"]').waitFor();
    await tutor.getByRole('button', { name: 'Remove Cal Candidate (cal@example.com)' }).click();
    await tutor.locator('[role="status"]', { hasText: 'Cal Candidate was removed from the cohort.' }).waitFor();
    await expect(tutor.locator('table.roster').count()).resolves.toBe(0);
    await candidate.locator('.app-header a', { hasText: 'Cohorts' }).click();
    await candidate.locator('[data-testid="my-cohorts"]', { hasText: 'You are in no cohort.' }).waitFor();

    // In French.
    await tutor.getByLabel('Language', { exact: true }).selectOption('fr');
    await tutor.getByRole('heading', { name: 'Inviter des candidats' }).waitFor();
    await shoot(tutor, '75-cohort-fr');
    await expect(axeProblems(tutor)).resolves.toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
