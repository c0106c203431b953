import { test, expect, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';

/** The bundled samples as the Start view lists them. */
const samples = readdirSync('samples/scenarios')
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(`samples/scenarios/${f}`, 'utf8')) as { name: string; description: string; 'x-idea': string; 'x-lesson': string; 'x-view': string });

/** The tab of each x-view, and what shows it once "Show me" was pressed. */
const VIEW_TAB: Record<string, string> = {
  Compare: 'Compare',
  Metrics: 'Metrics',
  'Causation graph': 'Graph',
  'State history': 'History',
  Timeline: 'Timeline',
  Consumers: 'Consumers',
  Decision: 'Scenario',
};

const tab = (page: Page, name: string) => page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name, exact: true });

test('the start view groups the samples by idea, each with its one-line lesson', async ({ page }) => {
  await page.goto('/');
  const region = page.getByRole('region', { name: 'Samples' });
  const headings = await region.getByRole('heading', { level: 3 }).allTextContents();
  expect(headings.slice(0, 3)).toEqual(['Intelligent concurrency control', 'Partitioning', 'Autoscaling']);
  for (const s of samples) {
    const group = region.getByRole('region', { name: s['x-idea'], exact: true });
    await expect(group.getByRole('button', { name: s.name, exact: true })).toContainText(s['x-lesson']);
  }
});

for (const s of samples) {
  test(`sample "${s.name}" opens with its lesson and "Show me" shows the ${s['x-view']} view`, async ({ page }) => {
    await page.goto('/');
    await page.getByRole('region', { name: 'Samples' }).getByRole('button', { name: s.name, exact: true }).click();
    const lesson = page.getByRole('complementary', { name: 'Lesson' });
    await expect(lesson.getByRole('heading', { name: s.name })).toBeVisible();
    await expect(lesson).toContainText(s['x-lesson']);
    await expect(lesson).not.toContainText('**');
    await lesson.getByRole('button', { name: /^Show me/ }).click();
    await expect(tab(page, VIEW_TAB[s['x-view']])).toHaveAttribute('aria-current', 'page', { timeout: 30_000 });
    if (s['x-view'] === 'Decision') await expect(page.getByRole('region', { name: 'Decision' }).getByRole('status')).toContainText('would be');
    else await expect(page.getByRole('region', { name: s['x-view'], exact: true }).first()).toBeVisible();
  });
}

test('a file opened afterwards hides the lesson; folding keeps it at hand', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Flash sale: 150 orders for 100 units' }).click();
  const lesson = page.getByRole('complementary', { name: 'Lesson' });
  await lesson.getByRole('button', { name: 'Fold the lesson' }).click();
  await expect(lesson.getByRole('heading')).toHaveCount(0);
  await lesson.getByRole('button', { name: 'Show the lesson' }).click();
  await expect(lesson.getByRole('heading', { name: 'Flash sale: 150 orders for 100 units' })).toBeVisible();
  await tab(page, 'Start').click();
  await page.getByRole('button', { name: 'New Commerce scenario' }).click();
  await expect(lesson).toHaveCount(0);
});
