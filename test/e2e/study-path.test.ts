import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load-content.ts';
import { bankForExam, taggedQuestions } from '../../src/core/items/exam-tags.ts';
import { axeProblems, launchBrowser, shoot, signUpInBrowser } from './support/browser.ts';
import { startApp, type RunningApp } from './support/start-app.ts';

/** Text as the page shows it: Markdown marks rendered away, spaces collapsed. */
const plain = (s: string) => s.replace(/[`*]/g, '').replace(/\s+/g, ' ').trim();

/** The study path on the real content: a lesson, its flash cards with the four ratings, a module quiz passed. */
describe('the study path in the browser', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  /** The key of every MLA-C02 module 1 question, by its stem: the test answers the quiz right. */
  const keys = new Map<string, string[]>();

  beforeAll(async () => {
    const content = await loadContent('content');
    for (const q of bankForExam(content.entries, 'mla-c02').flatMap(taggedQuestions)) {
      if (q.module === 1 && (q.type === 'single' || q.type === 'multiple')) keys.set(plain(q.stem), q.options.filter((o) => o.correct).map((o) => plain(o.text)));
    }
    app = await startApp('content');
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'en-GB' })).newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await signUpInBrowser(page, app.url, { name: 'Lee Learner', email: 'lee@example.com', password: 'a long enough password' });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('shows the modules in order with the next step, and reads a lesson rendered safely', async () => {
    await page.locator('.app-header').getByRole('link', { name: 'Study path' }).click();
    await page.getByRole('heading', { name: /^Study path/ }).waitFor();
    expect(await page.locator('ol.module-list > li').count()).toBe(36);
    await expect(page.locator('[data-testid="next-step"] p').textContent()).resolves.toBe('Read the lesson of module 1, Data ingestion for ML.');
    await shoot(page, '40-study-path');
    await expect(axeProblems(page)).resolves.toEqual([]);

    await page.locator('[data-testid="next-step"] a').click();
    await page.getByRole('heading', { level: 1, name: 'Data ingestion for ML' }).waitFor();
    expect(await page.locator('.lesson-body h2').count()).toBeGreaterThanOrEqual(5);
    expect(await page.locator('.lesson-body table').count()).toBeGreaterThanOrEqual(2);
    await expect(page.locator('.lesson-body').getAttribute('lang')).resolves.toBe('en');
    // Links go to AWS pages and open in a new tab; nothing in the lesson runs as HTML.
    const hrefs = await page.locator('.lesson-body a').evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.getAttribute('target')]));
    expect(hrefs.length).toBeGreaterThan(3);
    for (const [href, target] of hrefs) {
      expect(href).toMatch(/^https:\/\/(docs\.)?aws\.amazon\.com\//);
      expect(target).toBe('_blank');
    }
    await shoot(page, '41-lesson');
    await expect(axeProblems(page)).resolves.toEqual([]);
    // Readable at 200% zoom (a 640 px layout) and on a phone: wide tables scroll in their own box, the page never does.
    for (const width of [640, 360]) {
      await page.setViewportSize({ width, height: 740 });
      await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(width);
    }
    await page.setViewportSize({ width: 1280, height: 860 });
    await page.getByRole('button', { name: 'Mark as read: add its flash cards to my reviews' }).click();
    await page.locator('[data-testid="lesson-read"]').waitFor();
  });

  it('reviews flash cards with the four ratings, by keyboard', async () => {
    await page.getByRole('link', { name: 'Review the flash cards' }).click();
    await page.locator('[data-testid="flash-card"]').waitFor();
    await expect(page.locator('.flash-card .subtle').first().textContent()).resolves.toMatch(/^Card 1 of 14 · Data ingestion for ML/);
    for (const [i, key] of ['1', '2', '3', '4'].entries()) {
      await page.locator('.flash-card .subtle', { hasText: `Card ${i + 1} of 14` }).waitFor();
      await page.keyboard.press('Space');
      await page.locator('.card-ratings').waitFor();
      if (i === 0) {
        await expect(page.locator('.card-ratings .rating-when').allTextContents()).resolves.toEqual([expect.stringMatching(/^in \d+ min$/), expect.stringMatching(/^in \d+ min$/), expect.stringMatching(/^in \d+ min$|^tomorrow$/), expect.stringMatching(/^tomorrow$|^in \d+ days$/)]);
        await shoot(page, '42-flash-card');
        await expect(axeProblems(page)).resolves.toEqual([]);
      }
      await page.keyboard.press(key);
    }
    await page.locator('.flash-card .subtle', { hasText: 'Card 5 of 14' }).waitFor();
  });

  it('passes the module quiz with 8 or more right, and the path says so', async () => {
    await page.locator('.app-header').getByRole('link', { name: 'Study path' }).click();
    await page.locator('[data-testid="next-step"]').waitFor();
    await expect(page.locator('li[data-module="1"] .badge').textContent()).resolves.toBe('Lesson read');
    await expect(page.locator('[data-testid="today-reviews"] p').first().textContent()).resolves.toMatch(/^(?:1 flash card|(?!1 )\d+ flash cards) and 0 missed questions due today \(4 of 50 reviews done today\)\.$/);
    await page.locator('[data-testid="next-step"] button', { hasText: 'Take the quiz' }).click();
    await page.locator('article.item').waitFor();
    await expect(page.locator('.nav-grid li').count()).resolves.toBe(10);
    for (let i = 0; i < 10; i++) {
      const stem = plain((await page.locator('article.item .stem').textContent()) ?? '');
      // A C02 quiz asks only what the C02 exam asks: single and multiple questions, each with its key known here.
      expect(['single', 'multiple']).toContain(await page.locator('article.item').getAttribute('data-type'));
      const key = keys.get(stem);
      expect(key, stem).toBeDefined();
      for (const option of await page.locator('article.item .option').all()) {
        if ((key ?? []).includes(plain((await option.locator('.option-text').textContent()) ?? ''))) await option.locator('input').check();
      }
      if (i < 9) await page.locator('.item-actions button', { hasText: 'Next' }).click();
    }
    await page.locator('.side-actions button.primary').click();
    await page.getByRole('button', { name: 'Yes, submit' }).click();
    await page.getByRole('heading', { name: /Practice report/ }).waitFor();
    await page.locator('.app-header').getByRole('link', { name: 'Study path' }).click();
    await page.locator('li[data-module="1"] .badge', { hasText: 'Quiz passed' }).waitFor();
    await expect(page.locator('li[data-module="1"] p.subtle').textContent()).resolves.toMatch(/best quiz score (8|9|10) of 10/);
    await expect(page.locator('[data-testid="next-step"] p').textContent()).resolves.toBe('Read the lesson of module 2, SageMaker Data Wrangler.');
    // Mastery by skill, task statement by task statement: the quiz's answers count for module 1's skills.
    await page.locator('[data-testid="skill-heatmap"] summary').click();
    expect(await page.locator('[data-testid="skill-heatmap"] td.heat').count()).toBeGreaterThan(100);
    await expect(page.locator('[data-testid="skill-heatmap"] tr', { hasText: '1.1' }).locator('td.heat:not(.heat-0)').count()).resolves.toBeGreaterThan(0);
    await expect(axeProblems(page)).resolves.toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('makes a plan to the exam date, refusing a past date, and offers it as a calendar', async () => {
    await page.locator('#plan-date').fill('2026-11-01');
    await page.locator('#plan-hours').fill('8');
    await page.getByRole('button', { name: 'Make my plan' }).click();
    await expect(page.locator('[data-testid="study-plan"] [role="alert"]').textContent()).resolves.toMatch(/^The exam date 2026-11-01 is not after today \(\d{4}-\d\d-\d\d\): give the date of your next sitting\.$/);
    const inSixWeeks = new Date(Date.now() + 42 * 86_400_000).toISOString().slice(0, 10);
    await page.locator('#plan-date').fill(inSixWeeks);
    await page.getByRole('button', { name: 'Make my plan' }).click();
    await page.locator('[data-testid="plan-status"]').waitFor();
    await expect(page.locator('[data-testid="plan-status"]').textContent()).resolves.toBe('On track: no module was due yet.');
    expect(await page.locator('table.plan-weeks tbody tr').count()).toBeGreaterThanOrEqual(6);
    await expect(page.locator('table.plan-weeks tbody').textContent()).resolves.toContain('mock exam');
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Add to my calendar (.ics)' }).click();
    const { readFile } = await import('node:fs/promises');
    const ics = await readFile((await (await download).path()) as string, 'utf8');
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics).toContain('SUMMARY:Exam day: MLA-C02');
    await shoot(page, '44-study-plan');
    await expect(axeProblems(page)).resolves.toEqual([]);

    // The dashboard shows the path: modules passed, the next step, today's reviews, the plan; and mastery by skill.
    await page.locator('.app-header a.brand').click();
    const card = page.locator('[data-testid="study-path-card"]');
    await card.locator('[data-testid="study-card-plan"]', { hasText: 'On track: no module was due yet.' }).waitFor();
    await expect(card.textContent()).resolves.toContain('1 of 36 modules passed');
    await expect(card.getByRole('link', { name: 'Read the lesson of module 2, SageMaker Data Wrangler.' }).getAttribute('href')).resolves.toBe('#/lessons/data-wrangler');
    await expect(card.textContent()).resolves.toMatch(/Due today: (?:1 flash card|(?!1 )\d+ flash cards) and 0 missed questions\./);
    await page.locator('[data-testid="skill-heatmap"] summary').click();
    await expect(page.locator('[data-testid="skill-heatmap"] tr', { hasText: '1.1' }).locator('td.heat:not(.heat-0)').count()).resolves.toBeGreaterThan(0);
    await shoot(page, '46-dashboard-study');
    await expect(axeProblems(page)).resolves.toEqual([]);
    await page.locator('.app-header').getByRole('link', { name: 'Study path' }).click();
    await page.locator('[data-testid="study-plan"]').waitFor();
  });

  it('records a failed real result and plans the retake on the weak domains', async () => {
    const satOn = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
    await page.locator('#result-date').fill(satOn);
    await page.locator('#result-score').fill('800');
    await page.getByLabel('Fail', { exact: true }).check();
    await page.locator('#result-domain-2').selectOption('needs-improvement');
    await page.getByRole('button', { name: 'Save the result' }).click();
    // A score at or above 720 cannot be a fail: refused, with the reason.
    await expect(page.locator('[data-testid="exam-results"] [role="alert"]').textContent()).resolves.toBe('A scaled score of 800 reaches the passing score of 720: check the result on your score report.');
    await page.locator('#result-score').fill('684');
    await page.getByRole('button', { name: 'Save the result' }).click();
    const result = page.locator('[data-testid="exam-result"]');
    await result.waitFor();
    await expect(result.textContent()).resolves.toMatch(/(A beta can be taken only once: your retake is the standard exam, available from|You can sit again from) \d{1,2} \w+ \d{4}/);
    await expect(result.textContent()).resolves.toContain('Work first on what the score report marked Needs improvement: Domain 2');
    await result.getByRole('button', { name: /^Plan my retake for / }).click();
    await page.locator('[data-testid="plan-status"]').waitFor();
    await shoot(page, '45-retake-plan');
    await expect(axeProblems(page)).resolves.toEqual([]);
  });

  it('speaks French', async () => {
    await page.getByLabel('Language', { exact: true }).selectOption('fr');
    await page.getByRole('heading', { name: /^Parcours/ }).waitFor();
    await expect(page.locator('li[data-module="1"] .badge').textContent()).resolves.toBe('Quiz réussi');
    await expect(page.locator('li[data-module="1"] .module-title').textContent()).resolves.toContain('Ingestion de données pour le ML');
    await shoot(page, '43-study-path-fr');
    await expect(axeProblems(page)).resolves.toEqual([]);
  });
});
