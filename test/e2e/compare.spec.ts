import { test, expect } from '@playwright/test';
import { openSampleAndRun } from './flows';

test('compare two runs of the flash sale: run names, a differing metric, the diverging stream, why, export', async ({ page }) => {
  await openSampleAndRun(page, /^Flash sale/);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Compare' }).click();
  const compare = page.getByRole('region', { name: 'Compare' });
  await expect(compare).toBeVisible();

  // Keep two runs: one queue and 8 workers.
  await compare.getByRole('checkbox', { name: 'single writer' }).uncheck();
  await compare.getByRole('checkbox', { name: 'inventory-aware' }).uncheck();

  const metrics = compare.getByRole('region', { name: 'Metrics' });
  await expect(metrics.getByRole('columnheader', { name: 'one queue' })).toBeVisible();
  await expect(metrics.getByRole('columnheader', { name: '8 workers' })).toBeVisible();
  const makespan = metrics.getByRole('row', { name: /^Makespan/ });
  await expect(makespan).toContainText('1,500 ms');
  await expect(makespan).toContainText('308 ms');
  await expect(metrics.getByRole('row', { name: /^Invariant violations/ })).toContainText('+1');

  const diffs = compare.getByRole('region', { name: 'Final-state differences' });
  await expect(diffs.getByRole('list', { name: 'Diverging streams' })).toContainText('stock:tee@main');
  await expect(diffs.getByRole('row', { name: /stock:tee@main\.stock/ })).toContainText('-4');

  await expect(compare.getByRole('region', { name: 'Why' })).toContainText('“8 workers” oversold tee@main by 4');
  const depth = compare.getByRole('figure', { name: 'Decision queue depth' });
  await expect(depth.locator('canvas')).toBeVisible();
  // a count axis on whole steps a little above the deepest queue (120 orders waiting for one queue)
  await expect(depth).toHaveAttribute('data-y-top', '150');
  await page.screenshot({ path: 'test-results/screenshots/compare.png', fullPage: true });

  const download = page.waitForEvent('download');
  await compare.getByRole('button', { name: 'Export HTML' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/comparison\.html$/);
  const html = await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
  expect(html).toContain('<th>8 workers</th>');
  expect(html).toContain('<svg');
  // the command line Compare shows (two runs chosen: it says the command compares every run), as text under the title
  expect(html).toContain(`<p class="muted">Same as <code>purestream compare samples/scenarios/flash-sale.json</code>, run in a Purestream checkout&#39;s folder (it compares every run)</p>`);
});
