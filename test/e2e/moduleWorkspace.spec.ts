/** A module scenario's run stored in the workspace opens as the run did: read with the module (its invariants, Copy as test). */
import { test, expect, type Page } from '@playwright/test';
import { views } from './flows';
import { openBankAndRun } from './moduleFlows';

/** The History of the bank's "4 workers" at the end of the run: its violations line, and Copy as test of c36 (Purestream). */
async function fourWorkersAtTheEnd(page: Page): Promise<void> {
  await views(page).getByRole('button', { name: 'History' }).click();
  await page.getByRole('tab', { name: /^4 workers/ }).click();
  await page.getByRole('button', { name: 'the end of the run' }).click();
  await expect(page.getByText(/1 with violations · broken during 1 step/)).toBeVisible();
  const copy = page.getByRole('group', { name: 'Copy c36 as a test' });
  await copy.getByRole('button', { name: 'Purestream' }).click();
  await expect(page.getByLabel('Purestream test')).toContainText('given(bank, [');
  await expect(copy).not.toContainText('cannot be copied');
}

test("the bank's run stored in the workspace opens with the module: its invariants are checked and a decision copies as a test, as in the run", async ({ page }) => {
  test.setTimeout(120_000);
  await openBankAndRun(page);
  await fourWorkersAtTheEnd(page);

  await views(page).getByRole('button', { name: 'Workspace' }).click();
  const ws = page.getByRole('region', { name: 'Workspace' });
  await ws.getByRole('button', { name: 'Current run result' }).click();
  await ws.getByRole('region', { name: 'Runs' }).getByRole('button', { name: /Bring your own rules/ }).click();
  await expect(page.getByRole('region', { name: 'Compare' }).getByRole('region', { name: 'Metrics' })).toContainText('capacity-aware', { timeout: 20_000 });
  await fourWorkersAtTheEnd(page);
});
