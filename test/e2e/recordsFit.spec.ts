/**
 * The Logs view's Records table at 1280×720 and 1440×900 (fresh-user trials, s12: the type and data
 * columns were cut, the data to a dozen characters): every column is within the table, the data
 * keeps a readable share, and a type cut to its column is read whole (its tooltip, a screen reader,
 * the record's details).
 */
import { expect, test, type Locator } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { views } from './flows';

const shots = process.env.SHOTS_DIR ?? 'test-results/screenshots';
const axon = fileURLToPath(new URL('../fixtures/logs/integration-trial/axon-domain-event-entry.json', import.meta.url));

/** The right edges of a row's cells and of the table's box, in px. */
async function edges(table: Locator, row: Locator): Promise<{ cells: number; box: number; data: number }> {
  const box = (await table.boundingBox())!;
  const cells = await row.getByRole('gridcell').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()));
  return { cells: Math.max(...cells.map((c) => c.right)), box: box.x + box.width, data: cells.at(-1)!.width };
}

for (const log of ['sample', 'axon'] as const) {
  test(`the Records table of the ${log} log fits at 1280×720 and 1440×900: no column cut off, the data at least 20 characters, a cut type read whole`, async ({ page }) => {
    for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
      await page.setViewportSize({ width, height });
      await page.goto('/');
      await views(page).getByRole('button', { name: 'Logs', exact: true }).click();
      const logs = page.getByRole('region', { name: 'Logs', exact: true });
      if (log === 'sample') await logs.getByRole('button', { name: 'Open sample log' }).click();
      else await logs.getByLabel('Log file').setInputFiles(axon);
      await logs.getByRole('tab', { name: 'Records' }).click();
      const table = logs.getByRole('region', { name: 'Records of the log' });
      const row = table.getByRole('row').nth(2);
      await expect(row).toBeVisible({ timeout: 30_000 });
      // beside the details, every cell within the table's box, the data about 20 characters of 12.5 px monospace or more
      await expect(logs.getByRole('complementary', { name: 'Record details' })).toBeInViewport();
      const at = await edges(table, row);
      expect(at.cells).toBeLessThanOrEqual(at.box);
      expect(at.data).toBeGreaterThanOrEqual(150);
      await page.screenshot({ path: `${shots}/records-${log}-${width}.png` });

      if (log === 'sample') {
        // a type cut to its column keeps its end on screen and is read whole, as its tooltip and the record's details have it
        const cell = table.getByRole('row').filter({ hasText: 'StockReserved' }).first().getByRole('gridcell').nth(5);
        await expect(cell).toHaveAttribute('title', 'purestream.commerce.StockReserved');
        await expect(cell).toHaveAccessibleName('purestream.commerce.StockReserved');
        if (width === 1280) await expect(cell.locator('[aria-hidden="true"]')).toHaveText(/^….*StockReserved$/);
        await cell.click();
        await expect(logs.getByRole('complementary', { name: 'Record details' })).toContainText('StockReserved');
        await page.screenshot({ path: `${shots}/records-${log}-selected-${width}.png` });
      }
    }
  });
}
