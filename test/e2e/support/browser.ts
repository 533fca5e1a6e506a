import { mkdirSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium, never a downloaded browser. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export const SHOTS = '/tmp/shots';

/** A screenshot of the page at desktop width and at 360 px (a small phone), full length. */
export async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  const size = page.viewportSize() ?? { width: 1280, height: 800 };
  await page.screenshot({ path: `${SHOTS}/${name}-desktop.png`, fullPage: true });
  // Long pages are also saved in readable parts (a full-length image gets shrunk when viewed).
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let part = 0, y = 0; height > size.height && y < height && part <= 3; part++, y += size.height) {
    await page.screenshot({ path: `${SHOTS}/${name}-desktop-part${part}.png`, fullPage: true, clip: { x: 0, y, width: size.width, height: Math.min(size.height, height - y) } });
  }
  await page.setViewportSize({ width: 360, height: 740 });
  await page.screenshot({ path: `${SHOTS}/${name}-360.png`, fullPage: true });
  const phoneHeight = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let part = 0, y = 0; phoneHeight > 740 && y < phoneHeight && part <= 2; part++, y += 740) {
    await page.screenshot({ path: `${SHOTS}/${name}-360-part${part}.png`, fullPage: true, clip: { x: 0, y, width: 360, height: Math.min(740, phoneHeight - y) } });
  }
  await page.setViewportSize(size);
}

/** Serious and critical axe violations, as readable lines (rule, impact, first targets). */
export async function axeProblems(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/**
 * Opens the app and creates an account through the form, as a first-time candidate does, then says
 * which exam they sit (`exam`, e.g. "MLA-C01"; else the one offered first); ends on the dashboard.
 * The interface is in English unless the browser's language says otherwise.
 */
export async function signUpInBrowser(page: Page, url: string, who: { name: string; email: string; password: string; exam?: string }): Promise<void> {
  await page.goto(url);
  // Past the first account the page opens on signing in: switch to signing up.
  const switchToSignUp = page.locator('.switch-mode button', { hasText: 'Sign up' });
  await page.getByLabel('Name', { exact: true }).or(switchToSignUp).first().waitFor();
  if (await switchToSignUp.isVisible()) await switchToSignUp.click();
  await page.getByLabel('Name', { exact: true }).fill(who.name);
  await page.getByLabel('Email', { exact: true }).fill(who.email);
  await page.getByLabel('Password', { exact: true }).fill(who.password);
  await page.getByLabel('Password', { exact: true }).press('Enter');
  await chooseExamInBrowser(page, who.exam);
}

/** On the first-sign-in exam choice: picks `exam` (its code) or keeps the one offered, and continues to the dashboard. */
export async function chooseExamInBrowser(page: Page, exam?: string): Promise<void> {
  await page.locator('#exam-choice-title').waitFor();
  if (exam) await page.locator('.exam-option', { hasText: exam }).locator('input[type=radio]').check();
  await page.locator('.exam-choice button[type=submit]').click();
  await page.locator('.dashboard h1').waitFor();
}
