/**
 * Tabs with their panels (trial B m4/m7; Consumers: s12 trials): the Run tabs of Graph, History, Timeline, Event log and Consumers
 * and the Logs view's "Parts of the log" each control a tabpanel named by the selected tab; scroll
 * boxes the browser gives the focus to are regions with a name.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openSampleAndRun, views } from './flows';

/** The tablist's selected tab controls a tabpanel named by it. */
async function panelOf(page: Page, tablist: Locator): Promise<Locator> {
  const tab = tablist.getByRole('tab', { selected: true });
  const id = await tab.getAttribute('aria-controls');
  expect(id).toBeTruthy();
  const panel = page.locator(`[id="${id}"]`);
  await expect(panel).toHaveAttribute('role', 'tabpanel');
  // named by the tab (a run with violations: its dot's words too)
  const words = (await tab.textContent())!.trim();
  await expect(panel).toHaveAccessibleName(new RegExp(`^${words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  return panel;
}

test('the Run tabs of Graph, History, Timeline, Event log and Consumers, and the Logs view\'s parts, each show a tabpanel named by the selected tab', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openSampleAndRun(page, /^Flash sale/);
  for (const view of ['Graph', 'History', 'Timeline', 'Event log', 'Consumers']) {
    await views(page).getByRole('button', { name: view, exact: true }).click();
    const tabs = page.getByRole('tablist', { name: 'Run' });
    await expect(await panelOf(page, tabs)).toHaveAccessibleName('one queue');
    // another run picked by keyboard: the panel is named by it
    await tabs.getByRole('tab', { selected: true }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(await panelOf(page, tabs)).toHaveAccessibleName(/^8 workers/);
    if (view === 'Consumers') {
      // the panel holds the run's consumers
      await expect(await panelOf(page, tabs)).toContainText('Dead-letter queue');
      for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
        await page.setViewportSize({ width, height });
        await page.screenshot({ path: `${process.env.SHOTS_DIR ?? 'test-results/screenshots'}/consumers-run-tabs-${width}.png` });
      }
      await page.setViewportSize({ width: 1280, height: 720 });
    }
    await page.keyboard.press('ArrowLeft');
  }

  await views(page).getByRole('button', { name: 'Logs', exact: true }).click();
  await page.getByRole('button', { name: 'Open sample log' }).click();
  const parts = page.getByRole('tablist', { name: 'Parts of the log' });
  await expect(parts.getByRole('tab', { name: 'Summary' })).toBeEnabled({ timeout: 30_000 });
  await parts.getByRole('tab', { name: 'Summary' }).click();
  await expect(await panelOf(page, parts)).toContainText('Invariant violations');

  await views(page).getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Figures of the runs, scrollable' })).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Lesson' }).getByRole('region', { name: 'Lesson text, scrollable' })).toBeVisible();
});
