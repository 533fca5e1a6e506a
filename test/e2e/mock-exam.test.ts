import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Locator, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeProblems, chooseExamInBrowser, launchBrowser, shoot } from './support/browser.ts';
import { startApp, type RunningApp } from './support/start-app.ts';

/**
 * The candidate's main journey in real Chromium against the real server: first run, a short mock
 * answered by keyboard alone, flag, review screen, reload, submit, report. The steps share one
 * browser context (one signed-in candidate) and run in order.
 */
describe('mock exam in the browser', () => {
  let app: RunningApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  /** Presses Tab until `target` has focus: the way a keyboard-only candidate reaches a control. */
  const tabTo = async (target: Locator, max = 150) => {
    const handle = await target.elementHandle();
    for (let i = 0; i < max; i++) {
      if (await page.evaluate((el) => document.activeElement === el, handle)) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`Tab did not reach ${String(target)} in ${max} presses`);
  };
  /** Reaches a control with Tab, then presses a key on it. */
  const press = async (selector: string, key: string) => {
    await tabTo(page.locator(selector).first());
    await page.keyboard.press(key);
  };

  it('creates the first account, signs out and signs in again', async () => {
    await page.goto(app.url);
    await expect(page.getByRole('heading', { name: 'Create your account' }).waitFor()).resolves.toBeUndefined();
    await shoot(page, '01-create-account');
    await expect(axeProblems(page)).resolves.toEqual([]);
    await page.getByLabel('Name', { exact: true }).fill('Ada Candidate');
    await page.getByLabel('Email', { exact: true }).fill('ada@example.com');
    await page.getByLabel('Password', { exact: true }).fill('correct horse battery');
    await page.getByLabel('Password', { exact: true }).press('Enter');
    // First sign-in: which exam? This server knows one version only.
    await page.getByRole('heading', { name: 'Which exam are you preparing for?' }).waitFor();
    await expect(page.locator('.exam-option').count()).resolves.toBe(1);
    await expect(axeProblems(page)).resolves.toEqual([]);
    await chooseExamInBrowser(page);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByLabel('Email', { exact: true }).fill('ada@example.com');
    await page.getByLabel('Password', { exact: true }).fill('wrong password!');
    await page.getByLabel('Password', { exact: true }).press('Enter');
    await page.getByRole('alert').waitFor();
    await page.getByLabel('Password', { exact: true }).fill('correct horse battery');
    await page.getByLabel('Password', { exact: true }).press('Enter');
    await page.getByRole('heading', { name: /Dashboard/ }).waitFor();
    await expect(page.getByText('Signed in as Ada Candidate').isVisible()).resolves.toBe(true);
    await shoot(page, '02-dashboard');
    // The first Tab reaches the skip link, which moves focus to the main content.
    await page.reload();
    await page.getByRole('heading', { name: /Dashboard/ }).waitFor();
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Skip to main content');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
    await expect(axeProblems(page)).resolves.toEqual([]);
  });

  const bodies: { url: string; body: string }[] = [];
  const record = async (res: Response) => {
    if (!res.url().includes('/api/')) return;
    bodies.push({ url: res.url(), body: await res.text().catch(() => '') });
  };

  it('takes a short mock answering every item type by keyboard, with flag, review and reload', async () => {
    page.on('response', record);
    // Tab stops on the checked radio of a group; the arrow keys choose within it (standard, beta, short).
    await tabTo(page.locator('input[name="profile"]:checked'));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(page.locator('input[name="profile"][value="short"]').isChecked()).resolves.toBe(true);
    await press('#mock-title + form button[type="submit"]', 'Enter');
    // The instructions come first: the format, the unscored questions, the time, the shortcuts.
    await page.getByRole('heading', { name: /Before you begin/ }).waitFor();
    expect(page.url()).toMatch(/#\/mock\/short$/);
    await expect(page.locator('[data-testid="intro-format"]').textContent()).resolves.toBe('10 questions: 8 are scored and 2 are unscored, as on the real exam. You cannot tell which are which.');
    await expect(page.locator('[data-testid="intro-time"]').textContent()).resolves.toMatch(/^You have 20 minutes\. The clock starts when you select Begin/);
    await expect(page.locator('table.shortcuts').textContent()).resolves.toContain('Alt + NNext');
    await shoot(page, '02b-mock-instructions');
    await expect(axeProblems(page)).resolves.toEqual([]);
    await press('button:has-text("Begin the exam")', 'Enter');
    await page.locator('article.item').waitFor();
    expect(page.url()).toMatch(/#\/attempts\/[^/]+$/);

    const total = await page.locator('.nav-grid li').count();
    expect(total).toBe(10);
    const seen = new Set<string>();
    let firstMultiple = -1;
    for (let i = 0; i < total; i++) {
      const article = page.locator('article.item');
      await expect(page.locator('.question-heading').textContent()).resolves.toBe(`Question ${i + 1} of ${total}`);
      // Changing item moves focus to the question heading.
      await expect(page.evaluate(() => document.activeElement?.classList.contains('question-heading'))).resolves.toBe(true);
      const type = (await article.getAttribute('data-type')) as string;
      const first = !seen.has(type);
      seen.add(type);
      if (type === 'single') {
        await press('article.item input[type="radio"]', 'Space');
        await expect(page.locator('article.item input[type="radio"]').first().isChecked()).resolves.toBe(true);
        // Strike out the last option by keyboard: a toggle button with aria-pressed.
        const strike = page.locator('article.item .option:last-of-type button.strike');
        await expect(strike.textContent()).resolves.toBe('Strike out');
        // The strike buttons are one Tab stop (roving tabindex): Tab reaches the first, End the last.
        await expect(page.locator('article.item button.strike[tabindex="0"]').count()).resolves.toBe(1);
        await press('article.item .option:first-of-type button.strike', 'End');
        await expect(strike.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
        await page.keyboard.press('Enter');
        // The button now says what it will do: restore the option.
        await expect(strike.textContent()).resolves.toBe('Restore');
        await expect(strike.getAttribute('aria-label')).resolves.toMatch(/^Restore option [A-D]$/);
        if (first) await shoot(page, '03-single');
      } else if (type === 'multiple') {
        const boxes = page.locator('article.item input[type="checkbox"]');
        await tabTo(boxes.nth(0));
        await page.keyboard.press('Space');
        await tabTo(boxes.nth(1));
        await page.keyboard.press('Space');
        await expect(page.locator('article.item .select-count').textContent()).resolves.toBe('2 of 2 selected');
        if (first) {
          firstMultiple = i;
          await shoot(page, '04-multiple');
          // A third choice is refused with a note (the server would refuse it too); the two stay chosen.
          await tabTo(boxes.nth(2));
          await page.keyboard.press('Space');
          await expect(boxes.nth(2).isChecked()).resolves.toBe(false);
          await expect(boxes.nth(1).isChecked()).resolves.toBe(true);
          await expect(page.locator('article.item .select-count').textContent()).resolves.toBe('This question asks for 2: clear one before choosing another.');
          await shoot(page, '04-multiple-refused');
        }
      } else if (type === 'ordering') {
        const before = await page.locator('article.item .order-text').allTextContents();
        await press('article.item .order-step:first-child button:has-text("Move down")', 'Enter');
        const after = await page.locator('article.item .order-text').allTextContents();
        expect(after).toEqual([before[1], before[0], ...before.slice(2)]);
        // Focus follows the moved step.
        await expect(page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).resolves.toBe(`Move down: ${before[0]}`);
        if (first) {
          await shoot(page, '05-ordering');
          // 200% zoom of a 1280 px window is a 640 px wide layout at twice the pixel density.
          await page.setViewportSize({ width: 640, height: 430 });
          await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(640);
          await page.screenshot({ path: '/tmp/shots/05-ordering-zoom200.png', fullPage: true });
          await page.setViewportSize({ width: 1280, height: 860 });
        }
      } else if (type === 'matching') {
        const selects = page.locator('article.item select');
        const n = await selects.count();
        for (let k = 0; k < n; k++) {
          await tabTo(selects.nth(k));
          for (let down = 0; down <= k; down++) await page.keyboard.press('ArrowDown');
          await expect(selects.nth(k).inputValue()).resolves.not.toBe('');
        }
        if (first) await shoot(page, '06-matching');
      }
      if ((await page.locator('.case-study').count()) > 0 && !seen.has('case')) {
        seen.add('case');
        await expect(page.locator('.case-progress').textContent()).resolves.toMatch(/^Case study question \d of 4$/);
        await shoot(page, '07-case-study');
      }
      if (i === 1) {
        await press('button.flag-button', 'Space');
        await expect(page.locator('button.flag-button').getAttribute('aria-pressed')).resolves.toBe('true');
      }
      if (i === 3) {
        // The test driver's shortcuts: Alt+F flags and unflags, Alt+P goes back, Alt+N forward.
        await page.keyboard.press('Alt+KeyF');
        await expect(page.locator('button.flag-button').getAttribute('aria-pressed')).resolves.toBe('true');
        await page.keyboard.press('Alt+KeyF');
        await expect(page.locator('button.flag-button').getAttribute('aria-pressed')).resolves.toBe('false');
        await page.keyboard.press('Alt+KeyP');
        await expect(page.locator('.question-heading').textContent()).resolves.toBe(`Question 3 of ${total}`);
        await page.keyboard.press('Alt+KeyN');
        await expect(page.locator('.question-heading').textContent()).resolves.toBe(`Question 4 of ${total}`);
        // Ctrl+N stays the browser's: no move.
        await page.keyboard.press('Control+KeyM');
        await expect(page.locator('.question-heading').textContent()).resolves.toBe(`Question 4 of ${total}`);
        await page.keyboard.press('Alt+KeyN');
      } else if (i < total - 1) await press('.item-actions button:has-text("Next")', 'Enter');
    }
    expect([...seen].sort()).toEqual(['case', 'matching', 'multiple', 'ordering', 'single']);
    await page.locator('[data-testid="save-status"]:text-is("Saved")').waitFor();
    await expect(page.locator('.nav-grid .nav-cell.answered').count()).resolves.toBe(10);

    const problems = await axeProblems(page);
    expect(problems).toEqual([]);

    // Reload on item 4: same item, every answer back, the same remaining time.
    await press('.nav-grid li:nth-child(4) button', 'Enter');
    const timeBefore = await page.locator('[data-testid="time-left"]').textContent();
    const stamp = Date.now();
    await page.reload();
    await page.locator('article.item').waitFor();
    await expect(page.locator('.question-heading').textContent()).resolves.toBe('Question 4 of 10');
    await expect(page.locator('.nav-grid .nav-cell.answered').count()).resolves.toBe(10);
    await expect(page.locator('.nav-grid .nav-cell.flagged').count()).resolves.toBe(1);
    const timeAfter = (await page.locator('[data-testid="time-left"]').textContent()) as string;
    const seconds = (s: string) => s.split(':').reduce((acc, part) => acc * 60 + Number(part), 0);
    const drift = seconds(timeBefore as string) - seconds(timeAfter) - (Date.now() - stamp) / 1000;
    expect(Math.abs(drift)).toBeLessThan(3);
    expect(seconds(timeAfter)).toBeGreaterThan(18 * 60);
    // The ticking clock is not a live region: screen readers are told only at thresholds.
    await expect(page.locator('[data-testid="time-left"]').evaluate((el) => el.closest('[aria-live],[role="status"],[role="alert"]') === null)).resolves.toBe(true);

    // Review screen: nothing unanswered, the flagged item listed with a link to it.
    await press('.side-actions button:has-text("Review answers")', 'Enter');
    await page.getByRole('heading', { name: 'Review answers' }).waitFor();
    await expect(page.getByRole('heading', { name: 'Unanswered (0)' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('heading', { name: 'Flagged (1)' }).isVisible()).resolves.toBe(true);
    await shoot(page, '08-review-screen');
    // The review walk of the flagged questions: one at a time, then back to the review screen.
    await press('button:has-text("Review flagged (1)")', 'Enter');
    await expect(page.locator('[data-testid="review-walk"]').textContent()).resolves.toBe('Reviewing flagged questions: 1 of 1End review');
    await expect(page.locator('.question-heading').textContent()).resolves.toBe('Question 2 of 10');
    await expect(page.locator('.item-actions button:has-text("Next")').count()).resolves.toBe(0);
    await shoot(page, '08b-review-walk');
    await press('[data-testid="review-walk"] button', 'Enter');
    await page.getByRole('heading', { name: 'Review answers' }).waitFor();
    // Review all walks every question in order.
    await press('button:has-text("Review all (10)")', 'Enter');
    await expect(page.locator('[data-testid="review-walk"] span').textContent()).resolves.toBe('Reviewing all questions: 1 of 10');
    await page.keyboard.press('Alt+KeyN');
    await expect(page.locator('[data-testid="review-walk"] span').textContent()).resolves.toBe('Reviewing all questions: 2 of 10');
    await page.keyboard.press('Alt+KeyR');
    await page.getByRole('heading', { name: 'Review answers' }).waitFor();
    await press('.review-links a', 'Enter');
    await expect(page.locator('.question-heading').textContent()).resolves.toBe('Question 2 of 10');
    await press('.side-actions button:has-text("Review answers")', 'Enter');
    await page.getByRole('heading', { name: 'Review answers' }).waitFor();

    // One of "Select TWO" is incomplete, not answered: the navigator, the review screen and the
    // submit dialog list it apart, as the real test driver does.
    await press(`.review-links a >> nth=0`, 'Enter');
    await press(`.nav-grid li:nth-child(${firstMultiple + 1}) button`, 'Enter');
    await tabTo(page.locator('article.item input[type="checkbox"]:checked').first());
    await page.keyboard.press('Space');
    const cell = page.locator(`.nav-grid li:nth-child(${firstMultiple + 1}) .nav-cell`);
    await expect(cell.getAttribute('class')).resolves.toContain('incomplete');
    await expect(cell.getAttribute('aria-label')).resolves.toContain('incomplete: 1 of 2 chosen');
    await page.locator('[data-testid="save-status"]:text-is("Saved")').waitFor();
    await press('.side-actions button:has-text("Review answers")', 'Enter');
    await expect(page.getByRole('heading', { name: 'Incomplete (1)' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('heading', { name: 'Unanswered (0)' }).isVisible()).resolves.toBe(true);
    await expect(page.locator('.review-links strong').first().textContent()).resolves.toBe(' (incomplete: 1 of 2 chosen)');
    await shoot(page, '08-review-incomplete');
    await press('.review-screen button:has-text("Submit answers")', 'Enter');
    await page.getByRole('dialog').waitFor();
    await expect(page.getByRole('dialog').textContent()).resolves.toContain('1 question is incomplete and will count as wrong.');
    // Escape closes the dialog and gives focus back to the button that opened it.
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog').count()).resolves.toBe(0);
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Submit answers');
    // Complete it again, then submit with a confirmation first.
    await press(`.nav-grid li:nth-child(${firstMultiple + 1}) button`, 'Enter');
    const unchecked = page.locator('article.item input[type="checkbox"]:not(:checked)');
    await tabTo(unchecked.first());
    await page.keyboard.press('Space');
    await expect(cell.getAttribute('class')).resolves.toContain('answered');
    await page.locator('[data-testid="save-status"]:text-is("Saved")').waitFor();
    await press('.side-actions button:has-text("Review answers")', 'Enter');
    await page.getByRole('heading', { name: 'Review answers' }).waitFor();
    await press('.review-screen button:has-text("Submit answers")', 'Enter');
    await page.getByRole('dialog').waitFor();
    await shoot(page, '09-confirm-submit');
    await press('dialog button:has-text("Yes, submit")', 'Enter');
    await page.getByRole('heading', { name: /Score report/ }).waitFor();
  });

  it('never sends an answer key or rationale before submission', () => {
    const beforeSubmit = bodies.slice(0, bodies.findIndex((b) => /\/submit$/.test(b.url)));
    expect(beforeSubmit.length).toBeGreaterThan(10);
    expect(beforeSubmit.some((b) => /\/api\/attempts\/[^/]+$/.test(b.url) && b.body.includes('"stem"'))).toBe(true);
    for (const b of beforeSubmit) {
      expect(b.body, b.url).not.toMatch(/"(correct|why|explanation|match|references|angoff)"\s*:/);
    }
  });

  it('shows the score report: scaled score, method, domains, per-item review and filters', async () => {
    page.off('response', record);
    const scaled = Number(await page.locator('[data-testid="scaled-score"]').textContent());
    expect(scaled).toBeGreaterThanOrEqual(100);
    expect(scaled).toBeLessThanOrEqual(1000);
    await expect(page.locator('[data-testid="result"]').textContent()).resolves.toBe(scaled >= 720 ? 'Pass' : 'Fail');
    // Plain words: no "Angoff" or "IRT" on the page; the method is explained on demand.
    await expect(page.locator('[data-testid="method"]').textContent()).resolves.toMatch(/^Estimated from (the questions’ difficulty ratings|your answers and each question’s measured difficulty)( \(provisional\))?$/);
    await expect(page.locator('.report').textContent()).resolves.not.toMatch(/Angoff|\bIRT\b/);
    await expect(page.locator('[data-testid="raw-score"]').textContent()).resolves.toMatch(/^\d+ of 8 scored questions right; about [\d.]+ right were needed to pass this set$/);
    await expect(page.getByText('This mock had 10 questions: 8 were scored and 2 were unscored, as on the real exam').isVisible()).resolves.toBe(true);
    await expect(page.getByText('Scale 100–1000; the line marks the passing score, 720.').isVisible()).resolves.toBe(true);
    await expect(page.locator('[data-testid="time-ran-out"]').count()).resolves.toBe(0);
    await expect(page.locator('#domains-title + .bars li').count()).resolves.toBe(4);
    await expect(page.locator('#domains-title + .bars .badge').allTextContents()).resolves.toSatisfy((l: string[]) => l.every((t) => t === 'Meets competencies' || t === 'Needs improvement'));
    await expect(page.locator('.report-item').count()).resolves.toBe(10);
    await expect(page.locator('.report-item .why').count()).resolves.toBeGreaterThan(20);
    await expect(page.locator('.report-item .references a').first().getAttribute('href')).resolves.toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
    // Time: from start to submission against the time allowed, the pace, the slowest questions.
    await expect(page.locator('[data-testid="time-panel"] p').first().textContent()).resolves.toMatch(/^From start to submission: [\d hmins]+ of the 20 min allowed\.$/);
    await expect(page.locator('[data-testid="pace"]').textContent()).resolves.toMatch(/real exam’s pace of 2 min per question/);
    const slowest = page.locator('ol.slowest li');
    expect(await slowest.count()).toBeGreaterThanOrEqual(3);
    const firstSlow = (await slowest.first().locator('button').textContent()) as string;
    await slowest.first().locator('button').click();
    await expect(page.evaluate(() => document.activeElement?.textContent ?? '')).resolves.toContain(firstSlow);
    await expect(page.locator('.report-item h3 .subtle', { hasText: 'Time on this question' }).count()).resolves.toBeGreaterThanOrEqual(3);
    await shoot(page, '10-report');
    await expect(axeProblems(page)).resolves.toEqual([]);

    // The filter is a radio group (all, incorrect, flagged): Tab to it, arrows to choose.
    await tabTo(page.locator('input[name="filter"]:checked'));
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('input[name="filter"][value="incorrect"]').isChecked()).resolves.toBe(true);
    await expect(page.locator('.report-item .verdict .badge.ok').count()).resolves.toBe(0);
    await expect(page.locator('.report-item').count()).resolves.toBeLessThanOrEqual(10);
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('.report-item').count()).resolves.toBe(1);

    // What to study next: three task statements, each with a practice on it.
    await expect(page.locator('.study-list button').count()).resolves.toBe(3);

    // The results download as CSV, one row per question; the report prints without its buttons.
    const mockId = page.url().split('/').at(-2) as string;
    const wrongCount = await page.evaluate(async (id) => (await (await fetch(`/api/attempts/${id}/report`)).json()).items.filter((i: { correct: boolean }) => !i.correct).length, mockId);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download the results (CSV)' }).click();
    const csv = await (await download).path().then((p) => readFile(p, 'utf8'));
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(11);
    expect(csv.startsWith('number,question_id,domain,task,scored,answered,correct,stem\r\n')).toBe(true);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.report-actions').isVisible()).resolves.toBe(false);
    await page.screenshot({ path: '/tmp/shots/10-report-print.png', fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    // Redo the questions answered wrong: a practice of exactly those, with feedback.
    const redoButton = page.getByRole('button', { name: `Redo the ${wrongCount} ${wrongCount === 1 ? 'question' : 'questions'} I got wrong` });
    await redoButton.click();
    await page.locator('article.item').waitFor();
    await expect(page.locator('.nav-grid li').count()).resolves.toBe(wrongCount);
    await page.goBack();
    await page.getByRole('heading', { name: /Score report/ }).waitFor();

    // Back on the dashboard the attempt is in the history with its score, and in the score trend.
    await page.goto(`${app.url}/#/`);
    await page.getByRole('heading', { name: 'Attempt history' }).waitFor();
    await expect(page.locator(`tr[data-attempt="${mockId}"]`).textContent()).resolves.toContain(String(scaled));
    await expect(page.getByRole('heading', { name: 'What to study next' }).isVisible()).resolves.toBe(true);

    // A second short mock, submitted blank: the trend shows both scores against the passing line.
    await page.locator('input[name="profile"][value="short"]').check();
    await page.locator('#mock-title + form button[type="submit"]').click();
    await page.getByRole('button', { name: 'Begin the exam' }).click();
    await page.locator('article.item').waitFor();
    await page.getByRole('button', { name: /Review answers/ }).first().click();
    await page.locator('.review-screen button:has-text("Submit answers")').click();
    await page.locator('dialog button:has-text("Yes, submit")').click();
    await page.getByRole('heading', { name: /Score report/ }).waitFor();
    await page.goto(`${app.url}/#/`);
    await page.getByRole('heading', { name: 'Scores over time' }).waitFor();
    await expect(page.locator('.trend-chart .point-mock').count()).resolves.toBe(2);
    await expect(page.locator('[data-testid="score-trend"] figcaption').textContent()).resolves.toBe('2 mock exam scores and quick-check estimates, oldest to newest, against the passing score of 720.');
    await page.locator('[data-testid="score-trend"] summary').click();
    await expect(page.locator('[data-testid="score-trend"] tbody tr').count()).resolves.toBe(2);
    await expect(page.locator('[data-testid="score-trend"] tbody tr').nth(0).textContent()).resolves.toContain(String(scaled));
    await expect(page.locator('[data-testid="score-trend"] tbody tr').nth(1).textContent()).resolves.toContain('100');
    await expect(page.locator('[data-testid="mastery-heatmap"] td.heat').count()).resolves.toBeGreaterThan(10);
    // Study time: this week's bar holds the time of both mocks (and the redo practice).
    await expect(page.locator('[data-testid="study-time"] figcaption').textContent()).resolves.toMatch(/this week: (\d+ s|\d+ min( \d\d s)?)\.$/);
    await expect(page.locator('[data-testid="study-time"] rect.study-bar.current').getAttribute('height')).resolves.not.toBe('0');
    await expect(page.locator(`tr[data-attempt="${mockId}"] td`).nth(3).textContent()).resolves.toMatch(/^(\d+ s|\d+ min( \d\d s)?)$/);
    await shoot(page, '11-dashboard-after');
    await expect(axeProblems(page)).resolves.toEqual([]);
    expect(pageErrors).toEqual([]);
  });
  it('warns before a second mock while one is open, and abandons the open one from the history', async () => {
    await page.goto(`${app.url}/#/`);
    await page.getByRole('heading', { name: 'Attempt history' }).waitFor();
    await page.locator('input[name="profile"][value="short"]').check();
    await page.locator('#mock-title + form button[type="submit"]').click();
    await page.getByRole('button', { name: 'Begin the exam' }).click();
    await page.locator('article.item').waitFor();
    const openId = page.url().split('/').pop()!;
    await page.goto(`${app.url}/#/`);
    await page.getByRole('heading', { name: 'Attempt history' }).waitFor();
    await page.locator('input[name="profile"][value="short"]').check();
    await page.locator('#mock-title + form button[type="submit"]').click();
    const warning = page.locator('[data-testid="open-mock-warning"]');
    await warning.waitFor();
    await expect(warning.getByRole('link').getAttribute('href')).resolves.toBe(`#/attempts/${openId}`);
    await expect(page.locator('#mock-title + form button[type="submit"]').textContent()).resolves.toBe('Start another mock anyway');
    await shoot(page, '12-second-mock-warning');
    await expect(axeProblems(page)).resolves.toEqual([]);

    const row = page.locator(`tr[data-attempt="${openId}"]`);
    await row.getByRole('button', { name: 'Abandon' }).click();
    await expect(row.textContent()).resolves.toContain('Abandon it? It will have no score.');
    await row.getByRole('button', { name: 'Yes, abandon' }).click();
    await page.locator(`tr[data-attempt="${openId}"][data-status="abandoned"]`).waitFor();
    await expect(row.textContent()).resolves.toContain('Abandoned');
    // With no mock in progress, starting one asks nothing.
    await page.locator('#mock-title + form button[type="submit"]').click();
    await page.getByRole('button', { name: 'Begin the exam' }).click();
    await page.locator('article.item').waitFor();
  });
  it('fits a phone: the timer and the item actions stay on screen, the question grid folds away', async () => {
    // The mock the previous test left open, on a 390 × 844 screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.locator('article.item').waitFor();
    await expect(page.locator('details.nav-fold').count()).resolves.toBe(1);
    await expect(page.locator('details.nav-fold').evaluate((d) => (d as HTMLDetailsElement).open)).resolves.toBe(false);
    await expect(page.locator('.exam-bar').evaluate((el) => getComputedStyle(el).position)).resolves.toBe('sticky');
    await page.evaluate(() => window.scrollTo(0, 0));
    const actions = await page.locator('.item-actions').boundingBox();
    expect(actions!.y + actions!.height).toBeLessThanOrEqual(844 + 1);
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
    await page.screenshot({ path: '/tmp/shots/13-phone-390.png' });
    await page.locator('details.nav-fold > summary').click();
    await expect(page.locator('.nav-grid li').count()).resolves.toBe(10);
    await expect(axeProblems(page)).resolves.toEqual([]);

    // The dashboard's tables reflow on the phone: no column is cut and nothing scrolls sideways.
    await page.goto(`${app.url}/#/`);
    await page.getByRole('heading', { name: 'Attempt history' }).waitFor();
    await page.locator('[data-testid="skill-heatmap"] summary').click();
    for (const table of ['table.history-table', '[data-testid="mastery-heatmap"]', 'table.skill-heatmap']) {
      const fits = await page.locator(table).evaluate((el) => {
        const box = el.getBoundingClientRect();
        return box.right <= window.innerWidth && [...el.querySelectorAll('td')].every((td) => td.getBoundingClientRect().right <= window.innerWidth + 0.5);
      });
      expect(fits, table).toBe(true);
    }
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
    await expect(page.locator('table.history-table tr[data-status="abandoned"] td').first().evaluate((td) => getComputedStyle(td, '::before').content)).resolves.toBe('"Started"');
    await shoot(page, '14-dashboard-phone');
    await expect(axeProblems(page)).resolves.toEqual([]);
    await page.setViewportSize({ width: 1280, height: 860 });
  });
});
