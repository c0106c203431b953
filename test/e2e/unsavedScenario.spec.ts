/**
 * Unsaved edits of the open scenario are never dropped silently: a download (web) is a copy, not
 * a save, so the badge says "downloaded" (not saved) and opening another scenario asks first — Save, Discard edits or
 * Cancel, from the keyboard too.
 */
import { expect, test, type Page } from '@playwright/test';
import { views } from './flows';

const FLASH = 'Flash sale: 150 orders for 100 units';
const AUTOSCALING = 'Autoscaling: a burst of orders';

/** Opens a sample from Start. */
async function openSample(page: Page, name: string): Promise<void> {
  await views(page).getByRole('button', { name: 'Start', exact: true }).click();
  await page.getByRole('region', { name: 'Samples' }).getByRole('button', { name, exact: true }).click();
}

/** Renames the open scenario in the Scenario form (an edit). */
async function rename(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name: 'Form' }).click();
  await page.getByLabel('name', { exact: true }).fill(name);
}

const heading = (page: Page) => page.getByRole('main').getByRole('heading', { level: 2 });

test('a downloaded scenario stays unsaved; opening another asks first: Escape and Cancel keep it, Discard edits drops it', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  await page.getByRole('region', { name: 'Samples' }).getByRole('button', { name: FLASH, exact: true }).click();
  await rename(page, 'Flash sale, edited');
  const badge = page.getByRole('banner').locator('.pill');
  await expect(badge).toHaveText('unsaved');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download scenario' }).click();
  expect((await download).suggestedFilename()).toBe('flash-sale-edited.json');
  // a file of its own in the downloads: not a save
  await expect(badge).toHaveText('downloaded');
  await expect(badge).toHaveAttribute('title', /^Downloaded as flash-sale-edited\.json, a file of its own in your downloads: the edits are not saved in the app/);
  await page.screenshot({ path: 'test-results/screenshots/scenario-downloaded-badge-1280.png', clip: { x: 0, y: 0, width: 1280, height: 60 } });

  await openSample(page, AUTOSCALING);
  const ask = page.getByRole('dialog', { name: 'Save your edits to “Flash sale, edited”?' });
  await expect(ask).toBeVisible();
  await expect(ask).toContainText(`Opening “${AUTOSCALING}” replaces it, and its edits are not saved.`);
  await expect(ask).toContainText('Download scenario saved a copy of them to your downloads as flash-sale-edited.json, a file of its own, which stays there; the app keeps editing this one.');
  // Save has the focus (Enter loses nothing); Escape cancels
  await expect(ask.getByRole('button', { name: 'Save', exact: true })).toBeFocused();
  await page.screenshot({ path: 'test-results/screenshots/scenario-replace-ask-1280.png' });
  await page.keyboard.press('Escape');
  await expect(ask).toBeHidden();
  await expect(page.getByText('Open: Flash sale, edited')).toBeVisible();
  await views(page).getByRole('button', { name: 'Scenario', exact: true }).click();
  await expect(heading(page)).toHaveText('Flash sale, edited');

  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: 'test-results/screenshots/scenario-downloaded-badge-1440.png', clip: { x: 0, y: 0, width: 1440, height: 60 } });
  await openSample(page, AUTOSCALING);
  await expect(ask).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/scenario-replace-ask-1440.png' });
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(ask).toBeHidden();
  await expect(page.getByRole('banner')).toContainText('Flash sale, edited');

  // Discard edits, from the keyboard: Shift+Tab from Save to Cancel, then to Discard edits
  await openSample(page, AUTOSCALING);
  await page.keyboard.press('Shift+Tab');
  await expect(ask.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(ask.getByRole('button', { name: 'Discard edits' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(ask).toBeHidden();
  await expect(heading(page)).toHaveText(AUTOSCALING);
  await expect(badge).toHaveCount(0);
});

test('Save in the question keeps the edited scenario in the workspace, then opens the other', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('region', { name: 'Samples' }).getByRole('button', { name: AUTOSCALING, exact: true }).click();
  await rename(page, 'Autoscaling, edited');
  await openSample(page, FLASH);
  const ask = page.getByRole('dialog', { name: 'Save your edits to “Autoscaling, edited”?' });
  await expect(ask).toContainText(`Opening “${FLASH}” replaces it, and its edits are not saved.`);
  // Save is the app's Save (Ctrl+S): the workspace, downloaded on the web
  const download = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  expect((await download).suggestedFilename()).toMatch(/\.purestream$/);
  await expect(ask).toBeHidden();
  await expect(heading(page)).toHaveText(FLASH);
  await views(page).getByRole('button', { name: 'Workspace', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Workspace' }).getByRole('region', { name: 'Scenarios' })).toContainText('Autoscaling, edited');
});

test('a scenario Save cannot keep (JSON text that does not parse) is offered Discard edits and Cancel, Cancel focused; a scenario added to the workspace asks nothing', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('region', { name: 'Samples' }).getByRole('button', { name: FLASH, exact: true }).click();
  await page.getByRole('tab', { name: 'JSON' }).click();
  await page.getByLabel('Scenario JSON').fill('{"format":"purestream/scenario@1", "name": "oops",');
  await openSample(page, AUTOSCALING);
  const ask = page.getByRole('dialog', { name: `Save your edits to “${FLASH}”?` });
  await expect(ask).toContainText('Its JSON text does not parse, so Save cannot keep it: Cancel to fix it, or discard the edits.');
  await expect(ask.getByRole('button', { name: 'Save', exact: true })).toHaveCount(0);
  await expect(ask.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(ask).toBeHidden();
  await expect(page.getByText(`Open: ${FLASH}`)).toBeVisible();

  // fixed and added to the workspace: kept there, so opening another asks nothing
  await views(page).getByRole('button', { name: 'Scenario', exact: true }).click();
  await page.getByRole('button', { name: 'Discard the JSON text' }).click();
  await rename(page, 'Flash sale, kept');
  await views(page).getByRole('button', { name: 'Workspace', exact: true }).click();
  await page.getByRole('region', { name: 'Workspace' }).getByRole('button', { name: 'Current scenario' }).click();
  await expect(page.getByRole('banner').locator('.pill')).toHaveCount(0);
  await openSample(page, AUTOSCALING);
  await expect(heading(page)).toHaveText(AUTOSCALING);
});

test('Tab and Shift+Tab stay in the question: from Save Tab goes round to Discard edits, and Shift+Tab from Discard edits back to Save', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('region', { name: 'Samples' }).getByRole('button', { name: FLASH, exact: true }).click();
  await rename(page, 'Flash sale, edited');
  await openSample(page, AUTOSCALING);
  const ask = page.getByRole('dialog', { name: 'Save your edits to “Flash sale, edited”?' });
  const save = ask.getByRole('button', { name: 'Save', exact: true });
  const discard = ask.getByRole('button', { name: 'Discard edits' });
  await expect(save).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(discard).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(ask.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(save).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(save).toBeFocused();
  // still asking: nothing behind the dialog took the keys
  await expect(ask).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(ask).toBeHidden();
});
