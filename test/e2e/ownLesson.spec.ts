/**
 * A user's own scenario with a description shows it in the lesson panel ("About this scenario"),
 * rendered from Markdown as it is typed in the Scenario form, following undo and redo; fold and
 * close work as for a sample's lesson (closed for that scenario, reopened from the form); a
 * sample opened afterwards shows its own lesson. At 1280×720 and 1440×900.
 */
import { expect, test } from '@playwright/test';
import { views } from './flows';

const FLASH = 'Flash sale: 150 orders for 100 units';
const DESCRIPTION = '# Why stale reads oversell\n\nTwo workers read the **same** stock.\n\n- the first reads one tee left\n- the second reads one tee left too';

for (const size of [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
]) {
  test(`at ${size.width}×${size.height}, a new scenario's description shows beside the workbench as its lesson, live; a sample opened afterwards shows its own`, async ({ page }) => {
    await page.setViewportSize(size);
    await page.goto('/');
    await page.getByRole('button', { name: 'New Commerce scenario' }).click();
    const lesson = page.getByRole('complementary', { name: 'Lesson' });
    // no description, no lesson
    await expect(page.getByRole('heading', { name: 'Scenario', exact: true })).toBeVisible();
    await expect(lesson).toHaveCount(0);

    await page.getByLabel('name', { exact: true }).fill('Oversold tees, class 3B');
    const description = page.getByLabel('description', { exact: true });
    await expect(description).toHaveAccessibleDescription("Markdown (# headings, - lists, **bold**, *em*), shown beside the workbench as the scenario's lesson.");
    await description.fill(DESCRIPTION);
    await expect(lesson).toContainText('About this scenario');
    await expect(lesson.getByRole('heading', { level: 2 })).toHaveText('Oversold tees, class 3B');
    await expect(lesson.getByRole('heading', { level: 3 })).toHaveText('Why stale reads oversell');
    await expect(lesson.getByRole('listitem')).toHaveText(['the first reads one tee left', 'the second reads one tee left too']);
    await expect(lesson.locator('strong')).toHaveText('same');
    await expect(lesson).not.toContainText('**');
    await expect(lesson).not.toContainText('#');
    await expect(lesson.getByRole('button', { name: /^Show me/ })).toHaveCount(0);

    // typed on, it follows; Undo takes the run of typing back (the panel goes with the description), Redo brings it back
    await description.press('End');
    await description.pressSequentially('\n- so both sell it');
    await expect(lesson.getByRole('listitem')).toHaveCount(3);
    await page.screenshot({ path: `test-results/screenshots/own-lesson-${size.width}.png` });
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect(description).toHaveValue('');
    await expect(lesson).toHaveCount(0);
    await page.getByRole('button', { name: 'Redo', exact: true }).click();
    await expect(lesson.getByRole('listitem')).toHaveCount(3);
    await page.getByRole('status').getByRole('button', { name: 'Dismiss' }).click();

    // Fold and unfold, as a sample's lesson
    await lesson.getByRole('button', { name: 'Fold the lesson' }).click();
    await expect(lesson.getByRole('heading')).toHaveCount(0);
    await lesson.getByRole('button', { name: 'Show the lesson' }).click();
    await expect(lesson.getByRole('heading', { level: 3 })).toHaveText('Why stale reads oversell');

    // closed for this scenario, even as the description changes; the description field offers it back
    await lesson.getByRole('button', { name: 'Close the lesson' }).click();
    await expect(lesson).toHaveCount(0);
    // the focus does not fall to the page with the button that went: it goes to the main view's heading
    await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toBeFocused();
    await description.pressSequentially(' and **nobody** checks');
    await expect(lesson).toHaveCount(0);
    const reopen = page.getByRole('button', { name: 'Reopen the lesson' });
    await expect(reopen).toBeVisible();
    await page.screenshot({ path: `test-results/screenshots/own-lesson-closed-${size.width}.png` });
    await reopen.click();
    await expect(lesson.getByRole('listitem').last()).toHaveText('so both sell it and nobody checks');
    await expect(lesson.getByRole('button').first()).toBeFocused();
    await expect(reopen).toHaveCount(0);

    // a sample opened afterwards (the edits discarded) shows its own lesson, with "Show me"
    await views(page).getByRole('button', { name: 'Start', exact: true }).click();
    await page.getByRole('region', { name: 'Samples' }).getByRole('button', { name: FLASH, exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: /^Discard/ }).click();
    await expect(lesson.getByRole('heading', { level: 2 })).toHaveText(FLASH);
    await expect(lesson).toContainText('Intelligent concurrency control');
    await expect(lesson).not.toContainText('About this scenario');
    await expect(lesson.getByRole('button', { name: /^Show me/ })).toBeVisible();
    await page.screenshot({ path: `test-results/screenshots/own-lesson-then-sample-${size.width}.png` });
  });
}
