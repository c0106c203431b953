import { expect, test, type Page } from '@playwright/test';
import { openSampleAndRun, views } from './flows';

/** The open scenario's autosave in IndexedDB (what a reload offers back), read from the page. */
const autosavedScenario = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<{ name?: string; dirty?: boolean; ran?: boolean } | undefined>((resolve) => {
        const open = indexedDB.open('purestream', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('autosave');
        open.onsuccess = () => {
          const get = open.result.transaction('autosave').objectStore('autosave').get('scenario');
          get.onsuccess = () => resolve(get.result ? { name: get.result.raw?.name, dirty: get.result.dirty, ...(get.result.ran ? { ran: true } : {}) } : undefined);
          get.onerror = () => resolve(undefined);
        };
      }),
  );

test('each view has its own URL; Back and Forward move between three views and keep the runs', async ({ page }) => {
  await openSampleAndRun(page, /^Flash sale/);
  await expect(page).toHaveURL(/#\/runs$/);
  for (const [label, hash] of [['Graph', 'graph'], ['Metrics', 'metrics'], ['Compare', 'compare']] as const) {
    await views(page).getByRole('button', { name: label, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`#/${hash}$`));
  }
  const compare = page.getByRole('region', { name: 'Compare' });
  await expect(compare.getByRole('region', { name: 'Metrics' })).toContainText('inventory-aware');

  await page.goBack();
  await expect(page).toHaveURL(/#\/metrics$/);
  await expect(views(page).getByRole('button', { name: 'Metrics', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('region', { name: 'Metrics' })).toContainText('8 workers');
  await page.goBack();
  await expect(page).toHaveURL(/#\/graph$/);
  await expect(page.getByRole('region', { name: 'Causation graph' })).toBeVisible();
  await page.goForward();
  await page.goForward();
  await expect(page).toHaveURL(/#\/compare$/);
  await expect(compare.getByRole('region', { name: 'Metrics' })).toContainText('inventory-aware');
  // Back to the Runs view: the same run, not a fresh session.
  await page.goBack();
  await page.goBack();
  await page.goBack();
  await expect(page.getByRole('region', { name: 'Runs' })).toContainText(/Ran 4 runs/);

  // A view's URL opens that view directly.
  await page.goto('/#/domains');
  await expect(views(page).getByRole('button', { name: 'Domains', exact: true })).toHaveAttribute('aria-current', 'page');
});

test('a URL that names no view shows Start with a notice naming the view it likely meant, which opens it; ✕ takes the notice away', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/#/events');
  await expect(views(page).getByRole('button', { name: 'Start', exact: true })).toHaveAttribute('aria-current', 'page');
  const notice = page.getByRole('status').filter({ hasText: 'No view is called' });
  await expect(notice).toHaveText(/^No view is called “events”: did you mean Event log\?/);
  await page.screenshot({ path: 'test-results/screenshots/route-notice-1280.png' });
  await notice.getByRole('button', { name: 'Event log' }).click();
  await expect(page).toHaveURL(/#\/eventlog$/);
  await expect(views(page).getByRole('button', { name: 'Event log', exact: true })).toHaveAttribute('aria-current', 'page');
  await page.goto('/#/zz');
  await expect(notice).toHaveText(/^No view is called “zz”: here is Start; the views are in the bar above\./);
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
  // a hash typed in the address bar is followed, and a known view says nothing
  await page.evaluate(() => (location.hash = '#/metric'));
  await expect(notice).toHaveText(/did you mean Metrics\?/);
  await page.goto('/#/');
  // (the announcer, hidden, keeps the last words it said: the notice is what goes)
  await expect(notice).toHaveCount(0);
});

test('leaving or reloading with a run not in the workspace asks first; staying keeps the run', async ({ page }) => {
  await openSampleAndRun(page, /^Flash sale/);
  const prompts: string[] = [];
  page.once('dialog', (d) => (prompts.push(d.type()), void d.dismiss()));
  await page.evaluate(() => location.reload());
  expect(prompts).toEqual(['beforeunload']);
  await expect(page.getByRole('region', { name: 'Runs' })).toContainText(/Ran 4 runs/);

  // Saved (Ctrl+S keeps the scenario and the run in the workspace): nothing to ask any more.
  const download = page.waitForEvent('download');
  await page.keyboard.press('Control+s');
  expect((await download).suggestedFilename()).toMatch(/\.purestream$/);
  await views(page).getByRole('button', { name: 'Workspace' }).click();
  await expect(page.getByRole('region', { name: 'Workspace' }).getByRole('region', { name: 'Runs' }).getByRole('listitem')).toHaveCount(1);
  let asked = false;
  page.on('dialog', (d) => ((asked = true), void d.accept()));
  await page.reload();
  await expect(views(page).getByRole('button', { name: 'Workspace' })).toHaveAttribute('aria-current', 'page');
  expect(asked).toBe(false);
});

test('the open scenario is autosaved and offered back after a reload, edits included', async ({ page }, info) => {
  await page.goto('/');
  await page.getByRole('button', { name: /^Flash sale/ }).click();
  await expect(page).toHaveURL(/#\/editor$/);
  // An edit: rename the scenario in the form of the root.
  await page.getByRole('tab', { name: 'Form' }).click();
  const name = page.getByLabel('name', { exact: true });
  await name.fill('Flash sale, edited');
  await expect(page.getByRole('banner')).toContainText('unsaved');
  await expect.poll(() => autosavedScenario(page)).toEqual({ name: 'Flash sale, edited', dirty: true });

  // A reload (or a crash): the page starts on the same view and offers the scenario back.
  page.on('dialog', (d) => void d.accept());
  await page.reload();
  await expect(page).toHaveURL(/#\/editor$/);
  const offer = page.getByRole('region', { name: 'Restore scenario' });
  await expect(offer).toContainText('Restore “Flash sale, edited”?');
  await expect(offer).toContainText('with unsaved changes');
  await page.screenshot({ path: info.outputPath('restore-offer.png') });
  await offer.getByRole('button', { name: 'Restore' }).click();
  await expect(offer).toHaveCount(0);
  await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toContainText('Flash sale, edited');
  await expect(page.getByRole('banner')).toContainText('unsaved');

  // "Download scenario" is the scenario alone, named as such; Discard forgets the autosave.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download scenario' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.json$/);
  await page.evaluate(() => indexedDB.deleteDatabase('purestream'));
});

test('a scenario restored after a reload runs again when its results were on screen', async ({ page }) => {
  await openSampleAndRun(page, /^Flash sale/);
  await expect.poll(() => autosavedScenario(page)).toMatchObject({ name: expect.stringMatching(/^Flash sale/), ran: true });
  page.on('dialog', (d) => void d.accept());
  await page.reload();
  const offer = page.getByRole('region', { name: 'Restore scenario' });
  await expect(offer).toContainText('Restoring runs it again');
  await offer.getByRole('button', { name: 'Restore' }).click();
  await views(page).getByRole('button', { name: 'Runs', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Runs' })).toContainText(/Ran \d+ runs?/, { timeout: 30_000 });
  await page.evaluate(() => indexedDB.deleteDatabase('purestream'));
});

test('Discard forgets the autosaved scenario', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: /^Central authorization/ }).click();
  await expect.poll(() => autosavedScenario(page)).toMatchObject({ name: expect.stringMatching(/^Central authorization/) });
  await page.reload();
  const offer = page.getByRole('region', { name: 'Restore scenario' });
  await offer.getByRole('button', { name: 'Discard' }).click();
  await expect(offer).toHaveCount(0);
  await expect.poll(() => autosavedScenario(page)).toBeUndefined();
  await page.reload();
  await expect(page.getByText('No scenario open')).toBeVisible();
  await expect(offer).toHaveCount(0);
});

for (const size of [{ width: 1280, height: 720 }, { width: 1440, height: 900 }]) {
  test(`at ${size.width}×${size.height}, the restore offer after a reload has room of its own over the view: it covers none of the Start page`, async ({ page }) => {
    await page.setViewportSize(size);
    await page.goto('/');
    await page.getByRole('button', { name: /^Flash sale/ }).click();
    await expect.poll(() => autosavedScenario(page)).toMatchObject({ name: expect.stringMatching(/^Flash sale/) });
    await views(page).getByRole('button', { name: 'Start' }).click();
    page.on('dialog', (d) => void d.accept());
    await page.reload();
    const offer = page.getByRole('region', { name: 'Restore scenario' });
    await expect(offer).toContainText('Restore “Flash sale');
    const main = page.getByRole('main');
    await expect(main.getByRole('button', { name: /^Flash sale/ })).toBeVisible();
    // above the view's scroll area, not over it: whatever of the Start page is on screen is the page's own at its centre
    const [offerBox, mainBox] = [await offer.boundingBox(), await main.boundingBox()];
    expect(offerBox!.y + offerBox!.height).toBeLessThanOrEqual(mainBox!.y + 0.5);
    const covered = await main.evaluate((el) =>
      [...el.querySelectorAll('button, a, h1, h2, h3, p')]
        .map((e) => e.getBoundingClientRect())
        .filter((r) => r.height > 0 && r.top >= 0 && r.bottom <= innerHeight)
        .filter((r) => !el.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2))).length,
    );
    expect(covered).toBe(0);
    await page.screenshot({ path: `test-results/screenshots/restore-offer-start-${size.width}.png` });
    await offer.getByRole('button', { name: 'Discard' }).click();
    await expect(offer).toHaveCount(0);
  });
}
