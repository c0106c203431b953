/**
 * Two causation graphs side by side (Beside) share the lesson's fold for room: the lesson folds
 * when either's node details leave it too narrow, stays folded while either still needs the room,
 * and comes back once neither does — never unfolded and folded again in between.
 */
import { expect, test, type Page } from '@playwright/test';
import { openSampleAndRun, views } from './flows';

const beside = (page: Page) => page.getByRole('combobox', { name: 'Beside' });

/** Flash sale run, its graph with single writer beside at 1280×720, the lesson open; unfolds counted from then on. */
async function twoPanes(page: Page) {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openSampleAndRun(page, /^Flash sale/);
  await views(page).getByRole('button', { name: 'Graph', exact: true }).click();
  const view = page.getByRole('region', { name: 'Causation graph' });
  await view.getByRole('tab', { name: '8 workers' }).click();
  await beside(page).selectOption('single writer');
  const top = page.getByRole('region', { name: 'Causation graph of 8 workers', exact: true });
  const bottom = page.getByRole('region', { name: 'Causation graph of single writer, beside', exact: true });
  const lesson = page.getByRole('complementary', { name: 'Lesson' });
  const fold = lesson.getByRole('button', { name: 'Fold the lesson' });
  const show = lesson.getByRole('button', { name: 'Show the lesson' });
  await expect(fold).toBeVisible();
  await expect(top.locator('.svelte-flow__node').first()).toBeVisible();
  await expect(bottom.locator('.svelte-flow__node').first()).toBeVisible();

  // every time the lesson comes back unfolded, counted from here on
  await page.evaluate(() => {
    const w = window as unknown as { lessonUnfolds: number };
    w.lessonUnfolds = 0;
    let was = document.querySelector('aside.lesson:not(.folded)') !== null;
    new MutationObserver(() => {
      const now = document.querySelector('aside.lesson:not(.folded)') !== null;
      if (now && !was) w.lessonUnfolds++;
      was = now;
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  const unfolds = () => page.evaluate(() => (window as unknown as { lessonUnfolds: number }).lessonUnfolds);

  return { top, bottom, fold, show, unfolds };
}

test('at 1280×720 with the lesson open, two graph panes hold the lesson folded while either’s details need the room; it unfolds once, when both have closed', async ({ page }) => {
  const { top, bottom, fold, show, unfolds } = await twoPanes(page);
  await top.getByRole('group', { name: /^Group RestockItem/ }).click();
  await expect(top.getByRole('complementary', { name: 'Node details' })).toContainText('RestockItem');
  await expect(show).toBeVisible();
  await bottom.getByRole('group', { name: /^Group RestockItem/ }).click();
  await expect(bottom.getByRole('complementary', { name: 'Node details' })).toContainText('RestockItem');
  await expect(show).toBeVisible();

  // the top pane lets go: the bottom one still needs the room
  await top.getByRole('button', { name: 'Close details' }).click();
  await expect(top.getByRole('complementary', { name: 'Node details' })).toHaveCount(0);
  await expect(show).toBeVisible();

  await bottom.getByRole('button', { name: 'Close details' }).click();
  await expect(fold).toBeVisible();
  // once: not unfolded when the top pane let go and folded again for the bottom one
  expect(await unfolds()).toBe(1);
});

test('the first pane letting go right as the second pane\'s details open (before it has measured) does not unfold the lesson in between', async ({ page }) => {
  const { top, bottom, fold, show, unfolds } = await twoPanes(page);
  await top.getByRole('group', { name: /^Group RestockItem/ }).click();
  await expect(show).toBeVisible();
  await bottom.getByRole('group', { name: /^Group RestockItem/ }).click();
  await top.getByRole('button', { name: 'Close details' }).click();
  await expect(bottom.getByRole('complementary', { name: 'Node details' })).toContainText('RestockItem');
  await expect(show).toBeVisible();
  await bottom.getByRole('button', { name: 'Close details' }).click();
  await expect(fold).toBeVisible();
  expect(await unfolds()).toBe(1);
});
