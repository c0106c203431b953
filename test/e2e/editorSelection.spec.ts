/** What the editor does with the selected node: Ctrl+Enter leaves the focus alone. */
import { test, expect, type Page } from '@playwright/test';

const tree = (page: Page) => page.getByRole('region', { name: 'Command tree' });

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

  const title = page.getByLabel('title *', { exact: true });
  await title.click();
  await page.keyboard.press('Control+Enter');
  await expect(decision).toContainText('ProfileAdded');
  await expect(title).toBeFocused();
  await page.keyboard.type(' and more');
  await expect(title).toHaveValue('Engineer and more');
});
