import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeProblems, launchBrowser, shoot, signUpInBrowser } from './support/browser.ts';
import { startApp, type RunningApp } from './support/start-app.ts';

/** The account in the settings: change the password, download your data, delete the account. */
describe('the account in the browser', () => {
  let app: RunningApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'en-GB' });
    page = await context.newPage();
    await signUpInBrowser(page, app.url, { name: 'Dee Owner', email: 'dee@example.com', password: 'an old long passphrase' });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('changes the password, refusing a wrong current one', async () => {
    await page.getByRole('link', { name: 'Change exam' }).click();
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    await page.getByLabel('Current password').first().fill('not my password');
    await page.getByLabel(/^New password/).fill('a fresh long passphrase');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.locator('.account-settings [role="alert"]').textContent()).resolves.toBe('The current password is wrong.');
    await page.getByLabel('Current password').first().fill('an old long passphrase');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.locator('.account-settings [role="status"]').textContent()).resolves.toBe('Password changed. Other devices signed in with the old one were signed out (0).');
    await shoot(page, '60-account-settings');
    await expect(axeProblems(page)).resolves.toEqual([]);
  });

  it('keeps the colour theme with the account: dark and high contrast pass axe, and another browser signs in to the same', async () => {
    await page.getByRole('radio', { name: 'Dark' }).check();
    await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe('dark');
    await expect(page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).resolves.toBe('rgb(18, 22, 28)');
    await expect(axeProblems(page)).resolves.toEqual([]);
    await page.goto(`${app.url}/#/`);
    await page.getByRole('heading', { name: /Dashboard/ }).waitFor();
    await shoot(page, '61-dashboard-dark');
    await expect(axeProblems(page)).resolves.toEqual([]);

    const other = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'en-GB' });
    const second = await other.newPage();
    await second.goto(app.url);
    await second.locator('#auth-email').fill('dee@example.com');
    await second.locator('#auth-password').fill('a fresh long passphrase');
    await second.locator('form button[type="submit"]').click();
    await second.getByRole('heading', { name: /Dashboard/ }).waitFor();
    await expect(second.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe('dark');
    await other.close();

    await page.getByRole('link', { name: 'Change exam' }).click();
    await page.getByRole('radio', { name: 'High contrast' }).check();
    await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe('contrast');
    await shoot(page, '62-settings-contrast');
    await expect(axeProblems(page)).resolves.toEqual([]);
    // As on this device: the browser here prefers light.
    await page.getByRole('radio', { name: 'As on this device' }).check();
    await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe('light');
  });

  it('downloads everything stored about the user as JSON', async () => {
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download everything stored about you (JSON)' }).click();
    const data = JSON.parse(await readFile((await (await download).path()) as string, 'utf8'));
    expect(data.account).toMatchObject({ email: 'dee@example.com', name: 'Dee Owner' });
    expect(Array.isArray(data.attempts)).toBe(true);
  });

  it('deletes the account after a confirmation and signs out', async () => {
    page.once('dialog', (d) => void d.accept());
    await page.locator('#delete-password').fill('a fresh long passphrase');
    await page.getByRole('button', { name: 'Delete my account' }).click();
    await page.locator('form input[type="email"]').waitFor();
    // The only account is gone: the server is back to its first run, and nobody is signed in.
    const session = await page.evaluate(async () => (await fetch('/api/session')).json());
    expect(session).toMatchObject({ user: null, firstRun: true });
  });
});
