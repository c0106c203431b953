/**
 * What a first-time user frowned at: a cut-off scenario name and field hint, an option the domain
 * cannot use, a problem that does not say of what, a file dialog that opens unexplained, and
 * graph labels too small to read.
 */
import { expect, test, type Page } from '@playwright/test';
import { openSampleAndRun, svelteWarnings, views } from './flows';

// nothing Svelte warns about in the console along the way
let warnings: string[] = [];
test.beforeEach(({ page }) => {
  warnings = svelteWarnings(page);
});
test.afterEach(() => expect(warnings).toEqual([]));

const runs = (page: Page) => page.getByRole('region', { name: 'Runs' });

/** Opens the bank sample from the Start view (the module after the trust prompt, and its scenario). */
async function openBankSample(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('region', { name: 'Bring your own rules' }).getByRole('button', { name: 'Bring your own rules: a bank with overdrafts' }).click();
  await page.getByRole('dialog', { name: 'Run bank.ts?' }).getByRole('button', { name: 'Trust and run' }).click();
  await expect(page.getByRole('main').getByRole('heading', { level: 2, name: 'Bring your own rules: a bank with overdrafts' })).toBeVisible({ timeout: 30_000 });
}

test('at 1280 px the top bar keeps the scenario name readable beside "unsaved"', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  await page.getByRole('button', { name: 'New Commerce scenario' }).click();
  await page.getByLabel('name', { exact: true }).fill('New commerce scenario, edited');
  const banner = page.getByRole('banner');
  await expect(banner.getByText('unsaved')).toBeVisible();
  const name = banner.locator('.doc-title .name');
  expect(await name.evaluate((el) => el.getBoundingClientRect().width)).toBeGreaterThanOrEqual(90);
  // nothing of the bar spills out of the window
  expect(await banner.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: 'test-results/screenshots/topbar-unsaved-1280.png', clip: { x: 0, y: 0, width: 1280, height: 60 } });
});

test('a new scenario says what it still needs: commands', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'New Commerce scenario' }).click();
  await expect(page.getByRole('button', { name: '1 problem' })).toBeVisible();
  await expect(page.getByText('commands: add at least one command')).toBeVisible();
  await views(page).getByRole('button', { name: 'Runs', exact: true }).click();
  await expect(runs(page)).toContainText('The scenario has 1 problem outside the runs (commands: add at least one command)');
});

test('the runs form: the key field shows its hint whole, and "authorize" only for a domain with authorization rules', async ({ page }) => {
  for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
    await page.setViewportSize({ width, height });
    await page.goto('/');
    await page.getByRole('button', { name: 'New Commerce scenario' }).click();
    await views(page).getByRole('button', { name: 'Runs', exact: true }).click();
    await runs(page).getByLabel('scheduler').selectOption('partitioned');
    const key = runs(page).getByLabel('key field');
    await expect(key).toHaveAttribute('placeholder', 'the domain’s key');
    const fits = await key.evaluate((el: HTMLInputElement) => {
      const style = getComputedStyle(el);
      const context = document.createElement('canvas').getContext('2d')!;
      context.font = `${style.fontSize} ${style.fontFamily}`;
      return context.measureText(el.placeholder).width <= el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    });
    expect(fits, `the key field's placeholder fits at ${width}`).toBe(true);
    // commerce has authorization rules: a run may run the policy
    await expect(runs(page).getByLabel('authorize')).toBeVisible();
    await page.screenshot({ path: `test-results/screenshots/runs-form-${width}.png` });
  }

  // the bank has none: "authorize" would only demand an actor on every command, so it is not offered
  await openBankSample(page);
  await views(page).getByRole('button', { name: 'Runs', exact: true }).click();
  await expect(runs(page).getByRole('article')).toHaveCount(4);
  await expect(runs(page).getByLabel('authorize')).toHaveCount(0);
});

test('Reload in a browser says why it asks for the module file again', async ({ page }) => {
  await openBankSample(page);
  await views(page).getByRole('button', { name: 'Domains' }).click();
  const domains = page.getByRole('region', { name: 'Domains' });
  const chooser = page.waitForEvent('filechooser');
  await domains.getByRole('article', { name: 'Domain Bank' }).getByRole('button', { name: 'Reload' }).click();
  await chooser;
  await expect(domains.getByRole('status')).toContainText("The browser can't read bank.ts again by itself: pick bank.ts again (your edited copy) in the file dialog.");
  await page.screenshot({ path: 'test-results/screenshots/domains-reload-web.png' });
});

test('the causation graph is fitted at a size its labels can be read at 1280×720, the rest a pan away', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openSampleAndRun(page, /^Decoupled uptime/);
  await views(page).getByRole('button', { name: 'Graph' }).click();
  const graph = page.getByRole('region', { name: 'Causation graph' });
  const label = graph.locator('.svelte-flow__node .label').first();
  await expect(label).toBeVisible();
  await expect(graph.locator('.count')).toContainText('shown at a readable size', { timeout: 5_000 });
  const size = await label.evaluate((el) => {
    const scale = new DOMMatrixReadOnly(getComputedStyle(el.closest('.svelte-flow__viewport')!).transform).a;
    return parseFloat(getComputedStyle(el).fontSize) * scale;
  });
  expect(size).toBeGreaterThanOrEqual(10.99);
  await expect(graph.getByLabel('Minimap')).toBeChecked();
  await page.screenshot({ path: 'test-results/screenshots/graph-readable-1280.png' });
});
