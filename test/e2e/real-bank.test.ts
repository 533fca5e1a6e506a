import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeProblems, launchBrowser, shoot, signUpInBrowser } from './support/browser.ts';
import { startApp, type RunningApp } from './support/start-app.ts';

/** A full-length mock on the real bank in content/: 65 items, the real exam's clock, long case studies. */
describe('full mock exam on the real bank', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    app = await startApp('content');
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('starts 65 items in 130 minutes (+30 with the ESL accommodation) and shows a case study accessibly', async () => {
    await signUpInBrowser(page, app.url, { name: 'Cy Candidate', email: 'cy@example.com', password: 'a long enough password', exam: 'MLA-C01' });
    await page.getByLabel(/English as a second language/).check();
    await page.locator('#mock-title + form button[type="submit"]').click();
    await page.getByRole('button', { name: 'Begin the exam' }).click();
    await page.locator('article.item').waitFor();
    await expect(page.locator('.nav-grid li').count()).resolves.toBe(65);
    await expect(page.locator('[data-testid="time-left"]').textContent()).resolves.toMatch(/^2:(3\d|40):\d\d$/);

    for (let i = 0; i < 65 && (await page.locator('.case-study').count()) === 0; i++) {
      await page.locator('.item-actions button', { hasText: 'Next' }).click();
    }
    await expect(page.locator('.case-progress').textContent()).resolves.toMatch(/^Case study question 1 of [2-4]$/);
    await shoot(page, '30-real-case-study');
    await expect(axeProblems(page)).resolves.toEqual([]);
  });
});
