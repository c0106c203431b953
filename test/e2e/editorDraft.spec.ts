import { test, expect, type Locator, type Page } from '@playwright/test';
import { views } from './flows';

const BROKEN = '{"format":"purestream/scenario@1", "name": "oops",';

/** Whether `inner` lies wholly inside `outer` on screen (not clipped by it). */
async function within(inner: Locator, outer: Locator): Promise<boolean> {
  const a = await inner.boundingBox();
  const b = await outer.boundingBox();
  return !!a && !!b && a.height >= 12 && a.y >= b.y - 1 && a.y + a.height <= b.y + b.height + 1 && a.x >= b.x - 1 && a.x + a.width <= b.x + b.width + 1;
}

async function breakJson(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: /^Dry run/ }).first().click();
  await page.getByRole('tab', { name: 'JSON' }).click();
  await page.getByLabel('Scenario JSON').fill(BROKEN);
}

for (const size of [{ width: 1280, height: 720 }, { width: 1440, height: 900 }]) {
  test(`JSON that does not parse at ${size.width}×${size.height}: the problem is readable with its line and column, the title says JSON error, and the text survives switching views`, async ({ page }) => {
    await page.setViewportSize(size);
    await breakJson(page);
    const check = page.getByRole('status', { name: 'JSON check' });
    const place = check.getByText('line 1, column 51', { exact: true });
    const message = check.getByText(/^invalid JSON: unexpected end of input/);
    await expect(place).toBeVisible();
    await expect(message).toBeVisible();
    expect(await within(place, check)).toBe(true);
    expect(await within(message, check)).toBe(true);
    await expect(page.getByRole('button', { name: 'JSON error' })).toBeVisible();
    await expect(page.getByText('valid', { exact: true })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Runs →' })).toBeDisabled();

    await views(page).getByRole('button', { name: 'Runs', exact: true }).click();
    await views(page).getByRole('button', { name: 'Scenario', exact: true }).click();
    await expect(page.getByLabel('Scenario JSON')).toHaveValue(BROKEN);
    await expect(check).toContainText('line 1, column 51');
    await expect(page.getByRole('button', { name: 'JSON error' })).toBeVisible();
    await expect(page.getByText('unsaved', { exact: true }).first()).toBeVisible();
  });
}

test('the Form tab says the JSON text is kept; Discard goes back to the last scenario that parsed, and Undo brings the text back', async ({ page }) => {
  await breakJson(page);
  await page.getByRole('tab', { name: 'Form' }).click();
  const alert = page.getByRole('alert', { name: 'Unparsed JSON' });
  await expect(alert).toContainText('line 1, column 51');
  await alert.getByRole('button', { name: 'Discard the JSON text' }).click();
  await expect(alert).toHaveCount(0);
  await expect(page.getByText('valid', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(page.getByRole('button', { name: 'JSON error' })).toBeVisible();
  await page.getByRole('button', { name: 'JSON error' }).click();
  await expect(page.getByLabel('Scenario JSON')).toHaveValue(BROKEN);
  await expect(page.getByLabel('Scenario JSON')).toBeFocused();
  // fixing the text applies it
  await page.getByLabel('Scenario JSON').fill('{"format":"purestream/scenario@1", "name": "fixed", "domain": "commerce", "commands": [{ "type": "RestockItem", "data": { "sku": "tee", "qty": 1 } }]}');
  await expect(page.getByRole('heading', { name: 'fixed' })).toBeVisible();
  await expect(page.getByText('valid', { exact: true })).toBeVisible();
});

test('Undo then Redo (button, Ctrl+Shift+Z, Ctrl+Y) brings an edit back; a new edit clears Redo', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: /^Dry run/ }).first().click();
  const tree = page.getByRole('region', { name: 'Command tree' });
  // the bar's Undo (a Delete's toast offers one too)
  const undo = page.getByRole('button', { name: 'Undo', exact: true }).first();
  const redo = page.getByRole('button', { name: 'Redo', exact: true });
  await expect(redo).toBeDisabled();
  const cancel = tree.getByRole('treeitem', { name: /^CancelOrder/ });
  await cancel.click();
  await page.keyboard.press('Delete');
  await expect(cancel).toHaveCount(0);

  await undo.click();
  await expect(cancel).toHaveCount(1);
  await expect(redo).toBeEnabled();
  await redo.click();
  await expect(cancel).toHaveCount(0);

  await tree.getByRole('treeitem', { name: /^ShipOrder/ }).click();
  await page.keyboard.press('Control+z');
  await expect(cancel).toHaveCount(1);
  await page.keyboard.press('Control+Shift+z');
  await expect(cancel).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(cancel).toHaveCount(1);
  await page.keyboard.press('Control+y');
  await expect(cancel).toHaveCount(0);

  await page.keyboard.press('Control+z');
  await expect(redo).toBeEnabled();
  await page.getByRole('button', { name: 'Add batch' }).click();
  await expect(redo).toBeDisabled();
});

test('Repeat on a command inside a batch makes a repeat without timing, which is valid', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: /^Dry run/ }).first().click();
  const tree = page.getByRole('region', { name: 'Command tree' });
  await expect(page.getByText('valid', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Add batch' }).click();
  await page.getByRole('combobox', { name: 'Command type' }).selectOption('ShipOrder');
  await page.getByRole('button', { name: 'Add command to the selected batch', exact: true }).click();
  await page.getByLabel('orderId', { exact: true }).fill('o1');
  await page.getByRole('button', { name: 'Repeat', exact: true }).click();
  const repeat = tree.getByRole('treeitem', { name: /^Repeat/ }).last();
  await expect(repeat).toHaveAttribute('aria-selected', 'true');
  await expect(repeat).not.toContainText('every');
  await expect(page.getByText('a repeat inside a batch has no timing')).toHaveCount(0);
  await expect(page.getByLabel('every (ms)')).toHaveCount(0);
  await expect(page.getByText('The copies are items of the batch')).toBeVisible();
  await page.getByRole('tab', { name: 'JSON' }).click();
  const json = JSON.parse(await page.getByLabel('Scenario JSON').inputValue()) as { commands: { items?: unknown[] }[] };
  expect(json.commands.at(-1)).toEqual({ batch: 'all-or-nothing', items: [{ repeat: 10, template: { type: 'ShipOrder', data: { orderId: 'o1' } } }] });
});

test('a scenario whose domain is a path no loader opens is refused at Open, naming its domain field and why; typed in the JSON tab, the domain field is marked', async ({ page }) => {
  await page.goto('/');
  const scenario = { format: 'purestream/scenario@1', name: 'Path domain', domain: '../../etc/passwd', commands: [{ type: 'RestockItem', data: { sku: 'tee', qty: 1 } }] };
  await page.getByLabel('Scenario file').setInputFiles({ name: 'pathdomain.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(scenario)) });
  const alert = page.getByRole('alert', { name: 'Scenario file errors' });
  await expect(alert).toContainText('1 problem');
  await expect(alert.getByText('domain', { exact: true })).toBeVisible();
  await expect(alert).toContainText('"../../etc/passwd" is not a domain module: expected a .ts, .mts, .js or .mjs file');
  await expect(page.getByRole('button', { name: /^Locate/ })).toHaveCount(0);

  await page.getByRole('button', { name: 'New Commerce scenario' }).click();
  await page.getByRole('tab', { name: 'JSON' }).click();
  const json = page.getByLabel('Scenario JSON');
  await json.fill((await json.inputValue()).replace('"domain": "commerce"', '"domain": "../../etc/passwd"'));
  await expect(page.getByRole('status', { name: 'JSON check' })).toContainText('is not a domain module');
  await expect(page.getByRole('button', { name: /^Locate/ })).toHaveCount(0);
  await page.getByRole('button', { name: /^\d+ problems?$/ }).click();
  const domain = page.getByLabel('domain', { exact: true });
  await expect(domain).toHaveAttribute('data-invalid', 'true');
  await expect(domain).toHaveAccessibleDescription(/"\.\.\/\.\.\/etc\/passwd" is not a domain module/);
  await expect(domain).toBeFocused();
  await expect(page.getByText('"../../etc/passwd" is not a domain module', { exact: false }).first()).toBeVisible();
});

test('Tab first reaches "Skip to content", shown only then, which jumps past the view tabs; Enter on a sample card goes on from the editor title', async ({ page }) => {
  await page.goto('/');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).not.toBeInViewport();
  await page.keyboard.press('Tab');
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);

  await page.getByRole('button', { name: /^Dry run/ }).first().focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('main').getByRole('heading', { level: 2, name: /^Dry run/ })).toBeFocused();
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.closest('.editor') !== null)).toBe(true);
});
