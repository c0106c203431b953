/**
 * Charts and metric definitions a keyboard and a screen reader reach (trial B m3): Compare's charts
 * have a text alternative in words, the same way as Sweep's and Metrics' (lib/metrics/chartText);
 * Metrics' definition of Deliveries and each run's share open from the keyboard, not only in a
 * mouse's tooltip.
 */
import { expect, test } from '@playwright/test';
import { openSampleAndRun, views } from './flows';

const SHOTS = process.env.A11Y_SHOTS;

test('Compare\'s charts say each run\'s line in words; Metrics\' Deliveries definition opens with Enter', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openSampleAndRun(page, /^Flash sale/);
  await views(page).getByRole('button', { name: 'Compare', exact: true }).click();
  const depth = page.getByRole('img', { name: /^Decision queue depth against t \(ms\): / });
  await expect(depth).toHaveAccessibleName(/one queue: 0 to 120, peak 120 at \d+, ends at 0 at [\d,]+; 8 workers: .* \(commands waiting\)$/);
  await expect(page.getByRole('img', { name: /^Command latency \(at arrival\) against t \(ms\): one queue: / })).toBeAttached();
  // the legend is for the eye: not a second table of names to a screen reader
  await expect(page.locator('.u-legend').first()).toHaveAttribute('aria-hidden', 'true');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/compare-charts-1280.png`, fullPage: true });

  await views(page).getByRole('button', { name: 'Metrics', exact: true }).click();
  const metrics = page.getByRole('region', { name: 'Metrics' });
  const definition = metrics.getByRole('rowheader', { name: 'Deliveries' }).locator('summary');
  await definition.focus();
  await page.keyboard.press('Enter');
  const row = metrics.getByRole('row', { name: /^Deliveries/ });
  await expect(row.getByText(/Enactment attempts/)).toBeVisible();
  await expect(row.getByRole('listitem').first()).toContainText(/^one queue: /);
  if (SHOTS) {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.screenshot({ path: `${SHOTS}/metrics-definition-1440.png` });
  }
});
