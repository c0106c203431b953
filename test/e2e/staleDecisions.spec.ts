import { test, expect, type Page } from '@playwright/test';

async function openSampleLog(page: Page) {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Logs' }).click();
  const logs = page.getByRole('region', { name: 'Logs', exact: true });
  await logs.getByRole('button', { name: 'Open sample log' }).click();
  await expect(logs.getByRole('status')).toContainText('1 invariant violation', { timeout: 20_000 });
  return logs;
}

for (const [width, height] of [
  [1280, 720],
  [1440, 900],
] as const) {
  test(`${width}x${height}: the Logs view lists the stale decisions of the oversold flash sale, each going to its command's row, whose details link the change that came in between`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    const logs = await openSampleLog(page);
    const stale = logs.getByRole('region', { name: 'Stale decisions' });
    await expect(stale.getByRole('heading', { level: 3 })).toHaveText(/^Stale decisions\s*102$/);
    await expect(stale.getByRole('listitem')).toHaveCount(100);
    await expect(stale).toContainText('… and 2 more (the first 100 are listed)');
    const first = stale.getByRole('listitem').first();
    await expect(first).toHaveText(/^line 5\s*c2: stock:tee@main changed at line 10 by c1$/);
    await stale.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/screenshots/logs-stale-${width}.png` });

    // the command's line goes to its row, and its details say why it is stale
    await first.getByRole('button', { name: 'line 5', exact: true }).click();
    const records = logs.getByRole('region', { name: 'Records of the log' });
    const details = logs.getByRole('complementary', { name: 'Record details' });
    await expect(details.getByRole('heading', { level: 3 })).toHaveText(/^Record #4 on line 5\s+command$/, { timeout: 15_000 });
    await expect(records.locator('[role="row"].selected')).toContainText('PlaceOrder');
    const why = details.getByRole('list', { name: 'Why this decision is stale' });
    await expect(why).toHaveText(/^⚠ stale decision\s*decided on a state that changed before its events were recorded: stock:tee@main changed at line 10 by c1$/);
    await page.screenshot({ path: `test-results/screenshots/logs-stale-record-${width}.png` });

    // and the change goes to its own row: c1's reservation
    await why.getByRole('button', { name: 'line 10' }).click();
    await expect(details.getByRole('heading', { level: 3 })).toHaveText(/^Record #9 on line 10/);
    await expect(records.locator('[role="row"].selected')).toContainText('StockReserved');

    // the list's second link goes to a change as well
    await logs.getByRole('tab', { name: 'Summary' }).click();
    await stale.getByRole('listitem').nth(1).getByRole('button', { name: /^line 13, the change before c3's events$/ }).click();
    await expect(details.getByRole('heading', { level: 3 })).toHaveText(/^Record #12 on line 13/);
  });
}

test("the headline names the sample log's stale decisions after its drift, and its phrase shows the Stale decisions panel", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const logs = await openSampleLog(page);
  const headline = logs.getByRole('status').filter({ hasText: 'invariant violation' });
  await expect(headline).toHaveText("violations 1 invariant violation and 4 anomalies in 211 events, 4 decisions today's rules decide otherwise and 102 stale decisions.");
  const stale = logs.getByRole('region', { name: 'Stale decisions' });
  await expect(stale).not.toBeInViewport();
  await headline.getByRole('button', { name: '102 stale decisions' }).click();
  await expect(stale).toBeInViewport();
  await expect(stale).toBeFocused();
});

for (const [width, height] of [
  [1280, 720],
  [1440, 900],
] as const) {
  test(`${width}x${height}: the Records table marks each stale command's row with ⚠ saying why; a fresh command and the events in between are not marked`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    const logs = await openSampleLog(page);
    await page.screenshot({ path: `test-results/screenshots/logs-stale-summary-${width}.png` });
    await logs.getByRole('tab', { name: 'Records' }).click();
    const records = logs.getByRole('region', { name: 'Records of the log' });
    const row = (n: number) => records.locator(`.row[aria-rowindex="${n + 1}"]`);
    // c2 (record 4) read the tee's stock before c1's reservation (record 9) changed it
    const why = 'stale decision: stock:tee@main changed by c1 after its read, before its events were recorded';
    await expect(row(4).getByRole('img', { name: `⚠ ${why}` })).toBeVisible({ timeout: 15_000 });
    await expect(row(4).getByRole('gridcell').first()).toHaveAttribute('title', why);
    await expect(row(5).getByRole('img', { name: /^⚠ stale decision: stock:tee@main changed by c2 after its read/ })).toBeVisible();
    // c1 decided on a fresh state; its events are another decision's change, not stale themselves
    for (const fresh of [3, 8, 9]) await expect(row(fresh).getByRole('img')).toHaveCount(0);
    await row(4).click();
    const details = logs.getByRole('complementary', { name: 'Record details' });
    await expect(details.getByRole('list', { name: 'Why this decision is stale' })).toBeVisible();
    await page.screenshot({ path: `test-results/screenshots/logs-stale-records-${width}.png` });
    // the last listed stale command is marked as well, far down the table
    await records.getByLabel('Go to record').fill('298');
    await records.getByRole('button', { name: 'Go to record' }).click();
    await expect(row(298).getByRole('img', { name: /^⚠ stale decision: stock:tee@main changed by / })).toBeVisible();
  });
}
