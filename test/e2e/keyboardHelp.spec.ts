/**
 * The keyboard-only trial's findings, driven by the keyboard: the shortcut list (?, F1, the top
 * bar's entry), Ctrl+O's file chooser, the workspace notice that covers nothing and gives the focus
 * back, tree edits said, required fields, exports said, the page title, History's break said once.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openSampleAndRun, views } from './flows';
import { announcements, recordAnnouncements } from './liveRegions';

const announcer = (page: Page) => page.locator('#announcer');


/** Focuses `locator` (as Tab would) and presses `key` on it. */
async function press(page: Page, locator: Locator, key = 'Enter'): Promise<void> {
  await locator.focus();
  await page.keyboard.press(key);
}

/** Whether the focused element is drawn where it is (no other element over its centre). */
const focusedUncovered = (page: Page): Promise<boolean> =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const r = el.getBoundingClientRect();
    const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return top !== null && (el === top || el.contains(top));
  });

test('? and F1 and the top bar show the keyboard shortcut list, written from the handled keys; Escape closes it', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  for (const row of [/Ctrl\+Enter\s*Run all runs/, /Ctrl\+O\s*Open a workspace file/, /Alt\+↑\s*Move the selected node up/, /Ctrl\+D\s*Dry-run/, /Delete or Backspace\s*Delete the selected node/])
    await expect(dialog.getByRole('row').filter({ hasText: row })).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page.keyboard.press('F1');
  await expect(dialog).toBeVisible();
  await press(page, dialog.getByRole('button', { name: 'Close' }));
  await expect(dialog).toBeHidden();

  const entry = page.getByRole('banner').getByRole('button', { name: 'Keyboard shortcuts' });
  await expect(entry).toHaveAttribute('aria-keyshortcuts', '? F1');
  await press(page, entry);
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(entry).toBeFocused();

  // ? typed into a field is a question mark
  await page.getByRole('region', { name: 'Samples' }).getByRole('button', { name: /^Flash sale/ }).focus();
  await page.keyboard.press('Enter');
  await press(page, views(page).getByRole('button', { name: 'Scenario', exact: true }));
  const name = page.getByLabel('name', { exact: true });
  await name.focus();
  await page.keyboard.press('End');
  await page.keyboard.type('?');
  await expect(dialog).toBeHidden();
  await expect(name).toHaveValue(/\?$/);
});

test('Run shows and declares its key; the tree tools declare theirs', async ({ page }) => {
  await page.goto('/');
  await press(page, page.getByRole('region', { name: 'Samples' }).getByRole('button', { name: /^Flash sale/ }));
  await press(page, views(page).getByRole('button', { name: 'Runs', exact: true }));
  const run = page.getByRole('button', { name: 'Run', exact: true });
  await expect(run).toHaveAttribute('aria-keyshortcuts', 'Control+Enter Meta+Enter');
  await expect(run).toContainText('Ctrl+Enter');
  await expect(run).toHaveAccessibleDescription(/Ctrl\+Enter/);
  await press(page, views(page).getByRole('button', { name: 'Scenario', exact: true }));
  await expect(page.getByRole('button', { name: 'Move up' })).toHaveAttribute('aria-keyshortcuts', 'Alt+ArrowUp');
  await expect(page.getByRole('button', { name: 'Dry run' })).toHaveAttribute('aria-keyshortcuts', 'Control+Enter Meta+Enter');
});

test("Ctrl+O opens the workspace file chooser, as the desktop menu's Open Workspace… does", async ({ page }) => {
  // the file inputs the app opens a chooser for (the headless browser shows a chooser only some of the time: the app's part is asking for it)
  await page.addInitScript(() => {
    const asked: string[] = ((window as unknown as { __choosers: string[] }).__choosers = []);
    const click = HTMLInputElement.prototype.click;
    HTMLInputElement.prototype.click = function (this: HTMLInputElement) {
      if (this.type === 'file') asked.push(this.accept);
      return click.call(this);
    };
  });
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Samples' })).toBeVisible();
  await page.keyboard.press('Control+o');
  await expect.poll(() => page.evaluate(() => (window as unknown as { __choosers: string[] }).__choosers)).toEqual([expect.stringContaining('.purestream')]);
  // the view stays where it was until a workspace is opened (as the desktop's dialog)
  await expect(page).toHaveTitle('Start — Purestream');
});

test('the workspace notice covers no focused control, Shift+Tab from the heading reaches it, ✕ gives the focus back, Escape closes it', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  await press(page, page.getByRole('region', { name: 'Samples' }).getByRole('button', { name: /^Flash sale/ }));
  await press(page, views(page).getByRole('button', { name: 'Runs', exact: true }));
  const runs = page.getByRole('region', { name: 'Runs' });
  // the last run card's scheduler, at the bottom of the view
  const scheduler = runs.getByRole('combobox', { name: /scheduler/ }).last();
  await scheduler.focus();
  const download = page.waitForEvent('download');
  await page.keyboard.press('Control+s');
  await download;
  const notice = page.getByRole('status', { name: 'Workspace notice' });
  await expect(notice).toContainText('Saved the workspace as');
  await expect(scheduler).toBeFocused();
  expect(await focusedUncovered(page)).toBe(true);
  // Tab through the view: no control is under the notice
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    expect(await focusedUncovered(page)).toBe(true);
  }

  // from the view's heading, Shift+Tab reaches its ✕; the focus goes back to the heading, in sight
  const heading = page.getByRole('heading', { name: 'Runs', level: 2 });
  await heading.focus();
  await page.keyboard.press('Shift+Tab');
  await expect(notice.getByRole('button', { name: 'Dismiss' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(notice).toBeHidden();
  await expect(heading).toBeFocused();
  await expect(heading).toBeInViewport();

  // Escape closes it, and the focus stays where it is
  await scheduler.focus();
  const again = page.waitForEvent('download');
  await page.keyboard.press('Control+s');
  await again;
  await expect(notice).toBeVisible();
  await runs.getByRole('button', { name: 'Add run' }).focus();
  await page.keyboard.press('Escape');
  await expect(notice).toBeHidden();
  await expect(runs.getByRole('button', { name: 'Add run' })).toBeFocused();
});

test('tree edits by key are said; Add command lands on its first required field, marked aria-required', async ({ page }) => {
  await recordAnnouncements(page);
  await page.goto('/');
  await press(page, page.getByRole('region', { name: 'Samples' }).getByRole('button', { name: /^Flash sale/ }));
  await press(page, views(page).getByRole('button', { name: 'Scenario', exact: true }));
  const tree = page.getByRole('tree', { name: 'Commands and batches' });
  await press(page, tree.getByRole('treeitem', { name: /^Commands/ }), 'ArrowRight');
  const type = page.getByRole('combobox', { name: 'Command type' });
  await type.focus();
  await type.selectOption('CancelOrder');
  await press(page, page.getByRole('button', { name: /^Add command/ }));
  await expect(announcer(page)).toContainText('Added CancelOrder');
  const orderId = page.getByRole('textbox', { name: 'orderId', exact: true });
  await expect(orderId).toBeFocused();
  await expect(orderId).toHaveAttribute('aria-required', 'true');
  await page.keyboard.type('o-3');

  await tree.getByRole('treeitem', { name: /^CancelOrder/ }).focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(announcer(page)).toContainText('Moved up: CancelOrder');
  await page.keyboard.press('Alt+ArrowDown');
  await expect(announcer(page)).toContainText('Moved down: CancelOrder');
  await page.keyboard.press('Alt+ArrowRight');
  await expect(announcer(page)).toContainText('Nested: CancelOrder, in Batch');
  // the new batch is selected: into it, to the command, and out again
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(announcer(page)).toContainText('Un-nested: CancelOrder');
  await expect(tree.getByRole('treeitem', { name: /^CancelOrder/ })).toBeFocused();
  expect((await announcements(page)).filter((s) => s.startsWith('Moved up'))).toHaveLength(1);
});

test('the page title names the view and the scenario', async ({ page }) => {
  await openSampleAndRun(page, /^Flash sale/);
  await expect(page).toHaveTitle(/^Runs — Flash sale.* — Purestream$/);
  await press(page, views(page).getByRole('button', { name: 'Compare', exact: true }));
  await expect(page).toHaveTitle(/^Compare — Flash sale.* — Purestream$/);
  await press(page, views(page).getByRole('button', { name: 'Start', exact: true }));
  await expect(page).toHaveTitle('Start — Purestream');
  await press(page, views(page).getByRole('button', { name: 'Workspace', exact: true }));
  await expect(page).toHaveTitle(/^Workspace — .+ — Purestream$/);
});

test('Export HTML and Download scenario are said', async ({ page }) => {
  await openSampleAndRun(page, /^Flash sale/);
  await press(page, views(page).getByRole('button', { name: 'Compare', exact: true }));
  const exported = page.waitForEvent('download');
  await press(page, page.getByRole('button', { name: 'Export HTML' }));
  const file = (await exported).suggestedFilename();
  await expect(announcer(page)).toContainText(`Exported the comparison as ${file} (downloaded).`);
  await press(page, views(page).getByRole('button', { name: 'Scenario', exact: true }));
  const downloaded = page.waitForEvent('download');
  await press(page, page.getByRole('button', { name: 'Download scenario' }));
  await expect(announcer(page)).toContainText(`Downloaded the scenario as ${(await downloaded).suggestedFilename()}.`);
});

test('History says a broken invariant when it starts and ends, not again at every step', async ({ page }) => {
  await recordAnnouncements(page);
  await openSampleAndRun(page, /^Flash sale/);
  await press(page, views(page).getByRole('button', { name: 'History', exact: true }));
  const history = page.getByRole('region', { name: 'State history' });
  await press(page, history.getByRole('tab', { name: '8 workers' }), 'Enter');
  const slider = history.getByRole('slider', { name: 'History position' });
  const from = Number(await history.locator('.band').first().getAttribute('data-from'));
  await slider.fill(String(from - 3));
  await expect(history.getByRole('status')).toContainText(`Step ${from - 2} of`);
  await expect(history.locator('.violation')).toBeHidden();
  const before = (await announcements(page)).length;
  await slider.focus();
  for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowRight');
  await expect(history.locator('.violation')).toContainText('Still broken at this step');
  for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowLeft');
  await expect(history.locator('.violation')).toBeHidden();
  await expect(history.getByRole('alert')).toHaveCount(0);
  await expect(history.getByRole('status')).toContainText(`Step ${from - 2} of`);
  // once as it started, once as it ended, whatever the steps in between
  const heard = (await announcements(page)).slice(before);
  // (steps pressed faster than they are read may skip the one that broke it: then "still broken" is the start heard)
  expect(heard.filter((s) => s.startsWith('⚠'))).toEqual([expect.stringMatching(/^⚠ (Invariant|Still) broken at this step: stock-non-negative/)]);
  expect(heard.filter((s) => s === 'No invariant is broken at this step.')).toHaveLength(1);
});
