/** Shared steps of the browser tests. */
import { expect, type Page } from '@playwright/test';

/** The top bar's view navigation. */
export const views = (page: Page) => page.getByRole('navigation', { name: 'Views' });

/** Opens the bundled sample whose name starts with `name` and runs all its runs; resolves when the result is in. */
export async function openSampleAndRun(page: Page, name: RegExp): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name }).click();
  await views(page).getByRole('button', { name: 'Runs', exact: true }).click();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Runs' })).toContainText(/Ran \d+ runs?/, { timeout: 30_000 });
}
