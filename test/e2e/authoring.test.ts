import { describe, expect, it } from 'vitest';
import { axeProblems, shoot, signUpInBrowser } from './support/browser.ts';
import { useBrowserApp } from './support/browser-app.ts';

const NEW_STEM = 'A team runs Amazon Athena queries that read three columns of a 2 TB table in Amazon S3. Which storage format scans the least data?';

/** An author edits a question in the browser with the validator's findings, a second author approves, and practice serves the new text. */
describe('authoring in the browser', () => {
  const ctx = useBrowserApp();
  const { newPage, pageErrors } = ctx;

  it('an author edits, a second author approves, the change is live in practice', async () => {
    const ada = await newPage();
    await signUpInBrowser(ada, ctx.app.url, { name: 'Ada Admin', email: 'ada@example.com', password: 'a long enough password' });
    const bea = await newPage();
    await signUpInBrowser(bea, ctx.app.url, { name: 'Bea Author', email: 'bea@example.com', password: 'another long password' });
    await ada.locator('.app-header a', { hasText: 'Administration' }).click();
    await ada.getByLabel('Author: bea@example.com').check();
    await ada.locator('[role="status"]', { hasText: 'Saved: bea@example.com is Author.' }).waitFor();

    await ada.locator('.app-header a', { hasText: 'Authoring' }).click();
    await ada.getByLabel('Edit the question').fill('e2e-d1-single');
    await ada.getByRole('button', { name: 'Edit', exact: true }).click();
    await ada.getByRole('heading', { level: 1, name: 'Draft of e2e-d1-single' }).waitFor();
    const editor = ada.getByLabel('The item (YAML, as in the content files)');
    const yaml = await editor.inputValue();
    // First a mistake: no key. The validator's message, at its line in the draft.
    await editor.fill(yaml.replace(/\n(\s+)correct: true/, ''));
    await ada.getByRole('button', { name: 'Save and check' }).click();
    await ada.locator('[data-testid="draft-findings"] h2', { hasText: /Findings: (?:1 error|(?!1 )[1-9]\d* errors),/ }).waitFor();
    await expect(ada.getByRole('button', { name: 'Ask for a review' }).isDisabled()).resolves.toBe(true);
    await editor.fill(yaml.replace(/stem: .*\n/, `stem: ${NEW_STEM}\n`));
    await ada.getByRole('button', { name: 'Save and check' }).click();
    await ada.locator('[data-testid="draft-findings"] h2', { hasText: /Findings: 0 errors/ }).waitFor();
    await ada.locator('.draft-page article.item', { hasText: NEW_STEM }).waitFor();
    await ada.locator('pre.diff .diff-added', { hasText: NEW_STEM }).waitFor();
    await shoot(ada, '90-draft-editor');
    await expect(axeProblems(ada)).resolves.toEqual([]);
    await ada.getByRole('button', { name: 'Ask for a review' }).click();
    await ada.locator('[data-testid="draft-status"]', { hasText: 'Waiting for a second author' }).waitFor();

    await bea.reload();
    await bea.locator('.app-header a', { hasText: 'Authoring' }).click();
    await bea.getByRole('link', { name: 'e2e-d1-single' }).click();
    await bea.getByRole('button', { name: 'Approve and publish' }).click();
    await bea.locator('[role="status"]', { hasText: 'Published: candidates see it now.' }).waitFor();
    await bea.getByLabel('Language', { exact: true }).selectOption('fr');
    await bea.locator('[data-testid="draft-status"]', { hasText: 'Publiée' }).waitFor();
    await shoot(bea, '91-draft-published-fr');
    await expect(axeProblems(bea)).resolves.toEqual([]);

    const stems = await bea.evaluate(async () => {
      const csrf = decodeURIComponent(/certprep_csrf=([^;]+)/.exec(document.cookie)![1]!);
      const r = await fetch('/api/attempts', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, body: JSON.stringify({ kind: 'practice', exam: 'mla-c01', domains: ['1'], count: 5, feedback: 'immediate' }) });
      return ((await r.json()).items as { stem: string }[]).map((i) => i.stem);
    });
    expect(stems).toContain(NEW_STEM);
    expect(pageErrors).toEqual([]);
  });
});
