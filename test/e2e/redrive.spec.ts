import { expect, test } from '@playwright/test';

test('a flaky consumer parks events in its dead-letter queue; Re-drive delivers them and shows the result', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: /^Decoupled uptime/ }).click();
  const nav = page.getByRole('navigation', { name: 'Views' });
  await nav.getByRole('button', { name: 'Runs', exact: true }).click();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Runs' })).toContainText(/Ran \d+ runs?/, { timeout: 30_000 });

  await nav.getByRole('button', { name: 'Consumers' }).click();
  const consumers = page.getByRole('region', { name: 'Consumers' });
  await consumers.getByRole('tab', { name: 'flaky + retries' }).click();
  const email = consumers.getByRole('region', { name: 'Consumer email' });
  await expect(email.getByRole('table', { name: 'email dead letters' })).toBeVisible();
  const button = email.getByRole('button', { name: /^Re-drive \d+ parked event/ });
  const parked = Number(/Re-drive (\d+)/.exec((await button.textContent()) ?? '')![1]);
  expect(parked).toBeGreaterThan(0);
  await button.click();
  await expect(email.getByRole('status')).toContainText(`Re-drove ${parked}: ${parked} enacted`);
  await expect(email.getByRole('table', { name: 'email re-drive results' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/consumers-redrive.png', fullPage: false });
});
