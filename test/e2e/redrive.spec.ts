import { expect, test } from '@playwright/test';
import { openSampleAndRun, views } from './flows';

test('a flaky consumer parks events in its dead-letter queue; Re-drive delivers them and shows the result', async ({ page }) => {
  await openSampleAndRun(page, /^Decoupled uptime/);
  const nav = views(page);

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
