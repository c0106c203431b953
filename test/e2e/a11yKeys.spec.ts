/** The keyboard alone: the event log's rows, the rows of tabs (one Tab stop each, arrows between). */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openSampleAndRun, views } from './flows';

/** The seq shown in the grid's active row (aria-activedescendant). */
async function activeSeq(grid: Locator): Promise<string> {
  const id = await grid.getAttribute('aria-activedescendant');
  expect(id).toBeTruthy();
  return (await grid.page().locator(`[id="${id}"]`).getByRole('gridcell').first().innerText()).trim();
}

/** Tab from the focused `grid` goes on to a real control past it — not to its scrolling rows (a focusable scroll box in Chromium) — and Shift+Tab comes back. */
async function tabLeavesGrid(page: Page, grid: Locator): Promise<void> {
  await expect(grid).toBeFocused();
  await page.keyboard.press('Tab');
  const next = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { inGrid: !!el?.closest('[role=grid]'), role: el?.getAttribute('role') ?? '', tag: el?.tagName ?? '', name: (el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim() };
  });
  expect(next.inGrid).toBe(false);
  expect(['BUTTON', 'A', 'INPUT', 'SELECT', 'TEXTAREA'].includes(next.tag) || ['tab', 'button', 'link', 'group', 'slider'].includes(next.role)).toBe(true);
  expect(next.name).not.toBe('');
  await page.keyboard.press('Shift+Tab');
  await expect(grid).toBeFocused();
}

const focusedName = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

test('the event log is one Tab stop whose arrow, page and end keys select rows and the history step, and "Go to seq" selects too', async ({ page }) => {
  await openSampleAndRun(page, /^Flash sale/);
  await views(page).getByRole('button', { name: 'Event log' }).click();
  const region = page.getByRole('region', { name: /^Events of / });
  await expect(region).toContainText('201 events');
  const grid = region.getByRole('grid', { name: /^Events of .* table$/ });
  // the headers belong to the grid, tied to its cells
  await expect(grid.getByRole('columnheader')).toHaveText(['seq', 'time', 'type', 'stream', 'causation', 'data']);
  // focused, the first row is the active one; Enter selects it
  await grid.focus();
  expect(await activeSeq(grid)).toBe('1');
  await expect(grid.getByRole('row', { selected: true })).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(grid.getByRole('row', { selected: true })).toHaveAttribute('aria-rowindex', '2');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  expect(await activeSeq(grid)).toBe('3');
  await expect(grid.getByRole('row', { selected: true }).getByRole('gridcell').first()).toHaveText('3');
  await expect(page.getByText(/^Selected history step \d+\./)).toBeVisible();
  await page.keyboard.press('End');
  await expect(grid.getByRole('row', { selected: true }).getByRole('gridcell').first()).toHaveText('201');
  expect(await activeSeq(grid)).toBe('201');
  await page.keyboard.press('PageUp');
  const afterPage = Number(await activeSeq(grid));
  expect(afterPage).toBeLessThan(201);
  expect(afterPage).toBeGreaterThan(170);
  await page.keyboard.press('Home');
  expect(await activeSeq(grid)).toBe('1');
  await expect(grid).toBeFocused();

  // Go to seq selects the row, and the history follows as it does for a click
  const selectedStep = page.getByText(/^Selected history step \d+\./);
  const before = await selectedStep.innerText();
  await region.getByLabel('Go to seq').fill('50');
  await region.getByLabel('Go to seq').press('Enter');
  await expect(grid.getByRole('row', { selected: true }).getByRole('gridcell').first()).toHaveText('50');
  await expect(selectedStep).not.toHaveText(before);
  expect(await activeSeq(grid)).toBe('50');
  await grid.focus();
  await page.keyboard.press('ArrowDown');
  await expect(grid.getByRole('row', { selected: true }).getByRole('gridcell').first()).toHaveText('51');
  // a row clicked with the mouse leaves the keys with the grid: the arrows go on from it
  await grid.getByRole('row').filter({ has: page.getByRole('gridcell', { name: '53', exact: true }) }).click();
  await expect(grid).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(grid.getByRole('row', { selected: true }).getByRole('gridcell').first()).toHaveText('54');
  // Tab leaves the grid for the next control, not for its scrolling rows
  await tabLeavesGrid(page, grid);
});

test('run tabs are one Tab stop, arrows move and select, and Enter on the selected run keeps the history step', async ({ page }) => {
  await openSampleAndRun(page, /^Flash sale/);
  await views(page).getByRole('button', { name: 'History' }).click();
  const tabs = page.getByRole('tablist', { name: 'Run' }).first();
  const all = tabs.getByRole('tab');
  await expect(all).toHaveCount(4);
  await expect(tabs.locator('[role=tab][tabindex="0"]')).toHaveCount(1);
  await expect(tabs.locator('[role=tab][tabindex="-1"]')).toHaveCount(3);
  await all.first().focus();
  await page.keyboard.press('ArrowRight');
  await expect(all.nth(1)).toBeFocused();
  await expect(all.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(all.nth(1)).toHaveAttribute('tabindex', '0');
  await page.keyboard.press('End');
  await expect(all.nth(3)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(all.nth(0)).toHaveAttribute('aria-selected', 'true');
  expect(await focusedName(page)).toContain('one queue');
  // step forward, then Enter on the run already shown: the step stays
  const slider = page.getByRole('slider', { name: 'History position' }).first();
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  const at = await slider.getAttribute('aria-valuenow') ?? await slider.inputValue();
  await all.first().focus();
  await page.keyboard.press('Enter');
  expect(await slider.getAttribute('aria-valuenow') ?? await slider.inputValue()).toBe(at);
  await expect(page.getByText('Before the first enactment.')).toHaveCount(0);
});

test('the Logs view’s parts and the editor’s Form/JSON are tab rows with arrow keys', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: /^Flash sale/ }).click();
  const editor = page.getByRole('tablist', { name: 'Editor' });
  await editor.getByRole('tab', { name: 'Form' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(editor.getByRole('tab', { name: 'JSON' })).toBeFocused();
  await expect(editor.getByRole('tab', { name: 'JSON' })).toHaveAttribute('aria-selected', 'true');
  await expect(editor.getByRole('tab', { name: 'Form' })).toHaveAttribute('tabindex', '-1');
  await page.keyboard.press('Home');
  await expect(editor.getByRole('tab', { name: 'Form' })).toHaveAttribute('aria-selected', 'true');

  await views(page).getByRole('button', { name: 'Logs' }).click();
  await page.getByRole('button', { name: /Open sample log/ }).first().click();
  const parts = page.getByRole('tablist', { name: 'Parts of the log' });
  await expect(parts.getByRole('tab', { name: 'Summary' })).toBeEnabled({ timeout: 30_000 });
  const selected = parts.getByRole('tab', { selected: true });
  await selected.focus();
  const first = await selected.innerText();
  await page.keyboard.press('ArrowRight');
  await expect(parts.getByRole('tab', { selected: true })).not.toHaveText(first);
  await expect(parts.getByRole('tab', { selected: true })).toBeFocused();
  await expect(parts.locator('[role=tab][tabindex="0"]')).toHaveCount(1);

  // the records grid: keys select a record and show its details
  await parts.getByRole('tab', { name: 'Records' }).click();
  const grid = page.getByRole('grid', { name: 'Records of the log table' });
  await grid.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('complementary', { name: 'Record details' }).getByRole('heading', { level: 3 })).toContainText('Record #3');
  await expect(grid.getByRole('row', { selected: true })).toHaveAttribute('aria-rowindex', '4');
  await tabLeavesGrid(page, grid);
});

test('Metrics: best and worst say so in words, not only colour; each chart has its data as a table, its legend no "--"', async ({ page }) => {
  await openSampleAndRun(page, /^Flash sale/);
  await views(page).getByRole('button', { name: 'Metrics' }).click();
  const metrics = page.getByRole('region', { name: 'Metrics' });
  const best = metrics.locator('td.best').first();
  await expect(best).toContainText('(best)');
  await expect(metrics.locator('td.worst').first()).toContainText('(worst)');
  const chart = metrics.locator('figure', { hasText: 'Decision queue depth' });
  await expect(chart.locator('.u-legend')).not.toContainText('--');
  await chart.getByText('Show data').click();
  const table = chart.getByRole('table', { name: 'Decision queue depth' });
  await expect(table.getByRole('columnheader').first()).toHaveText('virtual time (ms)');
  await expect(table.getByRole('columnheader', { name: /^one queue/ })).toBeVisible();
  expect(await table.getByRole('row').count()).toBeGreaterThan(2);
  await expect(table.getByRole('row').nth(1).getByRole('rowheader')).toHaveText('0');
});

test('Timeline: the focus ring shows inside the chart; zooming keeps the selected bar in view, and ArrowRight goes on from it', async ({ page }) => {
  await openSampleAndRun(page, /^Flash sale/);
  await views(page).getByRole('button', { name: 'Timeline' }).click();
  const timeline = page.getByRole('region', { name: 'Timeline' });
  const chart = timeline.getByRole('application', { name: /Timeline bars/ });
  // an early bar: one of the first drawn, then the keyboard on from it
  await timeline.locator('rect.b').nth(2).click();
  await chart.focus();
  await page.keyboard.press('ArrowRight');
  expect(await chart.evaluate((el) => el.matches(':focus-visible') && getComputedStyle(el).outlineOffset)).toBe('-2px');
  const selected = timeline.locator('rect.b.selected');
  await expect(selected).toHaveCount(1);
  const key = await selected.getAttribute('data-key');
  const startOf = async () => Number(await selected.getAttribute('x'));
  for (let i = 0; i < 3; i++) await page.keyboard.press('+');
  await expect(timeline.getByText(/^\d+–\d+ ms$/)).not.toHaveText('0–308 ms');
  await expect(selected).toHaveAttribute('data-key', key!);
  const width = Number(await chart.getAttribute('width'));
  const at = await startOf();
  expect(at).toBeGreaterThanOrEqual(0);
  expect(at).toBeLessThan(width);
  await page.keyboard.press('ArrowRight');
  await expect(selected).not.toHaveAttribute('data-key', key!);
  expect(await startOf()).toBeGreaterThanOrEqual(at);
  // the zoom buttons zoom round it too
  await timeline.getByRole('button', { name: 'Zoom in' }).click();
  await expect(selected).toHaveCount(1);
});

test('Connect…: each radio group is one Tab stop; Domains: a field reads as its name and type', async ({ page }) => {
  await page.goto('/');
  await views(page).getByRole('button', { name: 'Logs' }).click();
  await page.getByRole('region', { name: 'Logs', exact: true }).getByRole('button', { name: 'Connect…' }).click();
  const dialog = page.getByRole('dialog');
  const beginning = dialog.getByRole('radio', { name: 'the beginning' });
  await expect(beginning).toBeChecked();
  await beginning.focus();
  await page.keyboard.press('Tab');
  // past "Read from" in one step, into "Until" at its checked radio
  await expect(dialog.getByRole('radio', { name: 'the head: what is there now' })).toBeFocused();
  await beginning.focus();
  await page.keyboard.press('ArrowDown');
  await expect(dialog.getByRole('radio', { name: 'the end (new records only)' })).toBeChecked();
  await page.keyboard.press('Escape');

  await views(page).getByRole('button', { name: 'Domains' }).click();
  const commerce = page.getByRole('article', { name: 'Domain Commerce' });
  await expect(commerce.getByRole('heading', { name: 'Commands' })).toBeVisible();
  // the item is named by its content (no title of its own); its description stays the name's tooltip
  const sku = commerce.locator('li:has(> .name:text-is("sku"))').first();
  await expect(sku).toHaveText(/^sku\s*string\s*$/);
  expect(await sku.getAttribute('title')).toBeNull();
  await expect(sku.locator('.name')).toHaveAttribute('title', 'product id');
  await expect(commerce).toMatchAriaSnapshot('- listitem: sku string');
});
