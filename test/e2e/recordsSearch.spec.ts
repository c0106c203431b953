/**
 * A text filter no index serves, on a log big enough that it is searched chunk by chunk (SCAN_CHUNK
 * seqs at a time): the Records table says how far the search got, with Stop; Stop drops the search.
 */
import { test, expect } from '@playwright/test';
import { bigLog } from './bigLogFile';

test('a search of a 200k-record log shows "searching N% of 200,000 records…" with Stop; Stop drops the text filter and shows every record again', async ({ page }) => {
  test.setTimeout(120_000);
  const file = bigLog(200_000, 'big-200k.jsonl');
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Logs' }).click();
  const inspector = page.getByRole('region', { name: 'Logs', exact: true });
  await inspector.getByLabel('Log file').setInputFiles(file);
  await expect(inspector.getByRole('status')).toContainText('200,000 events read', { timeout: 90_000 });
  await inspector.getByRole('tab', { name: 'Records' }).click();
  const table = inspector.getByRole('region', { name: 'Records of the log' });
  await expect(table).toContainText('200,000 records');

  const text = table.getByLabel('Filter by text');
  const searching = table.getByRole('status').filter({ hasText: /^searching \d+% of 200,000 records…$/ });
  const stop = table.getByRole('button', { name: 'Stop' });
  // text of other characters than ASCII: every record is read as shown, chunk by chunk (a few seconds here)
  for (const [width, height, words] of [[1440, 900, 'ünïcode'], [1280, 720, 'ünïcode twice']] as const) {
    await page.setViewportSize({ width, height });
    await text.fill(words);
    await expect(searching).toBeVisible();
    await expect(stop).toBeVisible();
    await page.screenshot({ path: `test-results/screenshots/records-searching-${width}.png` });
    await stop.click();

    // stopped: the text filter is dropped, every record shows, and nothing searches any more
    await expect(text).toHaveValue('');
    await expect(searching).toHaveCount(0);
    await expect(stop).toHaveCount(0);
    await expect(table).toContainText('200,000 records');
    await expect(table.locator('.row[aria-rowindex="2"]')).toContainText('ItemRestocked');
  }
});
