import { test, expect, type Page } from '@playwright/test';

async function fill(page: Page, label: string, value: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).fill(value);
}

test('build a batch with two commands in the tree, dry-run it, see the decision; nothing runs', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'New Profiles scenario' }).click();

  const tree = page.getByRole('region', { name: 'Command tree' });
  await expect(tree.getByRole('tree')).toBeVisible();
  await page.getByRole('combobox', { name: 'Batch mode' }).selectOption('all-or-nothing');
  await page.getByRole('button', { name: 'Add batch' }).click();
  await expect(tree.getByRole('treeitem', { name: /^Batch, all-or-nothing/ })).toHaveAttribute('aria-selected', 'true');

  await page.getByRole('combobox', { name: 'Command type' }).selectOption('AddProfile');
  await page.getByRole('button', { name: 'Add command' }).click();
  const addProfile = tree.getByRole('treeitem', { name: /^AddProfile/ });
  await expect(addProfile).toHaveAttribute('aria-level', '3');
  // Inline validation: blank required strings are named by their path.
  await expect(page.getByText('expected a non-empty string').first()).toBeVisible();
  await fill(page, 'profileId *', 'p1');
  await fill(page, 'userId *', 'ada');
  await fill(page, 'title *', 'Engineer');
  await fill(page, 'bio *', 'Engines');
  await fill(page, 'first *', 'Ada');
  await fill(page, 'last *', 'Lovelace');

  await page.getByRole('combobox', { name: 'Command type' }).selectOption('AddGalleryImage');
  await page.getByRole('button', { name: 'Add command' }).click();
  await fill(page, 'profileId *', 'p1');
  await fill(page, 'imageRef *', 'img-1');
  await expect(tree.getByRole('treeitem', { name: /^AddGalleryImage/ })).toHaveAttribute('aria-level', '3');

  // Keyboard: from the image command, ArrowUp twice reaches the batch.
  await tree.getByRole('treeitem', { name: /^AddGalleryImage/ }).click();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(tree.getByRole('treeitem', { name: /^Batch/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText('valid', { exact: true })).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/editor.png' });

  await page.getByRole('button', { name: 'Dry run' }).click();
  const decision = page.getByRole('region', { name: 'Decision' });
  await expect(decision).toContainText('would be accepted');
  await expect(decision).toContainText('ProfileAdded');
  await expect(decision).toContainText('GalleryImageAdded');
  await expect(decision).toContainText('nothing was enacted');
  await page.screenshot({ path: 'test-results/screenshots/decision.png' });

  // Nothing ran.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Runs' }).click();
  await expect(page.getByRole('region', { name: 'Runs' })).toContainText('Not run yet.');
  await page.screenshot({ path: 'test-results/screenshots/runs-config.png', fullPage: true });
});

test('delete with undo, reorder with Alt+arrows, and the JSON tab names errors by path', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Profile with gallery: all-or-nothing batches' }).click();
  const tree = page.getByRole('region', { name: 'Command tree' });
  const update = tree.getByRole('treeitem', { name: /^UpdateProfile/ });
  await update.click();
  await page.keyboard.press('Delete');
  await expect(update).toHaveCount(0);
  await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await expect(update).toHaveCount(1);

  await update.click();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(tree.getByRole('treeitem', { name: /^UpdateProfile/ })).toHaveAttribute('aria-posinset', '2');

  await page.getByRole('tab', { name: 'JSON' }).click();
  const json = page.getByLabel('Scenario JSON');
  const text = await json.inputValue();
  await json.fill(text.replace('"imageRef": "img-2"', '"imageRef": 2'));
  await expect(page.getByRole('tabpanel')).toContainText('commands[0].items[2].data.imageRef');
  await page.screenshot({ path: 'test-results/screenshots/editor-json.png' });
});

test('new commands start valid and show their type; problems sit beside their field and mark their node; a dry run goes stale on edit', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'New Commerce scenario' }).click();
  const tree = page.getByRole('region', { name: 'Command tree' });
  const picker = page.getByRole('combobox', { name: 'Command type' });
  // the picker shows the type that Add command adds
  const shown = await picker.evaluate((s: HTMLSelectElement) => s.options[s.selectedIndex]?.text);
  expect(shown).toBeTruthy();
  await page.getByRole('button', { name: 'Add command' }).click();
  await expect(tree.getByRole('treeitem', { name: new RegExp(`^${shown}`) })).toBeVisible();
  // numbers start at 1 (or the schema's minimum): qty 1, not 0, which every rule rejects
  await expect(page.getByLabel('qty *', { exact: true })).toHaveValue('1');

  // a blank sku: the problem is beside the field and its node is marked
  await fill(page, 'sku *', 'tee');
  await expect(page.getByText('valid', { exact: true })).toBeVisible();
  await fill(page, 'sku *', '');
  await expect(tree.getByRole('treeitem', { name: /1 problem/ })).toBeVisible();
  await tree.getByRole('treeitem').first().click();
  await page.getByRole('button', { name: /^1 problem/ }).click();
  await expect(page.getByRole('tab', { name: 'Form' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByLabel('sku *', { exact: true })).toBeFocused();
  await expect(page.getByLabel('sku *', { exact: true })).toHaveAttribute('aria-invalid', 'true');

  // a dry run belongs to what it decided: an edit makes it stale
  await fill(page, 'sku *', 'tee');
  await page.getByRole('button', { name: 'Dry run' }).click();
  const decision = page.getByRole('region', { name: 'Decision' });
  await expect(decision).toContainText('would be');
  await fill(page, 'qty *', '2');
  await expect(decision).toContainText('Changed since its dry run');
  await expect(decision).not.toContainText('would be');
  // and so does another selection
  await page.getByRole('button', { name: 'Dry run' }).click();
  await expect(decision).toContainText('would be');
  await tree.getByRole('treeitem').first().click();
  await expect(decision).toContainText('Nothing decided yet');
});

test('a repeat whose template gives every copy the same id says so, and how to number copies', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'New Commerce scenario' }).click();
  await page.getByRole('combobox', { name: 'Command type' }).selectOption('PlaceOrder');
  await page.getByRole('button', { name: 'Add command' }).click();
  await fill(page, 'orderId *', 'o-1');
  await page.getByRole('button', { name: 'Repeat', exact: true }).click();
  const hint = page.getByRole('note', { name: 'Repeat copies' });
  await expect(hint).toContainText('All 10 copies get the same orderId "o-1"');
  await expect(hint).toContainText('{n}');
  await page.getByRole('region', { name: 'Command tree' }).getByRole('treeitem', { name: /^PlaceOrder/ }).click();
  await fill(page, 'orderId *', 'o-{n}');
  await expect(page.getByRole('note', { name: 'Repeat copies' })).toBeHidden();
});
