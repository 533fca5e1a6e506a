import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeProblems, launchBrowser, shoot, signUpInBrowser } from './support/browser.ts';
import { startApp, type RunningApp } from './support/start-app.ts';

/** Administration in the browser: the first administrator, then roles given and refused. */
describe('administration in the browser', () => {
  let app: RunningApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  const newPage = async (): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'en-GB' });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    return page;
  };

  beforeAll(async () => {
    // Listening on every interface: the server is not a laptop's, so its first account is not the administrator.
    app = await startApp('test/fixtures/e2e-bank', { host: '0.0.0.0' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('makes an administrator of whoever enters the setup code the server printed, then gives and refuses roles', async () => {
    const code = /one-time setup code under Settings, Administration: ([A-Z2-9-]+)/.exec(app.output())?.[1];
    expect(code, app.output()).toBeDefined();
    const admin = await newPage();
    await signUpInBrowser(admin, app.url, { name: 'Ada Admin', email: 'ada@example.com', password: 'a long enough password' });
    await expect(admin.locator('.app-header a', { hasText: 'Administration' }).count()).resolves.toBe(0);
    await admin.locator('.app-header a', { hasText: 'Change exam' }).click();
    const setup = admin.locator('[data-testid="admin-setup"]');
    await setup.getByLabel('Setup code').fill('WRONG-CODE');
    await setup.getByRole('button', { name: 'Become the administrator' }).click();
    await setup.locator('[role="alert"]', { hasText: 'That setup code is not the one the server printed at start-up' }).waitFor();
    await shoot(admin, '70-admin-setup');
    await expect(axeProblems(admin)).resolves.toEqual([]);
    await setup.getByLabel('Setup code').fill(code!.toLowerCase());
    await setup.getByRole('button', { name: 'Become the administrator' }).click();
    await admin.locator('.app-header a', { hasText: 'Administration' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();

    const tom = await newPage();
    await signUpInBrowser(tom, app.url, { name: 'Tom Tutor', email: 'tom@example.com', password: 'another long password' });
    await admin.getByLabel('Email or name').fill('tom');
    await admin.getByRole('button', { name: 'Search' }).click();
    await admin.locator('table.admin-users tbody tr[data-email="tom@example.com"]').waitFor();
    await expect(admin.locator('table.admin-users tbody tr').count()).resolves.toBe(1);
    await admin.getByLabel('Tutor: tom@example.com').check();
    await admin.locator('[role="status"]', { hasText: 'Saved: tom@example.com is Tutor.' }).waitFor();
    // The only administrator cannot give up the role: refused, said, and the box ticked again.
    await admin.getByLabel('Email or name').fill('');
    await admin.getByRole('button', { name: 'Search' }).click();
    await admin.locator('table.admin-users tbody tr[data-email="ada@example.com"]').waitFor();
    // click, not uncheck: the box is put back as soon as the server refuses, which uncheck() would call a failure.
    await admin.getByLabel('Administrator: ada@example.com').click();
    await admin.locator('[role="status"]', { hasText: 'This is the only administrator' }).waitFor();
    await admin.locator('input[aria-label="Administrator: ada@example.com"]:checked').waitFor();
    await shoot(admin, '71-admin-users');
    await expect(axeProblems(admin)).resolves.toEqual([]);

    // An LTI platform registered by hand, as its administrator reads it off Moodle's tool settings.
    const lti = admin.locator('section[aria-labelledby="lti-title"]');
    await lti.getByLabel('Platform ID (issuer)').fill('https://moodle.example.edu');
    await lti.getByLabel('Client ID').fill('abc123');
    await lti.getByLabel('Deployment IDs (separated by commas)').fill('1, 2');
    await lti.getByLabel('Authentication request URL').fill('https://moodle.example.edu/mod/lti/auth.php');
    await lti.getByLabel('Access token URL').fill('https://moodle.example.edu/mod/lti/token.php');
    await lti.getByLabel('Public keyset URL').fill('http://moodle.example.edu/mod/lti/certs.php');
    await lti.getByRole('button', { name: 'Register', exact: true }).click();
    await lti.locator('[role="alert"]', { hasText: 'must start with https://' }).waitFor();
    await lti.getByLabel('Public keyset URL').fill('https://moodle.example.edu/mod/lti/certs.php');
    await lti.getByRole('button', { name: 'Register', exact: true }).click();
    await lti.locator('li', { hasText: 'client id abc123 · deployments 1, 2' }).waitFor();
    // A one-time URL for a platform that registers itself (dynamic registration).
    await lti.getByRole('button', { name: 'Make a registration URL' }).click();
    await expect(lti.locator('[data-testid="lti-registration-url"] code').textContent()).resolves.toMatch(/\/lti\/register\?code=[A-Za-z0-9_-]{32}$/);
    await shoot(admin, '71b-admin-lti');
    await expect(axeProblems(admin)).resolves.toEqual([]);

    // A candidate who types the address is told the page is not theirs, in French too.
    await tom.goto(`${app.url}/#/admin`);
    await tom.locator('[role="alert"]', { hasText: 'This page is for administrators.' }).waitFor();
    await admin.getByLabel('Language', { exact: true }).selectOption('fr');
    await admin.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();
    await admin.getByLabel('Tuteur : tom@example.com').waitFor();
    await shoot(admin, '72-admin-users-fr');
    await expect(axeProblems(admin)).resolves.toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
