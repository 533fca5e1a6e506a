import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { examStatus } from '../../src/core/exam/exam-status.ts';
import { isoDay } from '../../src/core/util/iso-day.ts';
import { dictionaries, format, type MessageKey } from '../../web/src/i18n/messages.ts';
import { noticeText } from '../../web/src/exam-version/notice-text.ts';
import { loadExam } from '../helpers/load-exam.ts';
import { axeProblems, launchBrowser, shoot } from './support/browser.ts';
import { startApp, type RunningApp } from './support/start-app.ts';

const c01 = loadExam('mla-c01');
const c02 = loadExam('mla-c02');
const exams = new Map([c01, c02].map((e) => [e.id, e]));
/** The notice the page must show today, worded by the app's own dictionaries (their wording is unit-tested for fixed days). */
const expectedNotice = (exam: typeof c01, locale: 'en' | 'fr') =>
  noticeText(examStatus(exam, exams, isoDay(Date.now())), exam.code, (k: MessageKey, v?: Record<string, string | number>) => format(dictionaries[locale][k], v), locale);

/**
 * Two exam versions on the real bank: a new candidate chooses MLA-C02 (offered first), takes a short
 * C02 mock and reads its report with C02's domain names, then switches to MLA-C01 and is told it
 * was retired in English; a French-speaking candidate sees the same in French.
 */
describe('two exam versions in the browser', () => {
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startApp('content');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  const signUp = async (page: Page, who: { name: string; email: string }) => {
    await page.goto(app.url);
    // After the first account, the form opens on "Sign in": switch to signing up.
    const toSignUp = page.getByRole('button', { name: /^(Sign up|S'inscrire)$/ });
    await page.getByLabel(/^(Email|E-mail)$/).waitFor();
    if (await toSignUp.isVisible()) await toSignUp.click();
    await page.getByLabel(/^(Name|Nom)$/).fill(who.name);
    await page.getByLabel(/^(Email|E-mail)$/).fill(who.email);
    await page.getByLabel(/^(Password|Mot de passe)$/).fill('a long enough password');
    await page.getByLabel(/^(Password|Mot de passe)$/).press('Enter');
    await page.locator('#exam-choice-title').waitFor();
  };

  it('a new candidate chooses MLA-C02, offered first, with an exam date; the header and the dashboard say which exam and where it stands', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'en-GB' })).newPage();
    await signUp(page, { name: 'Dee Candidate', email: 'dee@example.com' });
    await expect(page.locator('#exam-choice-title').textContent()).resolves.toBe('Which exam are you preparing for?');
    await expect(page.locator('.exam-option').count()).resolves.toBe(2);
    await expect(page.locator('.exam-option input:checked').inputValue()).resolves.toBe('mla-c02');
    await expect(page.locator('.exam-option.chosen .exam-option-default').textContent()).resolves.toBe('Most candidates sit this version today.');
    await expect(page.locator('.exam-option', { hasText: 'MLA-C01' }).locator('[data-testid=exam-notice]').textContent()).resolves.toBe(expectedNotice(c01, 'en'));
    await page.getByLabel('Your exam date (optional)').fill('2027-02-15');
    await shoot(page, '50-choose-exam');
    await expect(axeProblems(page)).resolves.toEqual([]);
    await page.getByRole('button', { name: 'Continue with MLA-C02' }).click();

    await page.locator('.dashboard h1').waitFor();
    await expect(page.locator('[data-testid=header-exam]').textContent()).resolves.toMatch(/^ MLA-C02(beta)?$/);
    const c02Notice = expectedNotice(c02, 'en');
    if (c02Notice) await expect(page.locator('.dashboard [data-testid=exam-notice]').textContent()).resolves.toBe(c02Notice);
    await expect(page.locator('.countdown').textContent()).resolves.toMatch(/^Your exam is on 15 February 2027: \d+ days to go\.$|^Your exam/);
    await expect(page.locator('.bars li').first().textContent()).resolves.toContain('Domain 1: Data Preparation for ML and AI');
    await expect(page.locator('#mock-title + form').textContent()).resolves.toContain('The MLA-C02 mock exam holds multiple-choice and multiple-response questions only');
    await shoot(page, '51-dashboard-c02');
    await expect(axeProblems(page)).resolves.toEqual([]);

    // A short C02 mock: ten questions, each multiple choice or multiple response.
    await page.locator('input[name="profile"][value="short"]').check();
    await page.locator('#mock-title + form button[type="submit"]').click();
    await page.getByRole('button', { name: 'Begin the exam' }).click();
    await page.locator('article.item').waitFor();
    await expect(page.locator('.exam-title').textContent()).resolves.toBe('Mock exam — MLA-C02');
    await expect(page.locator('.nav-grid li').count()).resolves.toBe(10);
    const types: string[] = [];
    for (let i = 0; i < 10; i++) {
      types.push((await page.locator('article.item').getAttribute('data-type')) ?? '');
      const first = page.locator('article.item input').first();
      await first.check();
      if (i < 9) await page.locator('.item-actions button', { hasText: 'Next' }).click();
    }
    expect(types.every((t) => t === 'single' || t === 'multiple')).toBe(true);
    await page.getByRole('button', { name: /Review answers/ }).first().click();
    await page.locator('.review-screen button:has-text("Submit answers")').click();
    await page.locator('dialog button:has-text("Yes, submit")').click();
    await page.getByRole('heading', { name: /Score report/ }).waitFor();
    await expect(page.locator('.report h1').textContent()).resolves.toContain('MLA-C02');
    const domainText = await page.locator('.report').textContent();
    for (const d of c02.domains) expect(domainText).toContain(d.name);
    await shoot(page, '52-report-c02');

    // Switching to C01 in the settings: the retirement notice, on the choice and on the dashboard.
    await page.getByRole('link', { name: 'Change exam' }).click();
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    await page.locator('.exam-option', { hasText: 'MLA-C01' }).locator('input').check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await page.locator('.brand').click();
    await page.locator('.dashboard h1').waitFor();
    await expect(page.locator('.dashboard h1').textContent()).resolves.toContain('MLA-C01');
    await expect(page.locator('.dashboard [data-testid=exam-notice]').textContent()).resolves.toBe(expectedNotice(c01, 'en'));
    await expect(page.locator('[data-testid=header-exam]').textContent()).resolves.toMatch(/^ MLA-C01/);
    // The C02 mock is in C02's history, not C01's.
    await expect(page.locator('section[aria-labelledby="history-title"] tbody tr').count()).resolves.toBe(0);
    await shoot(page, '53-dashboard-c01');
  });

  it('the same in French', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'fr-FR' })).newPage();
    await signUp(page, { name: 'Élise Candidate', email: 'elise@example.com' });
    await expect(page.locator('#exam-choice-title').textContent()).resolves.toBe('Quel examen préparez-vous ?');
    await expect(page.locator('.exam-option', { hasText: 'MLA-C01' }).locator('[data-testid=exam-notice]').textContent()).resolves.toBe(expectedNotice(c01, 'fr'));
    await shoot(page, '54-choose-exam-fr');
    await page.getByRole('button', { name: 'Continuer avec MLA-C02' }).click();
    await page.locator('.dashboard h1').waitFor();
    const c02Notice = expectedNotice(c02, 'fr');
    if (c02Notice) await expect(page.locator('.dashboard [data-testid=exam-notice]').textContent()).resolves.toBe(c02Notice);
    await shoot(page, '55-dashboard-c02-fr');
    await page.getByRole('link', { name: "Changer d'examen" }).click();
    await page.locator('.exam-option', { hasText: 'MLA-C01' }).locator('input').check();
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByRole('status').filter({ hasText: 'Enregistré.' }).waitFor();
    await page.locator('.brand').click();
    await page.locator('.dashboard h1').waitFor();
    await expect(page.locator('.dashboard [data-testid=exam-notice]').textContent()).resolves.toBe(expectedNotice(c01, 'fr'));
    await shoot(page, '56-dashboard-c01-fr');
    await expect(axeProblems(page)).resolves.toEqual([]);
  });
});
