import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.ts';
import { startApp, type RunningApp } from './start-app.ts';

/**
 * A running app and a browser for one test file (started before its tests, stopped after), with
 * `newPage` for each person in the story: a fresh context, English, dialogs accepted, page errors kept.
 */
export function useBrowserApp(content?: string) {
  const ctx = {
    app: undefined as unknown as RunningApp,
    browser: undefined as unknown as Browser,
    pageErrors: [] as string[],
    newPage: async (viewport = { width: 1280, height: 860 }): Promise<Page> => {
      const page = await (await ctx.browser.newContext({ viewport, locale: 'en-GB' })).newPage();
      page.on('pageerror', (e) => ctx.pageErrors.push(e.message));
      page.on('dialog', (d) => void d.accept());
      return page;
    },
  };
  beforeAll(async () => {
    ctx.app = await startApp(content);
    ctx.browser = await launchBrowser();
  });
  afterAll(async () => {
    await ctx.browser?.close();
    await ctx.app?.stop();
  });
  return ctx;
}
