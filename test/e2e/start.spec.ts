import { test, expect } from '@playwright/test';
import { views } from './flows';

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
  // the hidden file input behind "Open…" is not announced as a button of its own
  await expect(page.getByRole('button', { name: 'Scenario file' })).toHaveCount(0);

  await samples.getByRole('button', { name: 'Flash sale: 150 orders for 100 units' }).click();
  await views(page).getByRole('button', { name: 'Start' }).click();
  await page.getByLabel('Scenario file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(broken) });
  const alert = page.getByRole('alert', { name: 'Scenario file errors' });
  await expect(alert).toContainText('broken.json');
  await expect(alert).toContainText('commands[0].data.qty');
  await expect(alert).toContainText('the scenario you had open is unchanged');
  await expect(page.getByText('Open: Flash sale: 150 orders for 100 units')).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/start-broken-file.png' });
});

test('a file nested 2,000 levels deep gets one line of explanation, and the page stays usable', async ({ page }) => {
  let node: unknown = { type: 'RestockItem', data: { sku: 'tee', qty: 1 } };
  for (let i = 0; i < 2000; i++) node = { batch: 'all-or-nothing', items: [node] };
  const deep = JSON.stringify({ format: 'purestream/scenario@1', name: 'Deep', domain: 'commerce', commands: [node] });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await page.getByLabel('Scenario file').setInputFiles({ name: 'deep.json', mimeType: 'application/json', buffer: Buffer.from(deep) });
  const alert = page.getByRole('alert', { name: 'Scenario file errors' });
  await expect(alert).toContainText('deep.json');
  await expect(alert).toContainText(/nested|levels/);
  expect(await alert.getByRole('listitem').count()).toBe(1);
  expect(errors).toEqual([]);
  await page.getByRole('region', { name: 'Samples' }).getByRole('button', { name: 'Flash sale: 150 orders for 100 units' }).click();
  await expect(page.getByRole('main').getByRole('heading', { name: 'Flash sale: 150 orders for 100 units' })).toBeVisible();
});

test('undoing every edit leaves nothing unsaved', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('region', { name: 'Samples' }).getByRole('button', { name: 'Flash sale: 150 orders for 100 units' }).click();
  const banner = page.getByRole('banner');
  await expect(banner.getByText('unsaved')).toBeHidden();
  await page.getByRole('treeitem').first().click();
  await page.getByLabel('name', { exact: true }).fill('Flash sale, renamed');
  await expect(banner.getByText('unsaved')).toBeVisible();
  await page.getByRole('button', { name: /^Undo/ }).first().click();
  await expect(banner.getByText('unsaved')).toBeHidden();
});

for (const size of [{ width: 1280, height: 720 }, { width: 1440, height: 900 }]) {
  test(`at ${size.width}×${size.height}, each sample card shows its file name on one line and where its lesson shows in the top bar's words`, async ({ page }) => {
    await page.setViewportSize(size);
    await page.goto('/');
    const samples = page.getByRole('region', { name: 'Samples' });
    // the Dry run lesson shows in the Scenario view's Decision panel: no tab is called Decision
    await expect(samples.getByRole('button', { name: /^Dry run/ })).toContainText('shows in Scenario › Decision');
    const files = samples.locator('code.file');
    await expect(files.first()).toBeVisible();
    const broken = await files.evaluateAll((codes) => codes.filter((c) => c.getClientRects().length > 1 || c.getBoundingClientRect().height > parseFloat(getComputedStyle(c).lineHeight) * 1.5 || c.scrollWidth > c.clientWidth).map((c) => c.textContent));
    expect(broken).toEqual([]);
    await samples.getByRole('button', { name: /^Dry run/ }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/screenshots/start-sample-cards-${size.width}.png` });
  });
}
