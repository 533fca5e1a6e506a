import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeProblems, launchBrowser, shoot, signUpInBrowser } from './support/browser.ts';
import { startApp, type RunningApp } from './support/start-app.ts';

/**
 * Practice in the browser: the French interface, immediate feedback, a refused start shown as the
 * server words it, autosave through a broken network, and a conflict between two tabs.
 */
describe('practice in the browser', () => {
  let app: RunningApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'en-GB' });
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await signUpInBrowser(page, app.url, { name: 'Bea Apprenante', email: 'bea@example.com', password: 'une phrase de passe' });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  /** The answer on screen, whatever the item type, as one comparable string. */
  const snapshot = (p: Page) =>
    p.locator('article.item').evaluate((el) => [...el.querySelectorAll('input, select, .order-text')].map((n) => (n instanceof HTMLInputElement ? n.checked : n instanceof HTMLSelectElement ? n.value : n.textContent)).join('|'));

  /** Gives some answer to the item on screen, by keyboard, whatever its type. */
  async function answerCurrent(p: Page, variant = 0): Promise<void> {
    const type = await p.locator('article.item').getAttribute('data-type');
    if (type === 'single' || type === 'multiple') {
      const inputs = p.locator('article.item .option input');
      for (const k of type === 'single' ? [variant % 4] : [variant % 5, (variant + 1) % 5]) {
        await inputs.nth(k).focus();
        await p.keyboard.press('Space');
      }
    } else if (type === 'ordering') {
      await p.locator('article.item .order-step').nth(variant % 2).locator('button', { hasText: /Move down|Descendre/ }).focus();
      await p.keyboard.press('Enter');
    } else {
      const selects = p.locator('article.item select');
      for (let k = 0; k < (await selects.count()); k++) {
        await selects.nth(k).focus();
        for (let d = 0; d <= (k + variant) % 3; d++) await p.keyboard.press('ArrowDown');
      }
    }
  }

  it('switches to French and remembers the choice across a reload', async () => {
    await page.getByLabel('Language', { exact: true }).focus();
    await page.keyboard.press('ArrowDown');
    await page.getByRole('heading', { name: /Tableau de bord/ }).waitFor();
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('fr');
    await page.reload();
    await page.getByRole('heading', { name: /Tableau de bord/ }).waitFor();
    await expect(page.getByRole('button', { name: 'Commencer un examen blanc' }).isVisible()).resolves.toBe(true);
    await shoot(page, '20-dashboard-fr');
  });

  it('shows the server refusal when the bank is too small for a full mock', async () => {
    await page.getByRole('button', { name: 'Commencer un examen blanc' }).click();
    // The instructions first, in French; the refusal comes when the candidate begins.
    await page.getByRole('heading', { name: /Avant de commencer/ }).waitFor();
    await shoot(page, '20-mock-instructions-fr');
    await page.getByRole('button', { name: 'Commencer l’examen' }).click();
    const alert = page.locator('.mock-intro [role="alert"]');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toMatch(/domain \d needs \d+ items, \d+ available/);
    await page.getByRole('link', { name: 'Pas maintenant' }).click();
    await page.getByRole('heading', { name: /Tableau de bord/ }).waitFor();
  });

  it('gives immediate feedback after Check, and keeps the item locked after a reload', async () => {
    await page.getByLabel('Nombre de questions').fill('4');
    await page.locator('#practice-title + form button[type="submit"]').click();
    await page.locator('article.item').waitFor();
    await expect(page.locator('.timer').textContent()).resolves.toBe('Sans limite de temps');
    const check = page.getByRole('button', { name: 'Vérifier' });
    await expect(check.isDisabled()).resolves.toBe(true);
    await answerCurrent(page);
    // "I was unsure": stored before Check, so a lucky right answer comes back in the reviews.
    await page.getByLabel(/^Réponse incertaine/).check();
    await page.locator('label.unsure input:checked').waitFor();
    await check.focus();
    await page.keyboard.press('Enter');
    const feedback = page.locator('.feedback');
    await feedback.waitFor();
    await expect(feedback.locator('.verdict').textContent()).resolves.toMatch(/Juste|Faux/);
    await expect(feedback.getByRole('heading', { name: 'Explication' }).isVisible()).resolves.toBe(true);
    await expect(feedback.locator('.why').count()).resolves.toBeGreaterThanOrEqual(3);
    await expect(feedback.locator('.references a').count()).resolves.toBeGreaterThan(0);
    // One dispute form and one discussion under the checked question, also after the layout changes with the window's width
    // (siblings sharing a React key once left copies behind).
    await page.setViewportSize({ width: 360, height: 740 });
    await page.setViewportSize({ width: 1280, height: 860 });
    await expect(page.locator('.review-actions').count()).resolves.toBe(1);
    await expect(page.locator('article.item :is(input, select, .order-buttons button):not([disabled])').count()).resolves.toBe(0);
    // The mark stays, locked with the checked question.
    await page.locator('label.unsure input:disabled:checked').waitFor();
    await shoot(page, '21-practice-feedback');
    await expect(axeProblems(page)).resolves.toEqual([]);

    await page.reload();
    await page.locator('.feedback').waitFor();
    await expect(page.getByRole('button', { name: 'Vérifier' }).count()).resolves.toBe(0);

    // A bookmark and a personal note on the question: saved with it, there again after a reload.
    await page.getByRole('button', { name: '☆ Mettre en favori' }).click();
    await page.locator('.bookmark[aria-pressed="true"]').waitFor();
    await page.locator('.item-note summary').click();
    await page.getByLabel('Ma note sur cette question').fill('Relire : Kinesis Data Streams ou Firehose ?');
    await page.getByRole('button', { name: 'Enregistrer la note' }).click();
    await page.locator('.item-note [role="status"]', { hasText: 'Note enregistrée.' }).waitFor();
    await expect(axeProblems(page)).resolves.toEqual([]);
    await page.reload();
    await page.locator('.feedback').waitFor();
    await expect(page.locator('.bookmark').textContent()).resolves.toBe('★ En favori');
    await expect(page.getByLabel('Ma note sur cette question').inputValue()).resolves.toBe('Relire : Kinesis Data Streams ou Firehose ?');
  });

  it('keeps retrying a save while the network fails, across a reload, then saves it', async () => {
    await page.locator('.item-actions button', { hasText: 'Suivante' }).click();
    let failures = 0;
    await page.route('**/api/attempts/*/answers/*', async (route) => {
      failures++;
      await route.abort('internetdisconnected');
    });
    await answerCurrent(page, 1);
    await page.locator('[data-testid="save-status"]', { hasText: 'Non enregistré — nouvelle tentative' }).waitFor();
    await shoot(page, '22-save-retrying');
    const wanted = await snapshot(page);
    // Reloading while offline keeps the unacknowledged answer and goes on sending it.
    await page.reload();
    await page.locator('article.item').waitFor();
    await expect(snapshot(page)).resolves.toBe(wanted);
    await page.locator('[data-testid="save-status"]', { hasText: 'Non enregistré — nouvelle tentative' }).waitFor();
    await page.unroute('**/api/attempts/*/answers/*');
    await page.locator('[data-testid="save-status"]:text-is("Enregistré")').waitFor({ timeout: 20_000 });
    expect(failures).toBeGreaterThan(0);
    const before = await page.locator('.nav-grid .nav-cell.answered').count();
    await page.reload();
    await page.locator('article.item').waitFor();
    await expect(page.locator('.nav-grid .nav-cell.answered').count()).resolves.toBe(before);
    await expect(snapshot(page)).resolves.toBe(wanted);
  });

  it('takes the other tab’s answer when both tabs change the same item', async () => {
    const other = await context.newPage();
    await other.goto(page.url());
    await other.locator('article.item').waitFor();
    // A new tab starts at the first item (the position is kept per tab): go to the same one.
    await other.locator('.nav-grid li:nth-child(2) button').click();
    await expect(other.locator('.question-heading').textContent()).resolves.toBe(await page.locator('.question-heading').textContent());
    // Both tabs start from the same revision; the other tab saves first.
    await answerCurrent(other, 2);
    await other.locator('button.flag-button').focus();
    await other.keyboard.press('Space');
    await other.locator('[data-testid="save-status"]:text-is("Enregistré")').waitFor();
    // This tab, still at the old revision, flags the item: the server refuses it as stale.
    await page.locator('button.flag-button').focus();
    await page.keyboard.press('Space');
    const notice = page.locator('.notice');
    await notice.waitFor();
    await expect(notice.textContent()).resolves.toMatch(/modifiée dans un autre onglet/);
    await expect(snapshot(page)).resolves.toBe(await snapshot(other));
    await expect(page.locator('button.flag-button').getAttribute('aria-pressed')).resolves.toBe('true');
    await other.close();
  });

  it('finishes the practice and shows its report', async () => {
    await page.locator('.side-actions button.primary').click();
    await page.getByRole('dialog').waitFor();
    await page.getByRole('button', { name: 'Oui, envoyer' }).click();
    await page.getByRole('heading', { name: /Rapport d’entraînement/ }).waitFor();
    // Practice gives right and wrong on what was answered, never a scaled score or a verdict.
    await expect(page.locator('[data-testid="scaled-score"]').count()).resolves.toBe(0);
    await expect(page.locator('[data-testid="result"]').count()).resolves.toBe(0);
    const answered = await page.locator('.report-item').count();
    await expect(page.locator('[data-testid="practice-correct"]').textContent()).resolves.toMatch(new RegExp(`^Justes : \\d+ sur ${answered}$`));
    await expect(page.locator('[data-testid="task-breakdown"]').isVisible()).resolves.toBe(true);
    // The note shows in the report beside its question.
    await expect(page.getByLabel('Ma note sur cette question').first().inputValue()).resolves.toBe('Relire : Kinesis Data Streams ou Firehose ?');
    await shoot(page, '23-practice-report-fr');
    expect(pageErrors).toEqual([]);
  });

  it('practises the bookmarked questions from the dashboard, with their notes', async () => {
    await page.goto(`${app.url}/#/`);
    await page.getByRole('button', { name: 'M’entraîner sur mes questions en favori (1)' }).click();
    await page.locator('article.item').waitFor();
    await expect(page.locator('.nav-grid li').count()).resolves.toBe(1);
    await expect(page.getByLabel('Ma note sur cette question').inputValue()).resolves.toBe('Relire : Kinesis Data Streams ou Firehose ?');
    await shoot(page, '23b-bookmarks-practice-fr');
  });

  it('tells screen readers the time left only when a threshold is crossed', async () => {
    const timed = await context.newPage();
    await timed.clock.install();
    await timed.goto(`${app.url}/#/`);
    await timed.getByRole('heading', { name: /Tableau de bord/ }).waitFor();
    await timed.getByLabel('Nombre de questions').fill('2');
    await timed.getByLabel('À la fin').check();
    await timed.getByLabel('Chronométré').check();
    await timed.getByLabel('Minutes', { exact: true }).fill('12');
    await timed.locator('#practice-title + form button[type="submit"]').click();
    await timed.locator('article.item').waitFor();
    const announcer = timed.locator('.timer [role="status"]');
    await timed.clock.runFor(5_000);
    await expect(announcer.textContent()).resolves.toBe('');
    // The browser's clock jumps 2.5 minutes: 12 -> about 9.5 minutes left crosses the 10-minute mark.
    await timed.clock.fastForward('02:30');
    await timed.clock.runFor(1_000);
    await expect(announcer.textContent()).resolves.toBe('Il reste 10 minutes.');
    await expect(timed.locator('[data-testid="time-left"]').textContent()).resolves.toMatch(/^09:[2-5]\d$/);
    await timed.close();
  });

  it('at the deadline, fetches the attempt and shows the report without a click', async () => {
    await page.goto(`${app.url}/#/`);
    await page.getByRole('heading', { name: /Tableau de bord/ }).waitFor();
    await page.getByLabel('Nombre de questions').fill('2');
    await page.getByLabel('À la fin').check();
    await page.getByLabel('Chronométré').check();
    await page.getByLabel('Minutes', { exact: true }).fill('1');
    await page.locator('#practice-title + form button[type="submit"]').click();
    await page.locator('article.item').waitFor();
    await expect(page.locator('[data-testid="time-left"]').textContent()).resolves.toMatch(/^(01:00|00:5\d)$/);
    await answerCurrent(page);
    await page.getByRole('heading', { name: /Rapport d’entraînement/ }).waitFor({ timeout: 90_000 });
    await expect(page.locator('[data-testid="time-ran-out"]').textContent()).resolves.toBe('Le temps était écoulé : les réponses enregistrées à ce moment ont été envoyées automatiquement.');
    // The question left untouched when time ran out counts nowhere.
    await expect(page.locator('.report-item').count()).resolves.toBe(1);
    await expect(page.locator('[data-testid="practice-unanswered"]').textContent()).resolves.toBe('1 question est restée sans réponse : elle ne compte nulle part et reste inédite.');
  }, 120_000);

  it('says so when the bank cannot fill the number of questions asked for', async () => {
    await page.goto(`${app.url}/#/`);
    await page.getByRole('heading', { name: /Tableau de bord/ }).waitFor();
    await page.getByLabel('Nombre de questions').fill('100');
    await page.getByLabel('À la fin').check();
    await page.getByLabel('Chronométré').setChecked(false);
    await page.locator('#practice-title + form button[type="submit"]').click();
    await page.locator('article.item').waitFor();
    const available = await page.locator('.nav-grid li').count();
    expect(available).toBeLessThan(100);
    await expect(page.locator('[data-testid="practice-shortfall"]').textContent()).resolves.toBe(`100 questions demandées, ${available} disponibles pour ce choix : cet entraînement en compte ${available}.`);
    await shoot(page, '24-practice-shortfall-fr');
  });
  it('pauses a timed practice: the clock stops and the questions are hidden until it resumes, across a reload', async () => {
    await page.goto(`${app.url}/#/`);
    await page.getByRole('heading', { name: /Tableau de bord/ }).waitFor();
    await page.getByLabel('Nombre de questions').fill('2');
    await page.getByLabel('Chronométré').check();
    await page.getByLabel('Minutes', { exact: true }).fill('15');
    await page.locator('#practice-title + form button[type="submit"]').click();
    await page.locator('article.item').waitFor();
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await page.locator('[data-testid="paused"]').waitFor();
    await expect(page.locator('article.item').count()).resolves.toBe(0);
    await expect(page.locator('.timer').textContent()).resolves.toMatch(/^En pause — reste (15:00|14:5\d)$/);
    await shoot(page, '25-practice-paused-fr');
    await expect(axeProblems(page)).resolves.toEqual([]);
    await page.reload();
    await page.locator('[data-testid="paused"]').waitFor();
    await page.getByRole('button', { name: 'Reprendre' }).click();
    await page.locator('article.item').waitFor();
    await expect(page.locator('[data-testid="time-left"]').textContent()).resolves.toMatch(/^(15:00|14:[45]\d)$/);
  });
});
