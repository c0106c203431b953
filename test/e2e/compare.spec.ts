import { test, expect } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { openSampleAndRun, views } from './flows';

test('compare two runs of the flash sale: run names, a differing metric, the diverging stream, why, export', async ({ page }) => {
  await openSampleAndRun(page, /^Flash sale/);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Compare' }).click();
  const compare = page.getByRole('region', { name: 'Compare' });
  await expect(compare).toBeVisible();

  // Keep two runs: one queue and 8 workers.
  await compare.getByRole('checkbox', { name: 'single writer' }).uncheck();
  await compare.getByRole('checkbox', { name: 'inventory-aware' }).uncheck();

  const metrics = compare.getByRole('region', { name: 'Metrics' });
  await expect(metrics.getByRole('columnheader', { name: 'one queue' })).toBeVisible();
  await expect(metrics.getByRole('columnheader', { name: '8 workers' })).toBeVisible();
  const makespan = metrics.getByRole('row', { name: /^Makespan/ });
  await expect(makespan).toContainText('1,500 ms');
  await expect(makespan).toContainText('308 ms');
  await expect(metrics.getByRole('row', { name: /^Invariant violations/ })).toContainText('+1');

  const diffs = compare.getByRole('region', { name: 'Final-state differences' });
  await expect(diffs.getByRole('list', { name: 'Diverging streams' })).toContainText('stock:tee@main');
  await expect(diffs.getByRole('row', { name: /stock:tee@main\.stock/ })).toContainText('-4');

  await expect(compare.getByRole('region', { name: 'Why' })).toContainText('“8 workers” oversold tee@main by 4');
  const depth = compare.getByRole('figure', { name: 'Decision queue depth' });
  await expect(depth.locator('canvas')).toBeVisible();
  // a count axis on whole steps a little above the deepest queue (120 orders waiting for one queue)
  await expect(depth).toHaveAttribute('data-y-top', '150');
  // the 8 workers' line, which inventory-aware's repeats but for a few moments, drawn round it instead of hidden under it
  await compare.getByRole('checkbox', { name: 'inventory-aware' }).check();
  await expect(depth.locator('.u-legend')).toContainText('inventory-aware (almost the same as 8 workers)');
  await compare.getByRole('checkbox', { name: 'inventory-aware' }).uncheck();
  await page.screenshot({ path: 'test-results/screenshots/compare.png', fullPage: true });

  const download = page.waitForEvent('download');
  await compare.getByRole('button', { name: 'Export HTML' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/comparison\.html$/);
  const html = await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
  expect(html).toContain('<th>8 workers</th>');
  expect(html).toContain('<svg');
  // the command line Compare shows (two runs chosen: it says the command compares every run), as text under the title
  expect(html).toContain(`<p class="muted">Same as <code>purestream compare samples/scenarios/flash-sale.json</code>, run in a Purestream checkout&#39;s folder (it compares every run)</p>`);
});

/** A file of the trial's library (copies lent to members; test/fixtures/modules/library) to set on a file input. */
const libraryFile = (name: string) => ({ name, mimeType: name.endsWith('.json') ? 'application/json' : 'text/plain', buffer: readFileSync(`test/fixtures/modules/library/${name}`) });

test('Compare says where the 8 workers broke, as the exported page does: the command, the event that broke it, what the decision read against the stock before and after', async ({ page }) => {
  await openSampleAndRun(page, /^Flash sale/);
  await views(page).getByRole('button', { name: 'Compare' }).click();
  const compare = page.getByRole('region', { name: 'Compare' });
  const where = compare.getByRole('region', { name: 'Where it broke' });
  // only the run that broke an invariant
  await expect(where.getByRole('region', { name: /^Where .* broke$/ })).toHaveCount(1);
  const eight = where.getByRole('region', { name: 'Where 8 workers broke' });
  await expect(eight.getByRole('heading', { name: '“8 workers”: stock-non-negative at t=210 ms' })).toBeVisible();
  await expect(eight).toContainText('Command c101 PlaceOrder');
  await expect(eight).toContainText('decided by worker 0 from 200 to 210 ms');
  await expect(eight.getByRole('listitem').filter({ hasText: '#203' })).toContainText('(its enactment broke the invariant)');
  await expect(eight.getByRole('table', { name: 'stock:tee@main' }).getByRole('row', { name: /^stock/ })).toHaveText(/stock\s*4\s*0\s*-1/);
  await expect(eight).toContainText('it decided on a state that was no longer there');
  await expect(eight).toContainText('Broke stock-non-negative: stock of tee@main is -1. Still broken at the end: stock of tee@main is -4.');
  // a run left out of the comparison is left out here too
  await compare.getByRole('checkbox', { name: '8 workers' }).uncheck();
  await expect(where).toHaveCount(0);
});

test("the exported page draws the library's charts as Compare does: the axis above the data, titles clear of the ticks, the repeated line named", async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Scenario file').setInputFiles(libraryFile('library.scenario.json'));
  const missing = page.getByRole('alert', { name: 'Domain module not open' });
  const chooser = page.waitForEvent('filechooser');
  await missing.getByRole('button', { name: 'Locate library.ts…' }).click();
  await (await chooser).setFiles(libraryFile('library.ts'));
  await page.getByRole('dialog', { name: 'Run library.ts?' }).getByRole('button', { name: 'Trust and run' }).click();
  await expect(missing).toBeHidden({ timeout: 30_000 });
  await views(page).getByRole('button', { name: 'Runs', exact: true }).click();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Runs' })).toContainText(/Ran 3 runs/, { timeout: 30_000 });
  await views(page).getByRole('button', { name: 'Compare' }).click();
  const compare = page.getByRole('region', { name: 'Compare' });
  // the app's latency axis: 25 ms drawn under a top of 30
  const latency = compare.getByRole('figure', { name: 'Command latency (at arrival)' });
  await expect(latency).toHaveAttribute('data-y-max', '25');
  await expect(latency).toHaveAttribute('data-y-top', '30');
  await expect(latency).toContainText('single writer (same as one queue)');
  for (const [width, height] of [[1280, 720], [1440, 900]]) {
    await page.setViewportSize({ width, height });
    await latency.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/screenshots/compare-library-${width}.png` });
  }

  const download = page.waitForEvent('download');
  await compare.getByRole('button', { name: 'Export HTML' }).click();
  const html = await (await (await download).createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));

  writeFileSync('test-results/screenshots/library-comparison.html', html);
  await page.setContent(html);
  const charts = page.locator('svg');
  await expect(charts).toHaveCount(2);
  await expect(charts.nth(1)).toHaveAttribute('data-y-top', '30');
  for (const chart of await charts.all()) {
    await expect(chart.locator('text', { hasText: 'single writer (same as one queue)' })).toBeVisible();
    // as laid out by the browser: no two texts overlap, every line stays below the top grid line
    const layout = await chart.evaluate((svg) => {
      const boxes = [...svg.querySelectorAll('text')].map((t) => ({ text: t.textContent, box: t.getBoundingClientRect() }));
      const overlaps = boxes.flatMap((a, i) => boxes.slice(i + 1).filter((b) => a.box.left < b.box.right && b.box.left < a.box.right && a.box.top < b.box.bottom && b.box.top < a.box.bottom).map((b) => `${a.text} / ${b.text}`));
      const gridTop = Math.min(...[...svg.querySelectorAll('line.grid')].map((l) => l.getBoundingClientRect().top));
      const lineTop = Math.min(...[...svg.querySelectorAll('polyline')].map((l) => l.getBoundingClientRect().top));
      const outside = boxes.filter((b) => b.box.left < svg.getBoundingClientRect().left || b.box.right > svg.getBoundingClientRect().right).map((b) => b.text);
      return { overlaps, above: lineTop < gridTop - 1, outside };
    });
    expect(layout).toEqual({ overlaps: [], above: false, outside: [] });
  }
  await charts.first().scrollIntoViewIfNeeded();
  await page.locator('.charts').screenshot({ path: 'test-results/screenshots/compare-export-charts.png' });
});

test('the flash sale comparison exported as a handout: the lesson, where the 8 workers broke, what a violation counts, light on screen and on paper', async ({ page }) => {
  await openSampleAndRun(page, /^Flash sale/);
  await views(page).getByRole('button', { name: 'Compare' }).click();
  const compare = page.getByRole('region', { name: 'Compare' });
  // Compare itself says what the count of violations counts, and why a stock ending at -4 is "once"
  const counted = 'a violation is counted when a stream goes from allowed to broken';
  await expect(compare.getByRole('region', { name: 'Why' })).toContainText(`“8 workers” broke stock-non-negative once, at t=210 ms: stock of tee@main is -1. Once, because ${counted}, and stock:tee@main stayed broken (at the end: stock of tee@main is -4)`);
  await expect(compare.getByRole('region', { name: 'Metrics' })).toContainText('Invariant violations counts the times a stream went from allowed to broken: a stream that stays broken counts once, however far it goes.');
  await page.setViewportSize({ width: 1280, height: 720 });
  await compare.getByRole('region', { name: 'Metrics' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/compare-violations-note-1280.png' });

  const download = page.waitForEvent('download');
  await compare.getByRole('button', { name: 'Export HTML' }).click();
  const html = await (await (await download).createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
  writeFileSync('test-results/screenshots/flash-sale-comparison.html', html);

  for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
    await page.setViewportSize({ width, height });
    await page.emulateMedia({ media: 'screen', colorScheme: 'light' });
    await page.setContent(html);
    const lesson = page.getByRole('region', { name: 'Lesson' });
    await expect(lesson.getByRole('listitem').filter({ hasText: /^8 workers decide up to eight orders at once/ })).toBeVisible();
    await expect(lesson.locator('strong', { hasText: 'oversell' })).toBeVisible();
    const broke = page.getByRole('region', { name: 'Where 8 workers broke' });
    await expect(broke).toContainText('Command c101 PlaceOrder');
    await expect(broke.getByRole('listitem')).toHaveText([/^#202 OrderPlaced on order:o-101/, /^#203 StockReserved on stock:tee@main .*\(its enactment broke the invariant\)$/]);
    await expect(broke.getByRole('row').nth(1)).toHaveText(/^stock\s*4\s*0\s*-1$/);
    await expect(broke).toContainText('Broke stock-non-negative: stock of tee@main is -1. Still broken at the end: stock of tee@main is -4.');
    const colors = () => page.evaluate(() => [getComputedStyle(document.body).backgroundColor, getComputedStyle(document.body).color]);
    // light by default: dark text on white
    expect(await colors()).toEqual(['rgb(255, 255, 255)', 'rgb(29, 36, 48)']);
    await page.screenshot({ path: `test-results/screenshots/handout-screen-${width}.png`, fullPage: true });
    // the app's dark theme on a screen that prefers dark
    await page.emulateMedia({ media: 'screen', colorScheme: 'dark' });
    expect(await colors()).toEqual(['rgb(17, 20, 24)', 'rgb(228, 232, 238)']);
    await page.screenshot({ path: `test-results/screenshots/handout-screen-dark-${width}.png`, fullPage: true });
    // printed: light whatever the screen prefers, every chart line with its own marker shape
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    expect(await colors()).toEqual(['rgb(255, 255, 255)', 'rgb(29, 36, 48)']);
    for (const chart of await page.locator('svg').all()) {
      const shapes = await chart.evaluate((svg) => [...svg.querySelectorAll('polyline')].map((line) => [...new Set([...(line.parentElement?.querySelectorAll('.mark') ?? [])].map((m) => m.classList[m.classList.length - 1]))].join()));
      expect(shapes).toEqual(['dot', 'square', 'triangle', 'diamond']);
    }
    await page.screenshot({ path: `test-results/screenshots/handout-print-${width}.png`, fullPage: true });
  }
  await page.emulateMedia({ media: 'print', colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByRole('region', { name: 'Where 8 workers broke' }).screenshot({ path: 'test-results/screenshots/handout-where-it-broke.png' });
  await page.locator('.charts').screenshot({ path: 'test-results/screenshots/handout-print-charts.png' });
});

test('Why they differ: every hint in the same type, each marked by a shape its legend names (a problem, a difference, harmless or better), not by a run\'s colour', async ({ page }) => {
  await openSampleAndRun(page, /^Flash sale/);
  await views(page).getByRole('button', { name: 'Compare', exact: true }).click();
  const why = page.getByRole('region', { name: 'Compare' }).getByRole('region', { name: 'Why' });
  const hints = why.getByRole('listitem');
  await expect(hints.first()).toBeVisible();
  // the metrics' footnote style once matched a "note" hint: smaller type and a margin on top
  const looks = await hints.evaluateAll((items) => [...new Set(items.map((li) => `${getComputedStyle(li).fontSize} ${getComputedStyle(li).marginTop}`))]);
  expect(looks).toEqual(['14px 0px']);
  await expect(why.getByLabel('What the marks mean')).toHaveText('✗a problem•a difference✓harmless or better');
  // each hint says its tone in words to a screen reader, and shows its mark
  await expect(hints.filter({ hasText: '“8 workers” oversold tee@main by 4' })).toHaveText(/^✗a problem: “8 workers” oversold/);
  await expect(hints.filter({ hasText: '“inventory-aware” released' })).toHaveText(/^•a difference: /);
  await expect(hints.filter({ hasText: /^.*“inventory-aware” finished/ })).toHaveText(/^✓harmless or better: /);
  await why.screenshot({ path: 'test-results/screenshots/compare-why-legend.png' });
});

const cartFile = (name: string) => ({ name, mimeType: name.endsWith('.json') ? 'application/json' : 'text/plain', buffer: readFileSync(`test/fixtures/modules/cart/${name}`) });

for (const viewport of [{ width: 1280, height: 720 }, { width: 1440, height: 900 }]) {
  test(`Why they differ says alike lines once: 20 carts below zero one hint per run (all on asking, in natural order), the invariant every run breaks once as the rule's fault, "about as fast" (${viewport.width}x${viewport.height})`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto('/');
    await page.getByLabel('Scenario file').setInputFiles(cartFile('cart.scenario.json'));
    const missing = page.getByRole('alert', { name: 'Domain module not open' });
    const chooser = page.waitForEvent('filechooser');
    await missing.getByRole('button', { name: 'Locate cart.ts…' }).click();
    await (await chooser).setFiles(cartFile('cart.ts'));
    await page.getByRole('dialog', { name: 'Run cart.ts?' }).getByRole('button', { name: 'Trust and run' }).click();
    await expect(missing).toBeHidden({ timeout: 30_000 });
    await views(page).getByRole('button', { name: 'Runs', exact: true }).click();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(page.getByRole('region', { name: 'Runs' })).toContainText(/Ran 5 runs/, { timeout: 60_000 });
    await views(page).getByRole('button', { name: 'Compare' }).click();
    const why = page.getByRole('region', { name: 'Compare' }).getByRole('region', { name: 'Why' });
    const hints = why.getByRole('listitem');
    await expect(hints.first()).toHaveText(/Every run breaks checked-out-cart-not-empty: the rule itself, not the scheduling/);
    await expect(hints.filter({ hasText: /broke checked-out-cart-not-empty/ })).toHaveCount(2);
    const below = hints.filter({ hasText: 'drove items.tee to -2 in 20 streams (shopping_cart-c-1, shopping_cart-c-2, shopping_cart-c-3 and 17 more)' });
    await expect(below).toHaveCount(2);
    await expect(below.first().locator('.stream-list')).toBeHidden();
    await expect(hints.filter({ hasText: '“8 workers, flaky email w/ retries” finished about as fast as “one queue” (317 ms vs 312 ms)' })).toHaveCount(1);
    await expect(why).not.toContainText('1.0×');
    expect(await hints.count()).toBeLessThanOrEqual(16);
    await page.screenshot({ path: `test-results/screenshots/compare-why-alike-${viewport.width}.png` });
    // every stream on asking, in natural order
    await below.first().getByText('All 20 streams').click();
    const list = below.first().locator('.stream-list');
    await expect(list).toBeVisible();
    const streams = (await list.textContent())!.split(', ');
    expect(streams).toEqual(Array.from({ length: 20 }, (_, i) => `shopping_cart-c-${i + 1}`));
    await why.screenshot({ path: `test-results/screenshots/compare-why-alike-open-${viewport.width}.png` });
  });
}
