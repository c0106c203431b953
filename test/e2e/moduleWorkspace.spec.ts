/** A module scenario's run stored in the workspace opens as the run did: read with the module (its invariants, Copy as test), which it waits for when it is not open. */
import { test, expect, type Page } from '@playwright/test';
import { views } from './flows';
import { js, openBankAndRun, openScenarioAndLocate, TABLES } from './moduleFlows';

/** The History of the bank's "4 workers" at the end of the run: its violations line, and Copy as test of c36 (Purestream). */
async function fourWorkersAtTheEnd(page: Page): Promise<void> {
  await views(page).getByRole('button', { name: 'History' }).click();
  await page.getByRole('tab', { name: /^4 workers/ }).click();
  await page.getByRole('button', { name: 'the end of the run' }).click();
  await expect(page.getByText(/1 with violations · broken during 1 step/)).toBeVisible();
  const copy = page.getByRole('group', { name: 'Copy c36 as a test' });
  await copy.getByRole('button', { name: 'Purestream' }).click();
  await expect(page.getByLabel('Purestream test')).toContainText('given(bank, [');
  await expect(copy).not.toContainText('cannot be copied');
}

test("the bank's run stored in the workspace opens with the module: its invariants are checked and a decision copies as a test, as in the run", async ({ page }) => {
  test.setTimeout(120_000);
  await openBankAndRun(page);
  await fourWorkersAtTheEnd(page);

  await views(page).getByRole('button', { name: 'Workspace' }).click();
  const ws = page.getByRole('region', { name: 'Workspace' });
  await ws.getByRole('button', { name: 'Current run result' }).click();
  await ws.getByRole('region', { name: 'Runs' }).getByRole('button', { name: /Bring your own rules/ }).click();
  await expect(page.getByRole('region', { name: 'Compare' }).getByRole('region', { name: 'Metrics' })).toContainText('capacity-aware', { timeout: 20_000 });
  await fourWorkersAtTheEnd(page);
});

test('a stored run whose module is not open names the module and waits for it, instead of being read as if bundled; once the module is open the run opens as usual', async ({ page }) => {
  test.setTimeout(120_000);
  const module = js('tables.mjs', TABLES);
  await openScenarioAndLocate(page, module, ['x', 'y', 'z'], { name: 'one queue', consumers: [{ name: 'db', interpreter: 'sql' }] });
  await views(page).getByRole('button', { name: 'Runs', exact: true }).click();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Runs' })).toContainText(/Ran 1 run/, { timeout: 30_000 });
  await views(page).getByRole('button', { name: 'Workspace' }).click();
  const ws = page.getByRole('region', { name: 'Workspace' });
  await ws.getByRole('button', { name: 'Current run result' }).click();
  // the module is closed: the stored run cannot be read with its rules
  await views(page).getByRole('button', { name: 'Domains' }).click();
  await page.getByRole('region', { name: 'Domains' }).getByRole('button', { name: 'Close', exact: true }).click();
  await views(page).getByRole('button', { name: 'Workspace' }).click();

  const runs = ws.getByRole('region', { name: 'Runs' });
  await runs.getByRole('button', { name: 'With tables.mjs' }).click();
  const notice = runs.getByRole('alert', { name: 'With tables.mjs needs tables.mjs' });
  await expect(notice).toHaveText(/“With tables\.mjs” was run with the domain module \.\/tables\.mjs, which is not open\. Open tables\.mjs to read this run with its rules\./);
  // the run is not opened without its module: the workspace stays on screen
  await expect(ws).toBeVisible();
  await expect(page.getByRole('region', { name: 'Compare' })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screenshots/workspace-run-awaits-module-1440.png' });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.screenshot({ path: 'test-results/screenshots/workspace-run-awaits-module-1280.png' });

  // Cancel takes the notice away; the run asks again when opened again
  await notice.getByRole('button', { name: 'Cancel' }).click();
  await expect(notice).toHaveCount(0);
  await runs.getByRole('button', { name: 'With tables.mjs' }).click();

  // the module opened from the notice (trusted before: no prompt), the run opens, read in the module's worker: its table answers a query
  const chooser = page.waitForEvent('filechooser');
  await notice.getByRole('button', { name: 'Open tables.mjs…' }).click();
  await (await chooser).setFiles(module);
  await expect(page.getByRole('region', { name: 'Compare' })).toBeVisible({ timeout: 20_000 });
  await views(page).getByRole('button', { name: 'Consumers' }).click();
  const consumers = page.getByRole('region', { name: 'Consumers' });
  await expect(consumers).toContainText('things · 3 rows');
  await consumers.getByLabel('Read-only query').fill("SELECT group_concat(id, '') AS ids FROM things");
  await consumers.getByRole('button', { name: 'Run query' }).click();
  await expect(consumers.getByRole('table', { name: 'db query result' }).getByRole('cell')).toHaveText(['xyz']);
  await expect(consumers.getByRole('alert')).toHaveCount(0);
});

/** A module whose invariant breaks when thing y comes (and stays broken): the History says so only when the run is read with it. */
const NO_Y = `export default {
  decide: (command) => ({ type: 'accepted', events: [{ type: 'Went', data: command.data }] }),
  evolve: (state, event) => ({ ids: (state?.ids ?? '') + event.data.id }),
  streamOf: (event) => 'things',
  invariants: [{ name: 'no-y', description: 'y never comes', violation: (stream, state) => (state.ids.includes('y') ? 'y came' : undefined) }],
};
`;

test("a stored run whose scenario is not stored is read with the open module of its report's domain id; with none open, the notice names the id and waits for it", async ({ page }) => {
  test.setTimeout(120_000);
  const module = js('things.mjs', NO_Y);
  await openScenarioAndLocate(page, module, ['x', 'y', 'z']);
  await views(page).getByRole('button', { name: 'Runs', exact: true }).click();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Runs' })).toContainText(/Ran 1 run/, { timeout: 30_000 });
  await views(page).getByRole('button', { name: 'Workspace' }).click();
  const ws = page.getByRole('region', { name: 'Workspace' });
  await ws.getByRole('button', { name: 'Current run result' }).click();
  // the run stays, its scenario goes: the report keeps only the module's id, "things"
  const scenarios = ws.getByRole('region', { name: 'Scenarios' });
  await scenarios.getByRole('button', { name: 'Remove scenario With things.mjs' }).click();
  await scenarios.getByRole('group').getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(scenarios.getByRole('listitem')).toHaveCount(0);

  /** The stored run opened: its History says where the module's invariant was broken, which only the module's worker can tell. */
  const readInTheModule = async () => {
    await expect(page.getByRole('region', { name: 'Compare' })).toBeVisible({ timeout: 20_000 });
    await views(page).getByRole('button', { name: 'History' }).click();
    await expect(page.getByText(/3 enactments · \d+ with violations · broken during 2 steps/)).toBeVisible();
  };
  const runs = ws.getByRole('region', { name: 'Runs' });
  await runs.getByRole('button', { name: 'With things.mjs' }).click();
  await readInTheModule();

  // the module closed: the run names the id it waits for, and is not read as if bundled
  await views(page).getByRole('button', { name: 'Domains' }).click();
  await page.getByRole('region', { name: 'Domains' }).getByRole('button', { name: 'Close', exact: true }).click();
  await views(page).getByRole('button', { name: 'Workspace' }).click();
  await runs.getByRole('button', { name: 'With things.mjs' }).click();
  const notice = runs.getByRole('alert', { name: 'With things.mjs needs the module things' });
  await expect(notice).toHaveText(/“With things\.mjs” was run with the domain module of id things, which is not open \(its scenario is not stored, so its file is not known\)\. Open that module to read this run with its rules\./);
  await expect(page.getByRole('region', { name: 'Compare' })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screenshots/workspace-run-awaits-id-1440.png' });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.screenshot({ path: 'test-results/screenshots/workspace-run-awaits-id-1280.png' });

  // a module of another id opened from the notice says so, and the run keeps waiting
  let chooser = page.waitForEvent('filechooser');
  await notice.getByRole('button', { name: 'Open the module…' }).click();
  await (await chooser).setFiles(js('other.mjs', NO_Y));
  await page.getByRole('dialog', { name: 'Run other.mjs?' }).getByRole('button', { name: 'Trust and run' }).click();
  await expect(notice).toContainText('other.mjs has the id "other", not "things": open the module this run was made with');
  await expect(page.getByRole('region', { name: 'Compare' })).toHaveCount(0);

  // the module of that id opened from the notice: the run opens, read in its worker
  chooser = page.waitForEvent('filechooser');
  await notice.getByRole('button', { name: 'Open the module…' }).click();
  await (await chooser).setFiles(module);
  await readInTheModule();

  // a copy under another file name with the same id opened too: the run is read with the first on the Domains view, as a log's suggested domain is, and Compare says which
  await views(page).getByRole('button', { name: 'Domains' }).click();
  await page.getByLabel('Domain module file').first().setInputFiles(js('things-copy.mjs', NO_Y.replace('export default {', "export default {\n  id: 'things',")));
  await page.getByRole('dialog', { name: 'Run things-copy.mjs?' }).getByRole('button', { name: 'Trust and run' }).click();
  await expect(page.getByRole('region', { name: 'Domains' })).toContainText('things-copy.mjs');
  // (the copy is listed before its worker has loaded it and told its id: the run is opened again until the copy counts)
  await expect(async () => {
    await views(page).getByRole('button', { name: 'Workspace' }).click();
    await runs.getByRole('button', { name: 'With things.mjs' }).click();
    await expect(page.getByRole('region', { name: 'Compare' }).getByRole('note').filter({ hasText: 'open modules have the id' })).toHaveText(
      '2 open modules have the id "things" (things.mjs, things-copy.mjs): things.mjs, the first on the Domains view, is used (close it there to use things-copy.mjs)',
      { timeout: 3_000 },
    );
  }).toPass({ timeout: 30_000 });
  await readInTheModule();
});
