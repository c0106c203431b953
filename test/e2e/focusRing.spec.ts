/**
 * Keyboard focus is visible on every kind of field: a checkbox (which has no border to colour)
 * takes the 2 px accent ring a button takes; a text field or a select shows a 2 px accent edge.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openSampleAndRun, views } from './flows';

const ACCENT = 'rgb(90, 169, 255)';

/** Focuses `field` as the keyboard does (Tab into it from the field before). */
async function tabInto(page: Page, field: Locator): Promise<void> {
  await field.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(field).toBeFocused();
}

/** How the focused field shows its focus: its outline, and its border and inner ring. */
const focusLook = (field: Locator) =>
  field.evaluate((el) => {
    const s = getComputedStyle(el);
    return { outline: s.outlineStyle === 'none' ? 'none' : `${s.outlineWidth} ${s.outlineStyle} ${s.outlineColor}`, border: s.borderTopColor, ring: s.boxShadow };
  });

test('from the keyboard, a checkbox shows the accent ring (Compare\'s runs, a run\'s authorize) and a text field or select a 2 px accent edge', async ({ page }) => {
  await openSampleAndRun(page, /^Flash sale/);
  await views(page).getByRole('button', { name: 'Compare', exact: true }).click();
  const choice = page.getByRole('region', { name: 'Compare' }).getByRole('checkbox', { name: 'one queue' });
  await tabInto(page, choice);
  expect((await focusLook(choice)).outline).toBe(`2px solid ${ACCENT}`);
  await page.getByRole('region', { name: 'Compare' }).locator('fieldset').screenshot({ path: 'test-results/screenshots/focus-compare-checkbox.png' });

  await views(page).getByRole('button', { name: 'Runs', exact: true }).click();
  const card = page.getByRole('region', { name: 'Runs' }).getByRole('article', { name: 'Run one queue' });
  const authorize = card.getByRole('checkbox');
  await tabInto(page, authorize);
  expect((await focusLook(authorize)).outline).toBe(`2px solid ${ACCENT}`);

  for (const field of [card.getByRole('combobox').first(), card.getByRole('spinbutton').first()]) {
    await tabInto(page, field);
    const look = await focusLook(field);
    expect(look.border).toBe(ACCENT);
    expect(look.ring).toBe(`${ACCENT} 0px 0px 0px 1px inset`);
  }
  await card.screenshot({ path: 'test-results/screenshots/focus-runs-field.png' });
});
