/** Issue 17 in the app: nested scenario files and crafted workspace files end in one clear message, never a crash. */
import { test, expect, type Page } from '@playwright/test';
import initSqlJs from 'sql.js';
import { saveScenario } from '../../src/store/scenarios';
import { createWorkspace, saveWorkspace } from '../../src/store/workspace';
import { views } from './flows';

const restock = { type: 'RestockItem', data: { sku: 'tee', qty: 1 } };
/** A scenario whose one command sits in `depth` nested batches. */
const nested = (depth: number) => {
  let node: unknown = restock;
  for (let i = 0; i < depth; i++) node = { batch: 'allow-partial', items: [node] };
  return Buffer.from(JSON.stringify({ format: 'purestream/scenario@1', name: `Nested ${depth}`, domain: 'commerce', commands: [node] }));
};

/** The name of the workspace autosaved in IndexedDB (what a reload restores), read from the page. */
const autosavedWorkspace = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string | undefined>((resolve) => {
        const open = indexedDB.open('purestream', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('autosave');
        open.onsuccess = () => {
          const get = open.result.transaction('autosave').objectStore('autosave').get('workspace');
          get.onsuccess = () => resolve(get.result?.name);
          get.onerror = () => resolve(undefined);
        };
      }),
  );

/** Fails the test on any uncaught error in the page or its workers. */
const noPageErrors = (page: Page): string[] => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
};

test('a scenario nested past the limit shows one line naming the path; one nested to the limit runs in the worker', async ({ page }) => {
  const errors = noPageErrors(page);
  await page.goto('/');
  const scenarioFile = page.locator('input[aria-label="Scenario file"]');
  await scenarioFile.setInputFiles({ name: 'nested-1500.json', mimeType: 'application/json', buffer: nested(1_500) });
  const alert = page.getByRole('alert', { name: 'Scenario file errors' });
  await expect(alert).toContainText('nested-1500.json');
  await expect(alert).toContainText('1 problem');
  await expect(alert).toContainText('commands[0].items[0]…items[0]');
  await expect(alert).toContainText('nested 1,001 levels deep; a scenario file may nest at most 1,000 levels');
  await page.screenshot({ path: 'test-results/screenshots/start-nested-file.png' });

  // 498 batches: the deepest nesting a file may have (1,000 JSON levels) opens, runs in the worker and is decided
  await scenarioFile.setInputFiles({ name: 'nested-498.json', mimeType: 'application/json', buffer: nested(498) });
  await views(page).getByRole('button', { name: 'Runs', exact: true }).click();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Runs' })).toContainText(/Ran 1 run/, { timeout: 30_000 });
  expect(errors).toEqual([]);
});

test('a crafted workspace file (a trigger) is refused with its reason; the open workspace and its autosave stay', async ({ page }) => {
  const errors = noPageErrors(page);
  const sqlJs = await initSqlJs();
  const crafted = createWorkspace(sqlJs);
  saveScenario(crafted, { name: 'Planted', json: '{}', updated: 1 });
  crafted.run("CREATE TRIGGER wipe AFTER INSERT ON scenarios BEGIN DELETE FROM scenarios WHERE name <> NEW.name; END");
  const bytes = Buffer.from(saveWorkspace(crafted));

  await page.goto('/');
  await page.getByRole('button', { name: /^Flash sale/ }).click();
  const nav = views(page);
  await nav.getByRole('button', { name: 'Workspace' }).click();
  const ws = page.getByRole('region', { name: 'Workspace' });
  await ws.getByRole('button', { name: 'Current scenario' }).click();
  await expect(ws.getByRole('region', { name: 'Scenarios' })).toContainText('Flash sale');
  await expect.poll(() => autosavedWorkspace(page)).toBe('Untitled workspace');

  // the workspace has unsaved changes: agree to replace it in the app's question (and to leave the page later)
  page.on('dialog', (dialog) => void dialog.accept());
  await ws.getByLabel('Workspace file').setInputFiles({ name: 'crafted.purestream', mimeType: 'application/octet-stream', buffer: bytes });
  await page.getByRole('dialog', { name: 'Save the changes to “Untitled workspace”?' }).getByRole('button', { name: 'Discard changes' }).click();
  await expect(ws).toContainText("crafted.purestream: not a Purestream workspace (it holds a trigger 'wipe'; a workspace holds only tables and indexes)");
  await expect(ws.getByRole('region', { name: 'Scenarios' })).toContainText('Flash sale');
  await expect(ws.getByRole('region', { name: 'Scenarios' })).not.toContainText('Planted');
  await page.screenshot({ path: 'test-results/screenshots/workspace-crafted-file.png' });

  // the autosave is still the workspace that was open, never the refused file (an adopted file would be autosaved within 200 ms)
  await page.waitForTimeout(1000);
  expect(await autosavedWorkspace(page)).toBe('Untitled workspace');
  await page.reload();
  await nav.getByRole('button', { name: 'Workspace' }).click();
  await expect(ws).toContainText('Restored from the autosave');
  await expect(ws.getByRole('region', { name: 'Scenarios' })).toContainText('Flash sale');
  await expect(ws.getByRole('region', { name: 'Scenarios' })).not.toContainText('Planted');
  expect(errors).toEqual([]);
});
