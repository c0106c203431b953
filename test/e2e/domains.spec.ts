import { test, expect } from '@playwright/test';

test('the Domains view lists both bundled domains with their commands and events', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Domains' }).click();
  const view = page.getByRole('region', { name: 'Domains' });
  await expect(view.getByRole('article', { name: 'Domain Commerce' })).toBeVisible();
  await expect(view.getByRole('article', { name: 'Domain Profiles' })).toBeVisible();
  await expect(view.getByText('PlaceOrder', { exact: true })).toBeVisible();
  await expect(view.getByText('GalleryImageAdded', { exact: true })).toBeVisible();
  await expect(view.getByText('OrderPlaced', { exact: true })).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/domains.png', fullPage: true });
});
