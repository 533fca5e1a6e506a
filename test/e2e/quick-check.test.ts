import type { Browser, BrowserContext, Locator, Page, Request, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttemptView, Progress, ScoreReport } from '../../src/core/api/contracts.ts';
import { axeProblems, launchBrowser, shoot, signUpInBrowser } from './support/browser.ts';
import { startApp, type RunningApp } from './support/start-app.ts';

/**
 * The adaptive quick check in real Chromium against the real server, by keyboard alone: started
 * from the dashboard, one item at a time (each `next` brings an item not seen before), the result
 * as an IRT estimate on provisional parameters (the e2e bank is not calibrated), and the study
 * list. Then the interface language, saved to the account, follows the user to a new browser.
 */
describe('quick check in the browser', () => {
  let app: RunningApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];
  const bodies: { method: string; url: string; status: number; body: string }[] = [];
  // Entries are pushed as responses arrive (their order), bodies filled in once read.
  const record = async (res: Response) => {
    if (!res.url().includes('/api/')) return;
    const entry = { method: res.request().method(), url: res.url(), status: res.status(), body: '' };
    bodies.push(entry);
    entry.body = await res.text().catch(() => '');
  };

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'en-GB' });
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await signUpInBrowser(page, app.url, { name: 'Quinn Quick', email: 'quinn@example.com', password: 'a quick pass phrase' });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  /** Presses Tab until `target` has focus: the way a keyboard-only candidate reaches a control. */
  const tabTo = async (target: Locator, max = 80) => {
    const handle = await target.elementHandle();
    for (let i = 0; i < max; i++) {
      if (await page.evaluate((el) => document.activeElement === el, handle)) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`Tab did not reach ${String(target)} in ${max} presses`);
  };

  /** Answers the item on screen by keyboard, whatever its type. */
  async function answerCurrent(variant: number): Promise<void> {
    const type = await page.locator('article.item').getAttribute('data-type');
    if (type === 'single') {
      // Tab stops on the radio group; the arrow keys choose within it.
      await tabTo(page.locator('article.item input[type="radio"]').first());
      await page.keyboard.press('Space');
      for (let k = 0; k < variant % 4; k++) await page.keyboard.press('ArrowDown');
    } else if (type === 'multiple') {
      const boxes = page.locator('article.item input[type="checkbox"]');
      for (const k of [variant % 5, (variant + 1) % 5]) {
        await tabTo(boxes.nth(k));
        await page.keyboard.press('Space');
      }
    } else if (type === 'ordering') {
      await tabTo(page.locator('article.item .order-step').nth(variant % 2).locator('button', { hasText: 'Move down' }));
      await page.keyboard.press('Enter');
    } else {
      const selects = page.locator('article.item select');
      for (let k = 0; k < (await selects.count()); k++) {
        await tabTo(selects.nth(k));
        for (let d = 0; d <= (k + variant) % 3; d++) await page.keyboard.press('ArrowDown');
      }
    }
  }

  let report: ScoreReport;

  it('runs a quick check from the dashboard to the result, one new item at a time, by keyboard', async () => {
    await expect(page.getByRole('heading', { name: 'Quick check (about 20 questions)' }).isVisible()).resolves.toBe(true);
    await expect(page.locator('.quick-card').textContent()).resolves.toMatch(/adaptive.*Untimed, about 15 minutes.*uncertainty/);
    page.on('response', record);
    await tabTo(page.getByRole('button', { name: 'Start the quick check' }));
    await page.keyboard.press('Enter');
    await page.locator('article.item').waitFor();
    expect(page.url()).toMatch(/#\/attempts\/[^/]+$/);
    const start = bodies.find((b) => b.method === 'POST' && /\/api\/attempts$/.test(b.url));
    const first = JSON.parse(start?.body ?? '{}') as AttemptView;
    expect(first).toMatchObject({ kind: 'quick', target: 20, deadline: null });
    expect(first.items).toHaveLength(1);
    await expect(page.locator('.timer').textContent()).resolves.toBe('Untimed');
    await expect(page.getByText('you cannot go back to a question once you move on').isVisible()).resolves.toBe(true);
    // No question grid and no Previous: answers already given shape what comes next.
    await expect(page.locator('.nav-grid, button:has-text("Previous")').count()).resolves.toBe(0);

    const stems: string[] = [];
    const types = new Set<string>();
    for (let k = 1; k <= 20; k++) {
      await expect(page.locator('.question-heading').textContent()).resolves.toBe(`Question ${k} of 20`);
      await expect(page.evaluate(() => document.activeElement?.classList.contains('question-heading'))).resolves.toBe(true);
      stems.push((await page.locator('article.item .stem').textContent()) ?? '');
      types.add((await page.locator('article.item').getAttribute('data-type')) ?? '');
      const times: { what: string; at: number }[] = [];
      const onRequest = (r: Request) => r.url().endsWith('/next') && times.push({ what: 'next', at: Date.now() });
      const onResponse = (r: Response) => /\/answers\/\d+$/.test(r.url()) && times.push({ what: 'ack', at: Date.now() });
      if (k === 3) {
        // A slow save: Next must wait for its acknowledgement before asking for the next item.
        await page.route('**/api/attempts/*/answers/*', async (route) => {
          await new Promise((r) => setTimeout(r, 4000));
          await route.continue();
        });
        page.on('request', onRequest);
        page.on('response', onResponse);
      }
      await answerCurrent(k);
      if (k === 1) {
        await expect(page.getByText('an unanswered question counts as wrong').count()).resolves.toBe(0);
        await shoot(page, '40-quick-check');
        await expect(axeProblems(page)).resolves.toEqual([]);
      }
      if (k === 5) {
        // A reload comes back to the latest item with its answer.
        await page.locator('[data-testid="save-status"]:text-is("Saved")').waitFor();
        const before = await page.locator('article.item').evaluate((el) => [...el.querySelectorAll('input, select, .order-text')].map((n) => (n instanceof HTMLInputElement ? n.checked : n instanceof HTMLSelectElement ? n.value : n.textContent)).join('|'));
        await page.reload();
        await page.locator('article.item').waitFor();
        await expect(page.locator('.question-heading').textContent()).resolves.toBe('Question 5 of 20');
        const after = await page.locator('article.item').evaluate((el) => [...el.querySelectorAll('input, select, .order-text')].map((n) => (n instanceof HTMLInputElement ? n.checked : n instanceof HTMLSelectElement ? n.value : n.textContent)).join('|'));
        expect(after).toBe(before);
      }
      if (k === 3) {
        const nextResponse = page.waitForResponse((r) => r.url().endsWith('/next'));
        await tabTo(page.getByRole('button', { name: 'Next →' }));
        const pressedAt = Date.now();
        await page.keyboard.press('Enter');
        await nextResponse;
        await page.locator('.question-heading', { hasText: 'Question 4 of 20' }).waitFor();
        page.off('request', onRequest);
        page.off('response', onResponse);
        await page.unroute('**/api/attempts/*/answers/*');
        const lastAck = Math.max(...times.filter((t) => t.what === 'ack').map((t) => t.at));
        const next = times.find((t) => t.what === 'next');
        // The save was still unacknowledged when Next was pressed, and the request for the next item came after it.
        expect(lastAck).toBeGreaterThan(pressedAt);
        expect(next?.at).toBeGreaterThanOrEqual(lastAck);
        continue;
      }
      if (k === 7) {
        // The next item cannot be fetched: the candidate is told and stays on this item, then tries again.
        await page.route('**/api/attempts/*/next', (route) => route.abort('internetdisconnected'));
        await tabTo(page.getByRole('button', { name: 'Next →' }));
        await page.keyboard.press('Enter');
        await expect(page.locator('.notice').textContent()).resolves.toBe('The server cannot be reached. Check your connection and try again.');
        await expect(page.locator('.question-heading').textContent()).resolves.toBe('Question 7 of 20');
        await page.unroute('**/api/attempts/*/next');
      }
      if (k < 20) {
        const nextResponse = page.waitForResponse((r) => r.url().endsWith('/next'));
        await tabTo(page.getByRole('button', { name: 'Next →' }));
        await page.keyboard.press('Enter');
        const view = (await (await nextResponse).json()) as AttemptView;
        await page.locator('.question-heading', { hasText: `Question ${k + 1} of 20` }).waitFor();
        expect(view.items).toHaveLength(k + 1);
        // The answer to this item was acknowledged before the next item was asked for.
        const nextAt = bodies.findLastIndex((b) => /\/next$/.test(b.url));
        expect(bodies.slice(0, nextAt).some((b) => b.method === 'PUT' && b.url.endsWith(`/answers/${k - 1}`) && b.status === 200)).toBe(true);
      } else {
        await expect(page.getByRole('button', { name: /Next/ }).count()).resolves.toBe(0);
        await tabTo(page.getByRole('button', { name: 'See my result' }));
        await page.keyboard.press('Enter');
      }
    }
    // Every next brought an item not seen before; the 20-item e2e bank covers every type.
    expect(new Set(stems).size).toBe(20);
    expect([...types].sort()).toEqual(['matching', 'multiple', 'ordering', 'single']);
    await page.getByRole('heading', { name: /Score report — Quick check/ }).waitFor();
    const submitted = bodies.find((b) => /\/submit$/.test(b.url));
    report = JSON.parse(submitted?.body ?? '{}') as ScoreReport;
    page.off('response', record);
  });

  it('never sends an answer key or rationale before submission', () => {
    const beforeSubmit = bodies.slice(0, bodies.findIndex((b) => /\/submit$/.test(b.url)));
    expect(beforeSubmit.filter((b) => /\/next$/.test(b.url) && b.status === 200)).toHaveLength(19);
    for (const b of beforeSubmit) {
      expect(b.body, b.url).not.toMatch(/"(correct|why|explanation|match|references|angoff|key|keys|rationale)"\s*:/);
    }
  });

  it('shows the estimate with its standard error, the probability of passing, the provisional notice and the study list', async () => {
    expect(report).toMatchObject({ kind: 'quick', method: 'irt', provisional: true, scoredItems: 20 });
    expect(report.scaledSe).toBeGreaterThan(0);
    const se = Math.round(report.scaledSe as number);
    await expect(page.locator('[data-testid="estimate"]').textContent()).resolves.toBe(`Estimated scaled score ${report.scaled}\u00a0±\u00a0${se}`);
    await expect(page.locator('[data-testid="pass-probability"]').textContent()).resolves.toBe(`Probability of passing at your next sitting: ${Math.round((report.passProbability as number) * 100)}%`);
    await expect(page.locator('[data-testid="provisional"]').textContent()).resolves.toBe('Provisional: the bank is not yet calibrated, this estimate rests on expert ratings.');
    await expect(page.locator('[data-testid="result"]').textContent()).resolves.toBe(report.passed ? 'Above the passing score' : 'Below the passing score');
    // The band is score ± 1.96 SE on the 100–1000 bar.
    const low = Math.round(Math.max(100, (report.scaled as number) - 1.96 * (report.scaledSe as number)));
    const high = Math.round(Math.min(1000, (report.scaled as number) + 1.96 * (report.scaledSe as number)));
    await expect(page.getByText(`Approximate 95% interval: ${low} to ${high}`).isVisible()).resolves.toBe(true);
    const band = await page.locator('[data-testid="score-band"]').evaluate((el) => [parseFloat((el as HTMLElement).style.left), parseFloat((el as HTMLElement).style.width)]);
    // The browser keeps style percentages to about four decimals.
    expect(band[0]).toBeCloseTo(((low - 100) / 900) * 100, 3);
    expect(band[1]).toBeCloseTo(((high - low) / 900) * 100, 3);

    // What to study next: the same task statements, in the same order, on the report and the dashboard.
    await expect(page.getByRole('heading', { name: 'What to study next' }).isVisible()).resolves.toBe(true);
    const progress = (await page.evaluate(async () => (await fetch('/api/progress?exam=mla-c01')).json())) as Progress;
    const top = progress.studyNext.slice(0, 3).map((r) => `${r.task} ${r.title}`);
    expect(progress.studyNext[0]!.points).toBeGreaterThanOrEqual(progress.studyNext[1]!.points);
    await expect(page.locator('.study-list .study-domain').allTextContents()).resolves.toEqual(top);
    await shoot(page, '41-quick-report');
    await expect(axeProblems(page)).resolves.toEqual([]);
    await page.goto(`${app.url}/#/`);
    await page.getByRole('heading', { name: 'What to study next' }).waitFor();
    await expect(page.locator('.study-list .study-domain').allTextContents()).resolves.toEqual(top);
    // The headline: the estimate from everything answered, here the quick check's 20 first answers.
    if (progress.readiness.state !== 'estimate') throw new Error('the dashboard has no estimate after a 20-item quick check');
    // Only the quick check's answers so far: the same estimate as its report.
    expect(progress.readiness.scaled).toBe(report.scaled);
    await expect(page.locator('[data-testid="headline-score"]').textContent()).resolves.toBe(String(progress.readiness.scaled));
    await expect(page.locator('[data-testid="headline-probability"]').textContent()).resolves.toBe(`Probability of passing at your next sitting: ${Math.round(progress.readiness.passProbability * 100)}%`);
    await shoot(page, '42-dashboard-headline');
    await expect(axeProblems(page)).resolves.toEqual([]);
    await page.goto(`${app.url}/#/attempts/${report.attemptId}/report`);
    await page.getByRole('heading', { name: 'What to study next' }).waitFor();

    // Practising the first task statement starts from the study list.
    const started = page.waitForRequest((r) => r.url().endsWith('/api/attempts') && r.method() === 'POST');
    await tabTo(page.locator('.study-list button').first());
    await page.keyboard.press('Enter');
    await expect((await started).postDataJSON()).toMatchObject({ kind: 'practice', tasks: [progress.studyNext[0]!.task] });
    await page.locator('article.item').waitFor();
    await expect(page.locator('.exam-title').textContent()).resolves.toBe('Practice — MLA-C01');

    // The history names the quick check and links to its report (the server keeps scores for mocks only).
    await page.goto(`${app.url}/#/`);
    await page.getByRole('heading', { name: 'Attempt history' }).waitFor();
    const row = page.locator('table tbody tr', { hasText: 'Quick check' });
    await expect(row.getByRole('link', { name: 'View report' }).getAttribute('href')).resolves.toBe(`#/attempts/${report.attemptId}/report`);
    expect(pageErrors).toEqual([]);
  });

  it('keeps the language chosen while signed in for the next sign-in in another browser', async () => {
    await page.goto(`${app.url}/#/`);
    await page.getByRole('heading', { name: /Dashboard/ }).waitFor();
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/session/locale') && r.request().method() === 'PUT');
    await page.getByLabel('Language', { exact: true }).focus();
    await page.keyboard.press('ArrowDown');
    const res = await saved;
    expect(res.status()).toBe(200);
    await expect((await res.json()) as { user: { locale: string } }).toMatchObject({ user: { locale: 'fr' } });
    await page.getByRole('heading', { name: /Tableau de bord/ }).waitFor();
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByRole('heading', { name: 'Se connecter' }).waitFor();
    // The server's refusal comes in the interface language.
    await page.getByLabel('E-mail').fill('quinn@example.com');
    await page.getByLabel('Mot de passe').fill('not the pass phrase');
    await page.getByLabel('Mot de passe').press('Enter');
    await expect(page.locator('form [role="alert"]').textContent()).resolves.toBe('E-mail ou mot de passe incorrect.');

    // A new browser context: no cookie, nothing in localStorage, an English browser.
    const fresh = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'en-GB' });
    const other = await fresh.newPage();
    await other.goto(app.url);
    await other.getByRole('heading', { name: 'Sign in' }).waitFor();
    await other.getByLabel('Email').fill('quinn@example.com');
    await other.getByLabel('Password').fill('a quick pass phrase');
    await other.getByLabel('Password').press('Enter');
    await other.getByRole('heading', { name: /Tableau de bord/ }).waitFor();
    await expect(other.evaluate(() => document.documentElement.lang)).resolves.toBe('fr');
    await expect(other.getByRole('heading', { name: 'Test rapide (environ 20 questions)' }).isVisible()).resolves.toBe(true);
    await shoot(other, '42-dashboard-fr-quick');
    // The quick check's report, in French.
    await other.locator('table tbody tr', { hasText: 'Test rapide' }).getByRole('link', { name: 'Voir le rapport' }).click();
    await other.getByRole('heading', { name: /Rapport de score — Test rapide/ }).waitFor();
    await expect(other.locator('[data-testid="estimate"]').textContent()).resolves.toBe(`Score mis à l'échelle estimé : ${report.scaled}\u00a0±\u00a0${Math.round(report.scaledSe as number)}`);
    await expect(other.locator('[data-testid="provisional"]').textContent()).resolves.toMatch(/^Provisoire : la banque n'est pas encore calibrée/);
    await expect(other.getByRole('heading', { name: 'À travailler ensuite' }).isVisible()).resolves.toBe(true);
    await shoot(other, '43-quick-report-fr');
    await fresh.close();
  });
});
