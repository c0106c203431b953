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
  // with the batch selected, Add command adds into it, and says so
  await page.getByRole('button', { name: 'Add command to the selected batch', exact: true }).click();
  const addProfile = tree.getByRole('treeitem', { name: /^AddProfile/ });
  await expect(addProfile).toHaveAttribute('aria-level', '3');
  // Inline validation: blank required strings are named by their path.
  await expect(page.getByText('expected a non-empty string').first()).toBeVisible();
  await fill(page, 'profileId', 'p1');
  await fill(page, 'userId', 'ada');
  await fill(page, 'title', 'Engineer');
  await fill(page, 'bio', 'Engines');
  await fill(page, 'first', 'Ada');
  await fill(page, 'last', 'Lovelace');

  await page.getByRole('combobox', { name: 'Command type' }).selectOption('AddGalleryImage');
  await page.getByRole('button', { name: 'Add command' }).click();
  await fill(page, 'profileId', 'p1');
  await fill(page, 'imageRef', 'img-1');
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

  // a run's problem names the run, its JSON path in the tooltip
  const file = JSON.parse(text) as { runs: { name: string; serviceMs?: number }[] };
  file.runs[file.runs.length - 1].serviceMs = -1;
  await json.fill(JSON.stringify(file, null, 2));
  const place = page.getByRole('tabpanel').locator('code.path', { hasText: `run “${file.runs[file.runs.length - 1].name}” › serviceMs` });
  await expect(place).toHaveAttribute('title', `runs[${file.runs.length - 1}].serviceMs`);
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
  await expect(page.getByLabel('qty', { exact: true })).toHaveValue('1');

  // a blank sku: the problem is beside the field and its node is marked
  await fill(page, 'sku', 'tee');
  await expect(page.getByText('valid', { exact: true })).toBeVisible();
  await fill(page, 'sku', '');
  await expect(tree.getByRole('treeitem', { name: /1 problem/ })).toBeVisible();
  await tree.getByRole('treeitem').first().click();
  await page.getByRole('button', { name: /^1 problem/ }).click();
  await expect(page.getByRole('tab', { name: 'Form' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByLabel('sku', { exact: true })).toBeFocused();
  await expect(page.getByLabel('sku', { exact: true })).toHaveAttribute('aria-invalid', 'true');

  // a dry run belongs to what it decided: an edit makes it stale
  await fill(page, 'sku', 'tee');
  await page.getByRole('button', { name: 'Dry run' }).click();
  const decision = page.getByRole('region', { name: 'Decision' });
  await expect(decision).toContainText('would be');
  await fill(page, 'qty', '2');
  await expect(decision).toContainText('Changed since its dry run');
  await expect(decision).not.toContainText('would be');
  // and so does another selection
  await page.getByRole('button', { name: 'Dry run' }).click();
  await expect(decision).toContainText('would be');
  await tree.getByRole('treeitem').first().click();
  await expect(decision).toContainText('Nothing decided yet');
});

test('a repeat whose copies clash (the same order placed twice) says so, with the rejection and the id to number', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'New Commerce scenario' }).click();
  await page.getByRole('combobox', { name: 'Command type' }).selectOption('RestockItem');
  await page.getByRole('button', { name: 'Add command' }).click();
  await fill(page, 'sku', 'tee');
  await fill(page, 'qty', '100');
  await page.getByRole('combobox', { name: 'Command type' }).selectOption('PlaceOrder');
  await page.getByRole('button', { name: 'Add command' }).click();
  await fill(page, 'orderId', 'o-1');
  await fill(page, 'customerId', 'u1');
  await fill(page, 'sku', 'tee');
  await page.getByRole('button', { name: 'Repeat', exact: true }).click();
  const hint = page.getByRole('note', { name: 'Repeat copies' });
  await expect(hint).toContainText('the 2nd copy is rejected right after the 1st, duplicate-order (order o-1 already exists)');
  await expect(hint).toContainText('Give each copy its own orderId with {n}, e.g. o-1-{n}');
  await expect(hint.locator('code', { hasText: 'duplicate-order' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/editor-repeat-clash.png' });
  await page.getByRole('region', { name: 'Command tree' }).getByRole('treeitem', { name: /^PlaceOrder/ }).click();
  await fill(page, 'orderId', 'o-{n}');
  await expect(page.getByRole('note', { name: 'Repeat copies' })).toBeHidden();
});

test("repeated withdrawals from one bank account are no clash while the money lasts; the words are the bank's", async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Domains' }).click();
  await page.getByRole('button', { name: 'Open the bank sample' }).click();
  await page.getByRole('dialog', { name: 'Run bank.ts?' }).getByRole('button', { name: 'Trust and run' }).click();
  const card = page.getByRole('article', { name: 'Domain Bank' });
  await card.getByRole('button', { name: 'New scenario' }).click({ timeout: 30_000 });
  const tools = page.getByRole('toolbar', { name: 'Command tree tools' });
  await tools.getByLabel('Command type').selectOption('OpenAccount');
  await tools.getByRole('button', { name: 'Add command' }).click();
  await fill(page, 'accountId', 'a1');
  await fill(page, 'owner', 'ada');
  await tools.getByLabel('Command type').selectOption('Deposit');
  await tools.getByRole('button', { name: 'Add command' }).click();
  await fill(page, 'accountId', 'a1');
  await fill(page, 'amount', '300');
  await tools.getByLabel('Command type').selectOption('Withdraw');
  await tools.getByRole('button', { name: 'Add command' }).click();
  await fill(page, 'accountId', 'a1');
  await fill(page, 'amount', '200');
  await tools.getByRole('button', { name: 'Repeat', exact: true }).click();
  // two withdrawals of 200 from 300: the second cannot be paid, and numbering the account would not help
  const hint = page.getByRole('note', { name: 'Repeat copies' });
  await expect(hint).toContainText('the 2nd copy is rejected right after the 1st, insufficient-funds (a1 can pay out 100, not 200)', { timeout: 15_000 });
  await expect(hint).not.toContainText('Give each copy');
  await expect(hint).not.toContainText('order');
  // ten withdrawals of 10 are fine: the copies share the account, and that is no clash
  await page.getByRole('region', { name: 'Command tree' }).getByRole('treeitem', { name: /^Withdraw/ }).click();
  await fill(page, 'amount', '10');
  await expect(page.getByRole('note', { name: 'Repeat copies' })).toBeHidden();
  await page.getByRole('region', { name: 'Command tree' }).getByRole('treeitem', { name: /^Repeat/ }).click();
  await expect(page.getByRole('spinbutton', { name: 'copies' })).toHaveValue('10');
  await expect(page.getByRole('note', { name: 'Repeat copies' })).toBeHidden();
});

test("the Scenario form's domain reads as what it is — the domain's name, not a box to type in — with the ways to other rules, by keyboard", async ({ page }) => {
  for (const size of [{ width: 1280, height: 720 }, { width: 1440, height: 900 }]) {
    await page.setViewportSize(size);
    await page.goto('/');
    await page.getByRole('button', { name: 'New Commerce scenario' }).click();
    const domain = page.getByLabel('domain', { exact: true });
    // text: the title and what the scenario names it by, no text box
    await expect(domain).toHaveText(/^\s*Commerce\s+commerce\s*$/);
    expect(await domain.evaluate((el) => el.tagName)).toBe('OUTPUT');
    await expect(page.getByRole('textbox', { name: 'domain', exact: true })).toHaveCount(0);
    // (the browser's description spaces out the buttons in it: "Domains ,")
    await expect(domain).toHaveAccessibleDescription(/^Set when the scenario is created\. For other rules, start a new scenario from Start or Domains ?, or edit domain in the JSON tab ?\.$/);
    await page.screenshot({ path: `test-results/screenshots/scenario-domain-${size.width}.png` });
  }
  // the ways to other rules are buttons the keyboard reaches from the name field: Start, Domains, the JSON tab
  const hint = page.locator('#scenario-domain-hint');
  await page.getByRole('textbox', { name: 'name', exact: true }).focus();
  await page.keyboard.press('Tab');
  await expect(hint.getByRole('button', { name: 'Start' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(hint.getByRole('button', { name: 'Domains' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(hint.getByRole('button', { name: 'JSON tab' })).toBeFocused();
  await page.keyboard.press('Enter');
  const json = page.getByLabel('Scenario JSON');
  await expect(json).toBeFocused();
  expect(await json.evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd))).toBe('"domain": "commerce"');
  await page.getByRole('tab', { name: 'Form' }).click();
  await hint.getByRole('button', { name: 'Domains' }).press('Enter');
  await expect(page.getByRole('region', { name: 'Domains' })).toBeVisible();
});

test('a command timed before a node listed above it is marked in the tree (⤒ earlier), and its arrival line says it is decided in arrival order', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: /^Flash sale/ }).first().click();
  const tree = page.getByRole('region', { name: 'Command tree' });
  await page.getByRole('combobox', { name: 'Command type' }).selectOption('RestockItem');
  await page.getByRole('button', { name: 'Add command' }).click();
  const restock = tree.getByRole('treeitem', { name: /^RestockItem/ }).last();
  await expect(restock).not.toContainText('⤒');
  await fill(page, 'sku', 'tee');
  await fill(page, 'at (ms)', '150');
  // the repeat above runs its 150 orders to t = 298 ms: the restock at 150 ms comes among them, not after
  await expect(restock).toContainText('⤒ earlier');
  await expect(restock).toHaveAttribute('aria-label', /arrives at t = 150 ms, before a node listed above it/);
  await expect(page.getByRole('note', { name: 'Arrival time' })).toHaveText('Arrives at t = 150 ms · before a node listed above it (t = 298 ms): commands are decided in arrival order, not list order');
  await page.screenshot({ path: 'test-results/screenshots/editor-arrival-order.png' });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: 'test-results/screenshots/editor-arrival-order-1440.png' });
});

test('a scenario pasted as {} in the JSON tab: the title\'s badge says "no domain", the parser\'s word on the field on hover, never "undefined"', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('region', { name: 'Samples' }).getByRole('button', { name: /^Flash sale/ }).click();
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Scenario', exact: true }).click();
  await page.getByRole('tab', { name: 'JSON' }).click();
  await page.getByLabel('Scenario JSON').fill('{}');
  const title = page.locator('.title');
  await expect(title).toContainText('4 problems');
  await expect(title).not.toContainText('undefined');
  await expect(title.getByText('no domain', { exact: true })).toHaveAttribute('title', 'domain: is required');
  // a domain given again: its name, no problem said
  await page.getByLabel('Scenario JSON').fill('{ "domain": "commerce" }');
  await expect(title.getByText('commerce', { exact: true })).toBeVisible();
  await expect(title.getByText('no domain', { exact: true })).toHaveCount(0);
});
