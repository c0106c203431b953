import { expect, test } from '@playwright/test';
import { views } from './flows';

test('keyboard shortcuts: Ctrl+Enter runs the open scenario, Ctrl+S saves the workspace with it, Ctrl+Shift+O opens the log inspector', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: /^Central authorization/ }).click();
  await views(page).getByRole('button', { name: 'Metrics' }).click();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('region', { name: 'Runs' })).toContainText(/Ran 2 runs/, { timeout: 30_000 });

  const download = page.waitForEvent('download');
  await page.keyboard.press('Control+s');
  expect((await download).suggestedFilename()).toMatch(/\.purestream$|\.sqlite$/);
  await views(page).getByRole('button', { name: 'Workspace' }).click();
  await expect(page.getByRole('main')).toContainText('Central authorization');

  await page.keyboard.press('Control+Shift+O');
  await expect(page.getByRole('region', { name: 'Logs', exact: true })).toBeVisible();
});
