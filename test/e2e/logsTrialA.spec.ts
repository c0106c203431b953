/**
 * Trial A's homegrown engine log in the Logs view: a map loaded in the Mapping dialog says its
 * stream positions are dense from 1 (the dialog shows it), so a skipped revision is a gap; and read
 * with a domain none of whose events it holds, the headline says first that the invariants were
 * not checked, not only how many anomalies there are (trial A M1/p5, M4).
 */
import { test, expect } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { views } from './flows';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/logs/verdict-trial/${name}`, import.meta.url));

test('a dense map finds the gap; a domain that reads none of the events is "not checked" in the headline (1280x720)', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  await views(page).getByRole('button', { name: 'Logs' }).click();
  const logs = page.getByRole('region', { name: 'Logs', exact: true });
  await logs.getByLabel('Domain').selectOption('commerce');
  await logs.getByRole('button', { name: /Mapping/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Mapping' });
  await dialog.getByLabel('Map file').setInputFiles(fixture('homegrown-dense.map.json'));
  await expect(dialog.getByLabel('Stream positions dense from')).toHaveValue('1');
  await dialog.getByRole('button', { name: 'Apply and inspect' }).click();
  await expect(dialog).toBeHidden();
  await logs.getByLabel('Log file').setInputFiles(fixture('homegrown-gap.ndjson'));

  const headline = logs.getByRole('status').first();
  await expect(headline).toContainText("Invariants not checked: none of the log's 11 events could be read by domain commerce;", { timeout: 30_000 });
  await expect(headline).toContainText('not checked');
  await expect(headline).not.toContainText('healthy');
  const violations = logs.getByRole('region', { name: 'Invariant violations' });
  await expect(violations.getByRole('heading')).toHaveText(/not checked/);
  await expect(violations).toContainText("The payloads do not match the domain's schemas");
  await expect(logs.getByRole('region', { name: 'Anomalies' })).toContainText('position 2 in stream "order/o-19" is missing');
  await page.screenshot({ path: `${process.env.SHOTS_DIR ?? 'test-results/screenshots'}/logs-trial-a-not-checked-1280.png`, fullPage: true });
});
