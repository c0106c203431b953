/** Steps of the browser tests with domain modules: the bank sample, and a scenario naming a small module beside it. */
import { expect, type Page } from '@playwright/test';
import { views } from './flows';

/** A run on one queue (the scenarios' run unless a test gives its own). */
const ONE_QUEUE: Readonly<Record<string, unknown>> = { name: 'one queue', scheduler: { kind: 'serial' }, serviceMs: 1 };

/** A scenario file naming a module beside it, with a Go command for each id (c1, c2…) and one run. */
export const scenarioNaming = (domain: string, ids: readonly string[] = ['x'], run = ONE_QUEUE) => ({
  name: 'scenario.json',
  mimeType: 'application/json',
  buffer: Buffer.from(
    JSON.stringify({ format: 'purestream/scenario@1', name: `With ${domain}`, domain: `./${domain}`, commands: ids.map((id) => ({ type: 'Go', data: { id } })), runs: [run] }),
  ),
});
/** A JavaScript module file to set on a file input. */
export const js = (name: string, text: string) => ({ name, mimeType: 'text/javascript', buffer: Buffer.from(text) });

/** Opens a scenario naming `module` (not open yet), locates the module from the app's notice and trusts it from the keyboard. */
export async function openScenarioAndLocate(page: Page, module: { name: string; mimeType: string; buffer: Buffer }, ids?: readonly string[], run?: Readonly<Record<string, unknown>>): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Scenario file').setInputFiles(scenarioNaming(module.name, ids, run));
  const missing = page.getByRole('alert', { name: 'Domain module not open' });
  await expect(missing).toContainText(`./${module.name}`);
  const chooser = page.waitForEvent('filechooser');
  await missing.getByRole('button', { name: `Locate ${module.name}…` }).click();
  await (await chooser).setFiles(module);
  // the prompt opens on Cancel: trusting from the keyboard takes a Tab first
  const dialog = page.getByRole('dialog', { name: `Run ${module.name}?` });
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Trust and run' })).toBeFocused();
  await page.keyboard.press('Enter');
  // the module is bundled and loaded in its worker first: slower on a busy machine than the default 5 s
  await expect(missing).toBeHidden({ timeout: 20_000 });
}

/** A module with a `sql` consumer's table (`things`): what a run writes shows only when it is read with the module. */
export const TABLES = `export default {
  decide: (command) => ({ type: 'accepted', events: [{ type: 'Went', data: command.data }] }),
  evolve: (state, event) => ({ n: (state?.n ?? 0) + 1 }),
  streamOf: (event) => 'thing:' + event.data.id,
  sql: {
    tables: [{ name: 'things', create: 'CREATE TABLE things (id TEXT PRIMARY KEY)' }],
    statementsFor: (event) => [{ sql: 'INSERT INTO things (id) VALUES (?)', params: [event.data.id] }],
  },
};
`;

/** A module deciding every Go into a Went of its data; `decide` is code put first in its decide. */
export const decider = (decide: string) => `export default {\n  decide(command, view) {\n${decide}\n    return { type: 'accepted', events: [{ type: 'Went', data: command.data }] };\n  },\n  evolve: (state, event) => ({ n: (state?.n ?? 0) + 1 }),\n  streamOf: (event) => 'thing:' + event.data.id,\n};\n`;

/** Opens the bank sample (its domain is the module ./bank.ts), trusts the module and runs the scenario. */
export async function openBankAndRun(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: 'Bring your own rules: a bank with overdrafts' }).click();
  const dialog = page.getByRole('dialog', { name: 'Run bank.ts?' });
  await dialog.getByRole('button', { name: 'Trust and run' }).click();
  await expect(dialog).toBeHidden();
  // the scenario opens once the module has loaded
  await expect(page.getByRole('region', { name: 'Lesson' }).or(page.getByText('In the app:')).first()).toBeVisible({ timeout: 30_000 });
  await views(page).getByRole('button', { name: 'Runs', exact: true }).click();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Runs' })).toContainText(/Ran 4 runs/, { timeout: 30_000 });
}
