import { test, expect } from '@playwright/test';

const broken = JSON.stringify({
  format: 'purestream/scenario@1',
  name: 'Broken',
  domain: 'commerce',
  commands: [{ type: 'PlaceOrder', data: { orderId: 'o1', customerId: 'u1', sku: 'tee', qty: 'two' } }],
});

test('the start view lists the samples; a broken file shows its error paths and loses nothing', async ({ page }) => {
  await page.goto('/');
  const samples = page.getByRole('region', { name: 'Samples' });
  await expect(samples.getByRole('button', { name: 'Flash sale: 150 orders for 100 units' })).toBeVisible();
  await expect(samples.getByRole('button', { name: 'Profile with gallery: all-or-nothing batches' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/start.png' });

  await samples.getByRole('button', { name: 'Flash sale: 150 orders for 100 units' }).click();
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByLabel('Scenario file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(broken) });
  const alert = page.getByRole('alert', { name: 'Scenario file errors' });
  await expect(alert).toContainText('broken.json');
  await expect(alert).toContainText('commands[0].data.qty');
  await expect(alert).toContainText('the scenario you had open is unchanged');
  await expect(page.getByText('Open: Flash sale: 150 orders for 100 units')).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/start-broken-file.png' });
});
