/** The Consumers view's SQL box with a domain module that declares tables: the query worker loads the module's tables, as it does a bundled domain's. */
import { test, expect } from '@playwright/test';
import { views } from './flows';
import { js, openScenarioAndLocate, TABLES } from './moduleFlows';

test("a module's sql consumer: its tables show and a read-only query answers from them", async ({ page }) => {
  await openScenarioAndLocate(page, js('tables.mjs', TABLES), ['x', 'y', 'z'], { name: 'one queue', consumers: [{ name: 'db', interpreter: 'sql' }] });
  await views(page).getByRole('button', { name: 'Runs', exact: true }).click();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Runs' })).toContainText(/Ran 1 run/, { timeout: 30_000 });
  await views(page).getByRole('button', { name: 'Consumers' }).click();
  const consumers = page.getByRole('region', { name: 'Consumers' });
  await expect(consumers).toContainText('things · 3 rows');
  await consumers.getByLabel('Read-only query').fill("SELECT count(*) AS n, group_concat(id, '') AS ids FROM things");
  await consumers.getByRole('button', { name: 'Run query' }).click();
  await expect(consumers.getByRole('table', { name: 'db query result' }).getByRole('cell')).toHaveText(['3', 'xyz']);
  await expect(consumers.getByRole('alert')).toHaveCount(0);
});
