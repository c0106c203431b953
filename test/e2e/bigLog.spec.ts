import { test, expect, type Page } from '@playwright/test';
import { svelteWarnings } from './flows';
import { bigLog } from './bigLogFile';

const EVENTS = 100_000;

/** Records, in the page, whether the log's first row was on screen while the import's progress bar still was. */
const watchFirstPage = (page: Page) =>
  page.evaluate(() => {
    const flags = ((globalThis as unknown as { bigLog: { rowWhileImporting: boolean } }).bigLog = { rowWhileImporting: false as boolean });
    const check = () => {
      const importing = document.querySelector('[aria-label="Import progress"]') !== null;
      const row = document.querySelector('[aria-label="Records of the log"] .row[aria-rowindex="2"]') !== null;
      if (importing && row) flags.rowWhileImporting = true;
    };
    new MutationObserver(check).observe(document.body, { subtree: true, childList: true, attributes: true });
  });

test('a 100k-event log: first page and counts while it imports, go to record, Cancel leaves the app usable', async ({ page }) => {
  const file = bigLog(EVENTS);
  const warnings = svelteWarnings(page);
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Logs' }).click();
  const inspector = page.getByRole('region', { name: 'Logs', exact: true });
  await watchFirstPage(page);

  await inspector.getByLabel('Log file').setInputFiles(file);
  await expect(inspector.getByRole('progressbar', { name: 'Import progress' })).toBeVisible();
  const table = inspector.getByRole('region', { name: 'Records of the log' });
  await expect(table.locator('.row[aria-rowindex="2"]')).toContainText('ItemRestocked');
  await page.screenshot({ path: 'test-results/screenshots/inspector-big-log-importing.png' });
  // the import ends with the whole report
  await expect(inspector.getByRole('status')).toContainText('100,000 events read: no anomalies', { timeout: 60_000 });
  expect(await page.evaluate(() => (globalThis as unknown as { bigLog: { rowWhileImporting: boolean } }).bigLog.rowWhileImporting)).toBe(true);
  await inspector.getByRole('tab', { name: 'Records' }).click();
  await expect(table).toContainText('100,000 records');

  // Go to record lands on that row (record n is the n-th row), far down the scaled scroll range too.
  for (const seq of [73_457, 99_998, 12]) {
    await table.getByLabel('Go to record').fill(String(seq));
    await table.getByRole('button', { name: 'Go to record' }).click();
    const row = table.locator('.row.hl');
    await expect(row).toHaveAttribute('aria-rowindex', String(seq + 1));
    await expect(row.getByRole('gridcell').first()).toHaveText(String(seq));
    await expect(row).toBeInViewport();
  }
  await page.screenshot({ path: 'test-results/screenshots/inspector-big-log.png' });

  // Cancel a second import of the same file: nothing of it is kept, and the first log still works.
  await inspector.getByLabel('Log file').setInputFiles(file);
  await inspector.getByRole('button', { name: 'Cancel' }).click();
  await expect(inspector).toContainText('The import was stopped');
  const stored = inspector.getByRole('region', { name: 'Logs in the workspace' }).getByRole('listitem');
  await expect(stored).toHaveCount(1);
  await stored.getByRole('button', { name: 'big-100k.jsonl', exact: true }).click();
  await inspector.getByRole('tab', { name: 'Records' }).click();
  await expect(table).toContainText('100,000 records');
  await table.getByLabel('Go to record').fill('50000');
  await table.getByRole('button', { name: 'Go to record' }).click();
  await expect(table.locator('.row.hl')).toHaveAttribute('aria-rowindex', '50001');
  await table.getByLabel('Filter by type').selectOption('ItemRestocked');
  await expect(table).toContainText('33,334 records');
  await expect(inspector.getByRole('button', { name: 'Open log…' })).toBeEnabled();
  // the record table left nothing reading its state after it was taken down (Svelte's derived_inert)
  expect(warnings).toEqual([]);
});
