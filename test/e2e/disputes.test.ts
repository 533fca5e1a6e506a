import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeProblems, shoot, signUpInBrowser } from './support/browser.ts';
import { useBrowserApp } from './support/browser-app.ts';

/**
 * A practice of every question in the browser-test bank, started and submitted through the API from the page.
 * Single-answer questions are answered with an option other than `a`: the four standalone ones key `a`, so they
 * are answered wrong on purpose and the report always has one to dispute (a random draw of 8 questions, answered
 * by the first option shown, could have none).
 */
async function practiceThroughApi(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const csrf = decodeURIComponent(/certprep_csrf=([^;]+)/.exec(document.cookie)![1]!);
    const call = async (method: string, url: string, body?: unknown) => {
      const r = await fetch(url, { method, headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, body: body === undefined ? undefined : JSON.stringify(body) });
      return r.json();
    };
    const view = await call('POST', '/api/attempts', { kind: 'practice', exam: 'mla-c01', count: 20, feedback: 'end' });
    let seq = 0;
    for (const item of view.items) {
      const answer =
        item.type === 'single' ? { choice: item.options.find((o: { id: string }) => o.id !== 'a').id } : item.type === 'multiple' ? { choices: item.options.slice(0, item.select).map((o: { id: string }) => o.id) } : item.type === 'ordering' ? { order: item.steps.map((s: { id: string }) => s.id) } : { pairs: Object.fromEntries(item.prompts.map((p: { id: string }) => [p.id, item.responses[0].id])) };
      const saved = await call('PUT', `/api/attempts/${view.id}/answers/${item.position}`, { tab: 'tab-e2e-disputes', seq: ++seq, baseRevision: 0, answer, flagged: false, struck: [] });
      if (saved.error) throw new Error(saved.error.message);
    }
    const report = await call('POST', `/api/attempts/${view.id}/submit`, {});
    if (report.error) throw new Error(report.error.message);
    return view.id as string;
  });
}

/** A key disputed from a report, corrected by an author, the report re-scored with a notice; the public changelog. */
describe('key disputes in the browser', () => {
  const ctx = useBrowserApp();
  const { newPage, pageErrors } = ctx;

  it('a candidate disputes a key from the report, an author corrects it, the report is re-scored and the changelog lists it', async () => {
    // The first account administers the server (an administrator passes as an author).
    const author = await newPage();
    await signUpInBrowser(author, ctx.app.url, { name: 'Ada Author', email: 'ada@example.com', password: 'a long enough password' });
    const candidate = await newPage({ width: 390, height: 844 });
    await signUpInBrowser(candidate, ctx.app.url, { name: 'Cal Candidate', email: 'cal@example.com', password: 'another long password' });
    const attemptId = await practiceThroughApi(candidate);
    await candidate.goto(`${ctx.app.url}/#/attempts/${attemptId}/report`);
    await candidate.getByRole('heading', { name: /Practice report/ }).waitFor();
    const scoreBefore = (await candidate.locator('[data-testid="practice-correct"]').textContent()) ?? '';

    // The first question answered wrong that is a single-answer one: dispute it, proposing the option chosen.
    const wrong = candidate.locator('li.report-item:has(.review.is-incorrect)');
    let target = -1;
    for (let i = 0; i < (await wrong.count()); i++) {
      await wrong.nth(i).getByText('Dispute this key').click();
      // count() does not wait: the form must be on screen before its radios are counted (a busy machine renders late).
      await wrong.nth(i).locator('.dispute-form').waitFor();
      if ((await wrong.nth(i).locator('.dispute-form input[type="radio"]').count()) > 0) {
        target = i;
        break;
      }
    }
    expect(target).toBeGreaterThanOrEqual(0);
    const item = wrong.nth(target);
    const chosenText = (await item.locator('.review-options li.chosen span[lang="en"]').first().textContent())!;
    await item.locator('.dispute-form label', { hasText: chosenText }).locator('input').check();
    await item.getByLabel('Why (at least 20 characters)').fill('The quotas page states the limit the chosen option gives.');
    await item.getByLabel('An AWS documentation page that supports you (optional)').fill('https://docs.aws.amazon.com/sagemaker/latest/dg/regions-quotas.html');
    await item.getByRole('button', { name: 'Send the dispute' }).click();
    await item.locator('[role="status"]', { hasText: 'Sent. An author will answer' }).waitFor();
    await shoot(candidate, '85-dispute-sent-phone');
    await expect(axeProblems(candidate)).resolves.toEqual([]);

    // The author's queue: the question with who proposed what; accept with that option as the key.
    await author.reload();
    await author.locator('.app-header a', { hasText: 'Disputed keys' }).click();
    await author.getByRole('heading', { level: 2, name: /\(disputes: 1\)$/ }).waitFor();
    await author.getByLabel('Accept: correct the key (re-scores every attempt that answered it)').check();
    await author.locator('fieldset', { hasText: 'The corrected key' }).locator('label', { hasText: chosenText }).locator('input').check();
    await author.getByLabel('Reason (the candidates read it)').fill('The quotas page supports the candidate.');
    await shoot(author, '86-dispute-queue');
    await expect(axeProblems(author)).resolves.toEqual([]);
    await author.getByRole('button', { name: 'Record the decision' }).click();
    await author.locator('[role="status"]', { hasText: /key corrected; disputes answered: 1; attempts re-scored: 1\./ }).waitFor();

    // The candidate's dashboard says so; the report shows the question right.
    await candidate.goto(`${ctx.app.url}/#/`);
    const notices = candidate.locator('[data-testid="notices"]');
    await notices.getByText(/was corrected and your report re-scored/).waitFor();
    await expect(notices.textContent()).resolves.toContain('The quotas page supports the candidate.');
    await shoot(candidate, '87-notice-phone');
    await expect(axeProblems(candidate)).resolves.toEqual([]);
    await notices.getByRole('link', { name: 'Open the report' }).click();
    await candidate.getByRole('heading', { name: /Practice report/ }).waitFor();
    const scoreAfter = (await candidate.locator('[data-testid="practice-correct"]').textContent()) ?? '';
    expect(scoreAfter).not.toBe(scoreBefore);

    // The discussion under the question: text shown as typed, never as HTML.
    const discussed = candidate.locator('li.report-item', { hasText: chosenText }).first();
    await discussed.locator('.discussion summary').click();
    await discussed.locator('.discussion summary', { hasText: 'Discussion (0)' }).waitFor();
    await discussed.getByLabel('Your post (text only)').fill('<b>Thanks</b> for fixing it.');
    await discussed.getByRole('button', { name: 'Post', exact: true }).click();
    await discussed.locator('.post-body', { hasText: '<b>Thanks</b> for fixing it.' }).waitFor();
    await expect(discussed.locator('.post-body b').count()).resolves.toBe(0);
    await shoot(candidate, '89-discussion-phone');
    await expect(axeProblems(candidate)).resolves.toEqual([]);

    // The changelog, signed out: the date, question and kind, never its text.
    const visitor = await newPage();
    await visitor.goto(`${ctx.app.url}/#/changelog/mla-c01`);
    await visitor.getByRole('heading', { level: 1, name: 'Corrections to the bank' }).waitFor();
    await visitor.locator('td', { hasText: 'Key corrected' }).waitFor();
    await expect(visitor.locator('main').textContent()).resolves.not.toContain(chosenText);
    await visitor.getByLabel('Language', { exact: true }).selectOption('fr');
    await visitor.locator('td', { hasText: 'Réponse corrigée' }).waitFor();
    await shoot(visitor, '88-changelog-fr');
    await expect(axeProblems(visitor)).resolves.toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
