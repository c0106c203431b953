/**
 * An Emmett team's cart module and export (test/fixtures/modules/cart, from a trial): read with the
 * wrong profile nothing is understood, and no card of the Summary claims the log healthy.
 */
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { views } from './flows';
import { openModule } from './libraryModule';

const cart = (name: string) => fileURLToPath(new URL(`../fixtures/modules/cart/${name}`, import.meta.url));

for (const viewport of [{ width: 1280, height: 720 }, { width: 1440, height: 900 }]) {
  test(`a log read with the wrong profile (nothing understood) is "not checked" in every domain card, never "every invariant holds"; one anomaly kind is said once (${viewport.width}x${viewport.height})`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto('/');
    await openModule(page, 'cart.ts', readFileSync(cart('cart.ts'), 'utf8'), 'Checkout cart (our service)');
    await views(page).getByRole('button', { name: 'Logs' }).click();
    const logs = page.getByRole('region', { name: 'Logs', exact: true });
    await logs.getByLabel('Domain').selectOption('cart.ts');
    await logs.getByLabel('Log file').setInputFiles(cart('emmett-export.jsonl'));
    await expect(logs.getByRole('status').first()).toContainText('13 events', { timeout: 30_000 });
    // read right, the replay checks the invariants: the export breaks 4
    const violations = logs.getByRole('region', { name: 'Invariant violations' });
    await expect(violations.getByRole('heading')).toHaveText('Invariant violations 4');

    await logs.getByLabel('Profile', { exact: true }).selectOption('marten');
    await expect(logs.getByText('not understood', { exact: true })).toBeVisible({ timeout: 30_000 });
    await expect(violations).toContainText("Not checked: no record was read as an event, so none by domain checkout-cart");
    await expect(violations.getByRole('heading')).toHaveText(/not checked/);
    await expect(violations).not.toContainText('satisfies every invariant');
    const drift = logs.getByRole('region', { name: 'Decision drift' });
    await expect(drift).toContainText('Not checked: no record was read as a command or an event');
    await expect(drift).not.toContainText('nothing to decide again');
    // the one kind of anomaly: its heading counts it, no second line repeats it
    const anomalies = logs.getByRole('region', { name: 'Anomalies' });
    await expect(anomalies.getByRole('group', { name: 'Anomalies by kind' })).toHaveCount(0);
    // the count said once: the card's pill; the kind's heading and its one message do not repeat it
    await expect(anomalies.getByRole('heading', { name: /^Anomalies/ })).toHaveText(/^Anomalies\s*13$/);
    const unmapped = anomalies.getByRole('group', { name: 'unmapped: 13 records' });
    await expect(unmapped.getByRole('heading')).toHaveText('unmapped');
    await expect(unmapped.getByRole('listitem')).toHaveCount(1);
    await expect(unmapped.getByRole('listitem')).toHaveText(/^no event type under the marten profile/);
    expect((await anomalies.innerText()).match(/\b13\b/g)).toHaveLength(1);
    await expect(anomalies.locator('.pill', { hasText: 'unmapped' })).toHaveCount(1);
    await page.screenshot({ path: `${process.env.SHOTS_DIR ?? 'test-results/screenshots'}/logs-not-checked-${viewport.width}.png`, fullPage: true });
  });
}
