import { test, expect, type Page } from '@playwright/test';

const views = (page: Page) => page.getByRole('navigation', { name: 'Views' });

async function openFlashSaleRuns(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('region', { name: 'Samples' }).getByRole('button', { name: 'Flash sale: 150 orders for 100 units' }).click();
  await views(page).getByRole('button', { name: 'Runs', exact: true }).click();
}

test('a run\'s problems show beside their fields in words, and the disabled Run button says why', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openFlashSaleRuns(page);
  const runs = page.getByRole('region', { name: 'Runs' });
  const card = runs.getByRole('article', { name: 'Run 8 workers' });
  const workers = card.getByLabel('workers', { exact: true });
  await workers.fill('1.5');
  await expect(workers).toHaveAttribute('aria-invalid', 'true');
  await expect(workers).toHaveAccessibleDescription('workers: a whole number ≥ 1 (got 1.5)');
  const run = runs.getByRole('button', { name: 'Run', exact: true });
  await expect(run).toBeDisabled();
  await expect(run).toHaveAttribute('title', 'Fix this first — run "8 workers": workers: a whole number ≥ 1 (got 1.5)');
  await expect(card).not.toContainText('runs[1]');
  await workers.fill('0');
  await expect(workers).toHaveAccessibleDescription('workers: a whole number ≥ 1 (got 0)');
  await workers.fill('8');
  await expect(workers).not.toHaveAttribute('aria-invalid');
  await expect(run).toBeEnabled();

  await card.getByRole('button', { name: 'Add consumer' }).click();
  const failure = card.getByLabel('failure rate');
  await failure.fill('2');
  await expect(failure).toHaveAttribute('aria-invalid', 'true');
  await expect(failure).toHaveAccessibleDescription('failure rate: a number from 0 to 1 (got 2)');
  await failure.fill('0.1');
  await expect(run).toBeEnabled();

  // the card is named after its run: find it by place once renamed
  const name = runs.getByRole('article').nth(1).getByLabel('run name');
  await name.fill('one queue');
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toHaveAccessibleDescription('name: the 1st run is called "one queue" too; each run needs a name of its own');
  await expect(run).toBeDisabled();
  await page.screenshot({ path: 'test-results/screenshots/runs-field-problems.png' });
});

for (const [width, height] of [[1280, 720], [1440, 900]]) {
  test(`at ${width}×${height} a consumer's Remove button sits clear of its fields; its retries say their unit and waits`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await openFlashSaleRuns(page);
    const card = page.getByRole('region', { name: 'Runs' }).getByRole('article', { name: 'Run 8 workers' });
    await card.getByRole('button', { name: 'Add consumer' }).click();
    const remove = (await card.getByRole('button', { name: /^Remove consumer/ }).boundingBox())!;
    for (const field of [card.getByLabel('interpreter'), card.getByLabel('consumer name')]) {
      const box = (await field.boundingBox())!;
      const overlaps = remove.x < box.x + box.width && box.x < remove.x + remove.width && remove.y < box.y + box.height && box.y < remove.y + remove.height;
      expect(overlaps).toBe(false);
    }
    // retries: the backoff's unit and what the factor does, and the waits they make
    await card.getByLabel('retries at most').fill('2');
    const backoff = card.getByLabel('retry backoff in ms');
    await expect(backoff).toHaveValue('10');
    await expect(backoff).toHaveAccessibleDescription('waits 10 ms, 20 ms before the 2 retries');
    await expect(card.getByText('ms, then ×')).toBeVisible();
    await card.getByLabel('retry backoff factor').fill('3');
    await expect(backoff).toHaveAccessibleDescription('waits 10 ms, 30 ms before the 2 retries');
    await backoff.scrollIntoViewIfNeeded();
    await card.screenshot({ path: `test-results/screenshots/runs-consumer-${width}.png` });
  });
}

test('a consumer is named after its interpreter: the first one added made a notifier is "notifier", the next "notifier-2", a typed name stays; the Timeline and Sweep say those names', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openFlashSaleRuns(page);
  const runs = page.getByRole('region', { name: 'Runs' });
  const card = runs.getByRole('article', { name: 'Run 8 workers' });
  const names = card.getByLabel('consumer name');
  await card.getByRole('button', { name: 'Add consumer' }).click();
  await expect(names).toHaveValue('state');
  await card.getByLabel('interpreter').selectOption('notifier');
  await expect(names).toHaveValue('notifier');
  await expect(card).toContainText('No state store listed: the engine adds one, “state”, with no latency.');
  await card.getByRole('button', { name: 'Add consumer' }).click();
  await expect(names.nth(1)).toHaveValue('notifier-2');
  // a name the user typed is kept through a change of interpreter; a default one follows it
  await names.nth(1).fill('mailer');
  await card.getByLabel('interpreter').nth(1).selectOption('audit-log');
  await expect(names.nth(1)).toHaveValue('mailer');
  await card.getByLabel('interpreter').first().selectOption('sql');
  await expect(names.first()).toHaveValue('sql');
  await card.getByLabel('interpreter').first().selectOption('notifier');
  await expect(names.first()).toHaveValue('notifier');
  await card.screenshot({ path: 'test-results/screenshots/runs-consumer-names.png' });

  await runs.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(runs).toContainText(/Ran \d+ runs/, { timeout: 30_000 });
  await views(page).getByRole('button', { name: 'Timeline', exact: true }).click();
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await timeline.getByRole('tab', { name: '8 workers' }).click();
  for (const lane of ['state', 'notifier', 'mailer']) await expect(timeline.locator('.lane-label', { hasText: new RegExp(`^${lane}$`) })).toHaveCount(1);
  await expect(timeline.locator('.lane-label', { hasText: /^state-store$/ })).toHaveCount(0);

  await views(page).getByRole('button', { name: 'Sweep', exact: true }).click();
  const sweep = page.getByRole('region', { name: 'Sweep' });
  await sweep.getByRole('combobox', { name: 'Run' }).selectOption('8 workers');
  await expect(sweep.getByRole('combobox', { name: 'Parameter' }).getByRole('option')).toContainText(['notifier: failureRate', 'mailer: failureRate']);
});

test('removing a run says so with Undo, and Ctrl+Z / Ctrl+Shift+Z work in the Runs view on the Scenario view\'s history', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openFlashSaleRuns(page);
  const runs = page.getByRole('region', { name: 'Runs' });
  const cards = runs.getByRole('article');
  await expect(cards).toHaveCount(4);
  await runs.getByRole('button', { name: 'Remove run 8 workers' }).click();
  await expect(cards).toHaveCount(3);
  const status = page.getByRole('status');
  await expect(status).toContainText('Removed run "8 workers"');
  await page.screenshot({ path: 'test-results/screenshots/runs-removed-undo.png' });
  await status.getByRole('button', { name: 'Undo' }).click();
  await expect(cards).toHaveCount(4);
  await expect(status).toContainText('Undid: Removed run "8 workers"');

  await page.keyboard.press('Control+Shift+Z');
  await expect(cards).toHaveCount(3);
  await page.keyboard.press('Control+Z');
  await expect(cards).toHaveCount(4);
  await expect(runs.getByRole('article', { name: 'Run 8 workers' })).toBeVisible();
  await page.keyboard.press('Control+Y');
  await expect(cards).toHaveCount(3);

  // the same history: the Scenario view's Undo takes it back
  await views(page).getByRole('button', { name: 'Scenario', exact: true }).click();
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await views(page).getByRole('button', { name: 'Runs', exact: true }).click();
  await expect(cards).toHaveCount(4);
});

test('in the Runs and the Scenario view alike, Ctrl+Z typed in a text field is left to the field, and the notice of a removal offers Undo', async ({ page }) => {
  await openFlashSaleRuns(page);
  const runs = page.getByRole('region', { name: 'Runs' });
  const cards = runs.getByRole('article');
  await runs.getByRole('button', { name: 'Remove run 8 workers' }).click();
  await expect(cards).toHaveCount(3);
  await runs.getByRole('article', { name: 'Run single writer' }).getByLabel('workers', { exact: true }).focus();
  await page.keyboard.press('Control+Z');
  await expect(page.getByRole('status')).toContainText('Removed run "8 workers"');
  await expect(page.getByRole('status').getByRole('button', { name: 'Undo' })).toBeVisible();
  await expect(cards).toHaveCount(3);

  await views(page).getByRole('button', { name: 'Scenario', exact: true }).click();
  const tree = page.getByRole('region', { name: 'Command tree' });
  const restock = tree.getByRole('treeitem', { name: /^RestockItem/ });
  await restock.click();
  await page.keyboard.press('Delete');
  await expect(restock).toHaveCount(0);
  await expect(page.getByRole('status')).toContainText('Deleted RestockItem');
  await expect(page.getByRole('status').getByRole('button', { name: 'Undo' })).toBeVisible();
  await tree.getByRole('treeitem').first().click();
  await page.getByLabel('name', { exact: true }).focus();
  await page.keyboard.press('Control+Z');
  await expect(restock).toHaveCount(0);
  // out of the field, the same key takes the deletion back, and then the removal from the Runs view
  await page.getByRole('main').getByRole('heading', { level: 2 }).focus();
  await page.keyboard.press('Control+Z');
  await expect(restock).toHaveCount(1);
  await expect(page.getByRole('status')).toContainText('Undid: Deleted RestockItem');
  await page.keyboard.press('Control+Z');
  await expect(page.getByRole('status')).toContainText('Undid: Removed run "8 workers"');
});

test("Add run makes a pool with the last run's service time, so the comparison differs only in scheduling", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  await page.getByRole('region', { name: 'Samples' }).getByRole('button', { name: /^Composable commands/ }).click();
  await views(page).getByRole('button', { name: 'Runs', exact: true }).click();
  const runs = page.getByRole('region', { name: 'Runs' });
  await expect(runs.getByRole('article', { name: 'Run one queue' }).getByLabel('service time in ms', { exact: true })).toHaveValue('2');
  await runs.getByRole('button', { name: 'Add run' }).click();
  const added = runs.getByRole('article', { name: 'Run pool' });
  await expect(added.getByLabel('scheduler')).toHaveValue('pool');
  await expect(added.getByLabel('service time in ms', { exact: true })).toHaveValue('2');
  await page.screenshot({ path: 'test-results/screenshots/runs-added-1280.png' });
});

test('the Runs view shows Undo and Redo, as the Scenario view does, titled with the edit they undo or redo', async ({ page }) => {
  await openFlashSaleRuns(page);
  const runs = page.getByRole('region', { name: 'Runs' });
  // the header's buttons (a removal's notice offers an Undo of its own)
  const undo = runs.locator('header').getByRole('button', { name: 'Undo', exact: true });
  const redo = runs.locator('header').getByRole('button', { name: 'Redo', exact: true });
  await expect(undo).toBeDisabled();
  await expect(undo).toHaveAttribute('title', 'Nothing to undo');
  await runs.getByRole('button', { name: 'Remove run single writer' }).click();
  await expect(runs.getByRole('article')).toHaveCount(3);
  await expect(undo).toHaveAttribute('title', 'Undo: Removed run "single writer" (Ctrl+Z)');
  await page.screenshot({ path: 'test-results/screenshots/runs-undo-1440.png' });
  await undo.click();
  await expect(runs.getByRole('article')).toHaveCount(4);
  await expect(redo).toHaveAttribute('title', 'Redo: Removed run "single writer" (Ctrl+Shift+Z or Ctrl+Y)');
  await redo.click();
  await expect(runs.getByRole('article')).toHaveCount(3);
});
