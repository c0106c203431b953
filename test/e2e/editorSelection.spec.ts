/** What the editor says about the selected node (its arrival, where Add command adds) and that Ctrl+Enter leaves the focus alone. */
import { test, expect, type Page } from '@playwright/test';

const tree = (page: Page) => page.getByRole('region', { name: 'Command tree' });
const arrival = (page: Page) => page.getByRole('note', { name: 'Arrival time' });
const fill = (page: Page, label: string, value: string) => page.getByLabel(label, { exact: true }).fill(value);

test('the selected node says when it arrives in virtual time, as the engine resolves it, and nothing while the scenario is invalid', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: /^Flash sale/ }).click();
  await tree(page).getByRole('treeitem', { name: /^Repeat ×150/ }).click();
  await expect(arrival(page)).toHaveText('150 arrivals, t = 0 … 298 ms');
  await tree(page).getByRole('treeitem', { name: /^PlaceOrder/ }).click();
  await expect(arrival(page)).toHaveText('150 copies arrive, t = 0 … 298 ms');

  await tree(page).getByRole('treeitem', { name: /^Repeat ×150/ }).click();
  await fill(page, 'at (ms)', '10');
  await expect(arrival(page)).toHaveText('150 arrivals, t = 10 … 308 ms');
  await fill(page, 'jitter (ms)', '3');
  await expect(arrival(page)).toHaveText(/^150 arrivals, t = 1\d … 3(0[89]|1[01]) ms · jitter: each copy 0–3 ms late$/);
  await fill(page, 'jitter (ms)', '');

  // an invalid scenario has no resolved times: the line is blank, never a wrong time
  await fill(page, 'every (ms)', '-1');
  await expect(page.getByRole('button', { name: /^1 problem/ })).toBeVisible();
  await expect(arrival(page)).toHaveText('');
  await fill(page, 'every (ms)', '2');
  await expect(arrival(page)).toHaveText('150 arrivals, t = 10 … 308 ms');

  // a batch after the repeat takes the repeat's last scheduled time; its items arrive with it
  await page.getByRole('button', { name: 'Add batch' }).click();
  // empty, the batch makes the scenario invalid: no time, and no id to name it by yet
  await expect(arrival(page)).toHaveText('');
  await page.getByRole('combobox', { name: 'Command type' }).selectOption('RestockItem');
  await page.getByRole('button', { name: 'Add command to the selected batch', exact: true }).click();
  await fill(page, 'sku', 'tee');
  await expect(arrival(page)).toHaveText('Arrives with its batch at t = 308 ms');
  await tree(page).getByRole('treeitem', { name: /^Batch/ }).click();
  await expect(arrival(page)).toHaveText('Arrives at t = 308 ms');
  await expect(page.getByRole('button', { name: 'Add command to batch b1', exact: true })).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/editor-arrival.png' });
});

test('Add command says when it adds into a batch (selected, or a command in it), by the batch id', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Profile with gallery: all-or-nothing batches' }).click();
  const tools = page.getByRole('toolbar', { name: 'Command tree tools' });
  await tree(page).getByRole('treeitem', { name: /^Batch, all-or-nothing · id create-profile/ }).click();
  const add = tools.getByRole('button', { name: 'Add command to batch create-profile', exact: true });
  await expect(add).toBeVisible();
  await tools.getByLabel('Command type').selectOption('AddGalleryImage');
  await add.click();
  // the new command is the batch's last item; with it selected the button adds after it, in the same batch, and says so
  const items = tree(page).getByRole('treeitem', { name: /^AddGalleryImage/ });
  await expect(items.nth(2)).toHaveAttribute('aria-level', '3');
  await expect(items.nth(2)).toHaveAttribute('aria-selected', 'true');
  await expect(add).toBeVisible();
  // a top-level command selected: plain Add command
  await tree(page).getByRole('treeitem', { name: /^UpdateProfile/ }).click();
  await expect(tools.getByRole('button', { name: 'Add command', exact: true })).toBeVisible();
});

test('Ctrl+Enter dry-runs and leaves the focus where it was: on the tree item, or in the field', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Profile with gallery: all-or-nothing batches' }).click();
  const decision = page.getByRole('region', { name: 'Decision' });
  const batch = tree(page).getByRole('treeitem', { name: /^Batch, all-or-nothing · id create-profile/ });
  await batch.click();
  await page.keyboard.press('Control+Enter');
  await expect(decision).toContainText('would be accepted');
  await expect(batch).toBeFocused();
  // the keyboard carries on in the tree
  await page.keyboard.press('ArrowDown');
  const first = tree(page).getByRole('treeitem', { name: /^AddProfile/ });
  await expect(first).toBeFocused();
  await expect(first).toHaveAttribute('aria-selected', 'true');

  const title = page.getByLabel('title', { exact: true });
  await title.click();
  await page.keyboard.press('Control+Enter');
  await expect(decision).toContainText('ProfileAdded');
  await expect(title).toBeFocused();
  await page.keyboard.type(' and more');
  await expect(title).toHaveValue('Engineer and more');
});
