import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Frame, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLAIM } from '../../src/server/lti/lti-claims.ts';
import { SimulatedPlatform } from '../helpers/lti-platform.ts';
import { axeProblems, shoot } from './support/browser.ts';
import { startApp, type RunningApp } from './support/start-app.ts';

/**
 * certprep inside a course: a test page on another site (`localhost`, while the tool is `127.0.0.1`) stands
 * for the platform, frames the tool and launches it by LTI 1.3, in a Chromium that blocks third-party cookies.
 */
describe('launched from a course, in a frame, without third-party cookies', () => {
  let app: RunningApp;
  let lms: Server;
  let lmsUrl: string;
  let platform: SimulatedPlatform;
  let context: BrowserContext;
  let profile: string;
  const pageErrors: string[] = [];
  const received: string[] = [];

  beforeAll(async () => {
    app = await startApp('test/fixtures/e2e-bank');
    lms = createServer((req, res) => void serveLms(req.url ?? '/', req.method ?? 'GET', req, res));
    await new Promise<void>((r) => lms.listen(0, r));
    lmsUrl = `http://localhost:${(lms.address() as AddressInfo).port}`;
    platform = await SimulatedPlatform.create(async () => (await fetch(`${app.url}/lti/jwks`)).json(), Date.now, lmsUrl);
    await registerPlatform(app.url, platform);
    // A profile whose setting blocks third-party cookies (Chromium's "Block third-party cookies").
    profile = mkdtempSync(path.join(tmpdir(), 'chromium-3pc-'));
    mkdirSync(path.join(profile, 'Default'));
    writeFileSync(path.join(profile, 'Default', 'Preferences'), JSON.stringify({ profile: { cookie_controls_mode: 1, block_third_party_cookies: true } }));
    context = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', headless: true, viewport: { width: 1280, height: 900 }, locale: 'en-GB', args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  });
  afterAll(async () => {
    await context?.close();
    await app?.stop();
    lms?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  /** The administrator (the first account of a server on this machine) registers the platform through the API. */
  async function registerPlatform(url: string, p: SimulatedPlatform) {
    const csrf = /certprep_csrf=([^;]+)/.exec(String((await fetch(`${url}/api/session`)).headers.get('set-cookie')))![1]!;
    const post = (path: string, body: unknown, cookie: string) => fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf, cookie }, body: JSON.stringify(body) });
    const signUp = await post('/api/auth/signup', { email: 'ada@example.com', name: 'Ada Admin', password: 'a long enough password', locale: 'en', calibrationConsent: false }, `certprep_csrf=${csrf}`);
    const session = /certprep_session=([^;]+)/.exec(String(signUp.headers.get('set-cookie')))![1]!;
    expect((await post('/api/admin/lti/platforms', p.registration, `certprep_csrf=${csrf}; certprep_session=${session}`)).status).toBe(201);
  }

  /** The platform's pages: a course page framing the tool and posting the login initiation into the frame, and the authorization endpoint that signs the id_token. */
  async function serveLms(url: string, method: string, req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) {
    const u = new URL(url, lmsUrl);
    const html = (body: string) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Course</title></head><body>${body}</body></html>`);
    const field = (name: string, value: string) => `<input type="hidden" name="${name}" value="${value.replace(/"/g, '&quot;')}">`;
    if (u.pathname === '/course') {
      const who = u.searchParams.get('sub')!;
      return html(`<h1>MLA course</h1><iframe name="tool" title="certprep" style="width:100%;height:780px;border:1px solid #999"></iframe><form id="f" method="POST" action="${u.searchParams.get('tool') ?? app.url}/lti/login" target="tool">${field('iss', platform.issuer)}${field('login_hint', who)}${field('lti_message_hint', u.searchParams.get('role') ?? 'learner')}${field('target_link_uri', `${app.url}/lti/launch`)}${field('client_id', platform.clientId)}</form><script>document.getElementById('f').submit()</script>`);
    }
    if (u.pathname === '/mod/lti/auth.php') {
      const sub = u.searchParams.get('login_hint')!;
      const hint = u.searchParams.get('lti_message_hint') ?? 'learner';
      const role = hint.startsWith('instructor') ? 'instructor' : 'learner';
      // `instructor-dl`: the instructor adds an activity to the course (a deep-linking request).
      const deepLinking = hint === 'instructor-dl' ? { [CLAIM.messageType]: 'LtiDeepLinkingRequest', [CLAIM.resourceLink]: undefined, [CLAIM.deepLinking]: { deep_link_return_url: `${lmsUrl}/deep-link-return`, accept_types: ['ltiResourceLink'], data: 'section-3' } } : {};
      const claims = platform.claims(sub, role, { [CLAIM.targetLinkUri]: `${app.url}/lti/launch`, name: role === 'learner' ? 'Léa Learner' : 'Irène Instructor', ...deepLinking });
      const idToken = await platform.idToken(claims, { nonce: u.searchParams.get('nonce')!, nowMs: Date.now() });
      return html(`<form id="f" method="POST" action="${u.searchParams.get('redirect_uri')}">${field('id_token', idToken)}${field('state', u.searchParams.get('state')!)}</form><script>document.getElementById('f').submit()</script>`);
    }
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    if (u.pathname === '/deep-link-return') {
      // The platform reads the tool's answer (checked in the test against the tool's keys).
      received.push(new URLSearchParams(Buffer.concat(chunks).toString()).get('JWT') ?? '');
      return html('<p id="added">Activities added to the course.</p>');
    }
    const answer = await platform.fetch(u.href, { method, headers: req.headers as Record<string, string>, ...(chunks.length ? { body: Buffer.concat(chunks).toString() } : {}) });
    res.writeHead(answer.status, Object.fromEntries(answer.headers)).end(Buffer.from(await answer.arrayBuffer()));
  }

  /** A new tab on the course page of `sub` as `role` (the platform launches the tool into its frame), its errors collected. */
  const openCourse = async (sub: string, role: 'learner' | 'instructor') => {
    const course = await context.newPage();
    course.on('pageerror', (e) => pageErrors.push(e.message));
    await course.goto(`${lmsUrl}/course?sub=${sub}&role=${role}`);
    return { course, frame: await toolFrame(course) };
  };
  const BOARD_CSV = 'Download the cohort’s results (CSV)';
  const toolFrame = async (page: Page): Promise<Frame> => {
    const handle = await page.waitForSelector('iframe[name="tool"]');
    return (await handle.contentFrame())!;
  };

  it('a learner opens the course’s mock inside the frame, with no cookie sent, and answers are saved', async () => {
    // A cookie any site could receive (SameSite=None), set first-party on the tool's site: the frame must not see it.
    const top = await context.newPage();
    await top.goto(app.url);
    expect(await top.evaluate(() => ((document.cookie = 'probe=1; SameSite=None; Secure; Path=/'), document.cookie))).toContain('probe=1');

    const course = await context.newPage();
    course.on('pageerror', (e) => pageErrors.push(e.message));
    const cookiesSent: string[] = [];
    course.on('request', (r) => {
      if (r.url().startsWith(`${app.url}/api/`) && r.headers().cookie) cookiesSent.push(`${r.method()} ${r.url()}: ${r.headers().cookie}`);
    });
    await course.goto(`${lmsUrl}/course?sub=s-1&role=learner`);
    const frame = await toolFrame(course);
    // The mock's instructions screen the link names, as the platform's learner (not the administrator whose cookie the browser holds).
    await frame.getByRole('heading', { name: /Before you begin/ }).waitFor({ timeout: 30_000 });
    expect(frame.url()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#\/mock\/short$/);
    await frame.locator('.app-header', { hasText: 'Signed in as Léa Learner' }).waitFor();
    // Chromium refuses the frame its cookies (and its storage); a request without the launch's bearer token is signed out.
    expect(await frame.evaluate(() => document.cookie)).toBe('');
    expect(await frame.evaluate(() => { try { return typeof sessionStorage.getItem('x'); } catch (e) { return (e as Error).name; } })).toBe('SecurityError');
    expect(await frame.evaluate(async () => (await (await fetch('/api/session')).json()).user)).toBeNull();
    await shoot(course, 'lti-mock-intro');
    await frame.getByRole('button', { name: 'Begin the exam' }).click();
    await frame.locator('article.item').waitFor();
    // The first question answered by a click (ordering and matching questions are skipped).
    const choice = frame.locator('article.item input[type="radio"], article.item input[type="checkbox"]');
    for (let i = 0; i < 10 && (await choice.count()) === 0; i++) await frame.locator('.item-actions button:has-text("Next")').click();
    await choice.first().check();
    await expect.poll(() => frame.locator('[data-testid="save-status"]').textContent(), { timeout: 15_000 }).toBe('Saved');
    await shoot(course, 'lti-mock-question');
    expect(cookiesSent).toEqual([]);
    expect(await axeProblems(course)).toEqual([]);
    // A reload inside the frame keeps nothing (storage is blocked there): the page says to open certprep from the course again.
    await frame.evaluate(() => location.reload());
    await (await toolFrame(course)).getByText('Opened from a course? Your session there ended when the page reloaded').waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('an instructor chooses the course’s exam, adds a graded mock to the course by deep linking, and sees the course panel, in English and French', async () => {
    const opened = await openCourse('t-1', 'instructor');
    const course = opened.course;
    let frame = opened.frame;
    await frame.getByRole('heading', { name: 'Choose the exam for this course' }).waitFor({ timeout: 30_000 });
    await shoot(course, 'lti-course-exam');
    await frame.getByRole('button', { name: 'Use this exam' }).click();
    await frame.getByRole('heading', { name: 'Course platform' }).waitFor();
    await frame.getByRole('heading', { name: 'Grades sent to the course' }).waitFor();
    expect(await axeProblems(course)).toEqual([]);
    await frame.getByRole('heading', { name: 'Course platform' }).scrollIntoViewIfNeeded();
    await shoot(course, 'lti-cohort-panel');
    // A file download inside the frame goes with the bearer session (a plain link would arrive signed out).
    const [download] = await Promise.all([course.waitForEvent('download'), frame.getByRole('link', { name: BOARD_CSV }).click()]);
    expect(download.suggestedFilename()).toBe('certprep-cohort.csv');
    const csv = await new Promise<string>((resolve, reject) => {
      const chunks: Buffer[] = [];
      void download.createReadStream().then((s) => s.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks).toString())).on('error', reject));
    });
    expect(csv).toContain('Léa Learner');
    await frame.getByLabel('Language').selectOption('fr');
    await frame.getByRole('heading', { name: 'Plateforme de cours' }).waitFor();
    await frame.getByRole('heading', { name: 'Plateforme de cours' }).scrollIntoViewIfNeeded();
    await shoot(course, 'lti-cohort-panel-fr');
    await frame.getByLabel('Langue').selectOption('en');

    await course.goto(`${lmsUrl}/course?sub=t-1&role=instructor-dl`);
    frame = await toolFrame(course);
    await frame.getByRole('heading', { name: 'Place certprep in your course' }).waitFor({ timeout: 30_000 });
    await frame.getByRole('button', { name: 'Add to the course' }).click();
    await frame.getByText('Choose at least one activity.').waitFor();
    await frame.getByLabel(/Short mock exam/).check();
    await shoot(course, 'lti-deep-link');
    expect(await axeProblems(course)).toEqual([]);
    await frame.getByRole('button', { name: 'Add to the course' }).click();
    await frame.locator('#added').waitFor();
    const { createLocalJWKSet, jwtVerify } = await import('jose');
    const { payload } = await jwtVerify(received[0]!, createLocalJWKSet(await (await fetch(`${app.url}/lti/jwks`)).json()), { issuer: platform.clientId, audience: platform.issuer });
    expect(payload[CLAIM.contentItems]).toEqual([expect.objectContaining({ type: 'ltiResourceLink', custom: { certprep_target: 'mock:short' }, lineItem: expect.objectContaining({ scoreMaximum: 1000 }) })]);
    expect(payload[CLAIM.dlData]).toBe('section-3');
    expect(pageErrors).toEqual([]);
  });

  it('a learner’s account, made by the course, has no password: it is deleted from the settings by typing its email', async () => {
    const { course, frame } = await openCourse('s-2', 'learner');
    await frame.locator('.app-header', { hasText: 'Signed in as Léa Learner' }).waitFor({ timeout: 30_000 });
    // In-app navigation: a reload would lose the session the frame holds in memory only.
    await frame.evaluate(() => (location.hash = '#/settings'));
    await frame.getByText('This account was made by your course platform and has no password').waitFor();
    expect(await frame.locator('#current-password').isVisible()).toBe(false);
    const email = frame.getByLabel('Type this account’s email to confirm: s-2@lms.example.edu');
    await email.scrollIntoViewIfNeeded();
    await shoot(course, 'lti-delete-account');
    expect(await axeProblems(course)).toEqual([]);
    await frame.getByLabel('Language').selectOption('fr');
    await frame.getByLabel('Saisissez l’adresse e-mail de ce compte pour confirmer : s-2@lms.example.edu').scrollIntoViewIfNeeded();
    await shoot(course, 'lti-delete-account-fr');
    await frame.getByLabel('Langue').selectOption('en');
    course.on('dialog', (d) => void d.accept());
    await email.fill('s-1@lms.example.edu');
    await frame.getByRole('button', { name: 'Delete my account' }).click();
    await frame.getByText('Type the account\'s email, s-2@lms.example.edu, to confirm: the account was not deleted.').waitFor();
    await email.fill('s-2@lms.example.edu');
    await frame.getByRole('button', { name: 'Delete my account' }).click();
    // Deleted: the app is signed out (the API test checks the account is gone from the store).
    await expect.poll(() => frame.locator('.app-header', { hasText: 'Signed in as' }).count(), { timeout: 15_000 }).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it('a site that is not a registered platform cannot frame the tool', async () => {
    const other = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><title>x</title><iframe name="tool" src="${app.url}/"></iframe>`));
    await new Promise<void>((r) => other.listen(0, r));
    const page = await context.newPage();
    const blocked: string[] = [];
    page.on('console', (m) => blocked.push(m.text()));
    await page.goto(`http://localhost:${(other.address() as AddressInfo).port}/`);
    const frame = await toolFrame(page);
    await page.waitForTimeout(1500);
    expect(await frame.locator('#root').count()).toBe(0);
    expect(blocked.join('\n')).toMatch(/frame-ancestors/);
    other.close();
  });
});
