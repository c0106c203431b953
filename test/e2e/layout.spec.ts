/**
 * Every view at 1280×720 and 1440×900, with a sample's lesson open beside it: nothing is wider
 * than its pane (no sideways scrolling), and every action is on screen and not covered by
 * anything (checked at its centre with elementFromPoint).
 */
import { expect, test, type Page } from '@playwright/test';
import { openSampleAndRun, runNotifierOnly, views } from './flows';

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
] as const;

const VIEWS = ['Start', 'Scenario', 'Runs', 'Graph', 'History', 'Metrics', 'Compare', 'Sweep', 'Timeline', 'Event log', 'Consumers', 'Logs', 'Domains', 'Workspace'] as const;

/** What is wrong with the layout on screen: sideways overflow, actions off screen or covered. */
function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.getAttribute('aria-label') ? `[${el.getAttribute('aria-label')}]` : ''} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
    for (const pane of document.querySelectorAll('main, .topbar, aside, .panel, .pane')) {
      const style = getComputedStyle(pane);
      if (style.overflowX === 'hidden' || style.overflowX === 'clip') continue;
      if (pane.scrollWidth > pane.clientWidth + 1) problems.push(`${describe(pane)} is ${pane.scrollWidth - pane.clientWidth}px wider than its pane`);
    }
    const vw = document.documentElement.clientWidth;
    const vh = document.documentElement.clientHeight;
    for (const el of document.querySelectorAll<HTMLElement>('button, select, input, textarea, a[href], [role="tab"], [role="slider"]')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      if (el.closest('.svelte-flow__minimap, .svelte-flow__panel') && !el.closest('.svelte-flow__controls')) continue;
      // in a scroll container, an action scrolled out of view along its scroll axis is reachable: only sideways page overflow counts
      if (r.right > vw + 1 || r.left < -1) {
        problems.push(`${describe(el)} is off screen sideways (${Math.round(r.left)}–${Math.round(r.right)} of ${vw})`);
        continue;
      }
      if (r.top < 0 || r.bottom > vh) continue;
      let clipped = false;
      for (let p = el.parentElement; p; p = p.parentElement) {
        const s = getComputedStyle(p);
        if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
        const pr = p.getBoundingClientRect();
        const cx = r.left + r.width / 2;
        const cy = r.top + r.height / 2;
        // hidden sideways (a top bar or toolbar that scrolls): not on screen; scrolled out vertically: reachable by scrolling
        if ((cx < pr.left || cx > pr.right) && !p.matches('.svelte-flow, .svelte-flow *, .scroll, .table-wrap, .tab-panel')) problems.push(`${describe(el)} is hidden sideways in ${describe(p)}`);
        if (cy < pr.top || cy > pr.bottom || cx < pr.left || cx > pr.right) clipped = true;
      }
      if (clipped) continue;
      const x = Math.min(vw - 1, Math.max(0, r.left + r.width / 2));
      const y = Math.min(vh - 1, Math.max(0, r.top + r.height / 2));
      const hit = document.elementFromPoint(x, y);
      if (hit && hit !== el && !el.contains(hit) && !(el instanceof HTMLInputElement && el.labels && [...el.labels].some((l) => l.contains(hit)))) problems.push(`${describe(el)} is covered by ${describe(hit)}`);
    }
    return problems;
  });
}

/** Text whose contrast with what is behind it is below 4.5:1 (WCAG AA), disabled controls aside. */
function contrastProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const parse = (c: string): [number, number, number, number] | undefined => {
      const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(c);
      return m ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])] : undefined;
    };
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    /** The opaque colour behind an element: its and its ancestors' backgrounds blended. */
    const behind = (el: Element): number[] => {
      const layers: [number, number, number, number][] = [];
      for (let e: Element | null = el; e; e = e.parentElement) {
        const bg = parse(getComputedStyle(e).backgroundColor);
        if (bg && bg[3] > 0) {
          layers.push(bg);
          if (bg[3] >= 1) break;
        }
      }
      let color = [17, 20, 24];
      for (const [r, g, b, a] of layers.reverse()) color = [r * a + color[0] * (1 - a), g * a + color[1] * (1 - a), b * a + color[2] * (1 - a)];
      return color;
    };
    const problems = new Set<string>();
    const walker = document.createTreeWalker(document.querySelector('.shell') ?? document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = (n.textContent ?? '').trim();
      const el = n.parentElement;
      if (!text || !el || el.closest('[disabled], :disabled, [aria-hidden="true"], .svelte-flow__attribution, option')) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none' || el.getClientRects().length === 0) continue;
      const fg = parse(el instanceof SVGElement ? style.fill : style.color);
      if (!fg) continue;
      const bg = behind(el instanceof SVGElement ? (el.closest('svg')?.parentElement ?? el) : el);
      const blended = [fg[0] * fg[3] + bg[0] * (1 - fg[3]), fg[1] * fg[3] + bg[1] * (1 - fg[3]), fg[2] * fg[3] + bg[2] * (1 - fg[3])];
      const [hi, lo] = [lum(blended), lum(bg)].sort((a, b) => b - a);
      const ratio = (hi + 0.05) / (lo + 0.05);
      if (ratio < 4.5) problems.add(`"${text.slice(0, 24)}" ${ratio.toFixed(2)}:1 (${style.color} on rgb(${bg.map(Math.round).join(',')}))`);
    }
    return [...problems];
  });
}

for (const size of SIZES) {
  test(`every view fits ${size.width}×${size.height} with the lesson open`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(size);
    await openSampleAndRun(page, /^Flash sale/);
    await expect(page.getByRole('complementary', { name: 'Lesson' })).toBeVisible();
    // the checker itself: a dim line on the page background is caught
    await page.evaluate(() => {
      const probe = document.createElement('p');
      probe.id = 'contrast-probe';
      probe.textContent = 'dim probe';
      probe.style.color = '#444a52';
      document.querySelector('main')!.prepend(probe);
    });
    expect((await contrastProblems(page)).some((p) => p.startsWith('"dim probe"'))).toBe(true);
    await page.evaluate(() => document.getElementById('contrast-probe')?.remove());
    const all: string[] = [];
    for (const name of VIEWS) {
      await views(page).getByRole('button', { name, exact: true }).click();
      await expect(views(page).getByRole('button', { name, exact: true })).toHaveAttribute('aria-current', 'page');
      await page.waitForTimeout(250); // charts and the graph measure themselves
      await page.screenshot({ path: `test-results/screenshots/layout-${size.width}-${name.replace(/\W+/g, '-').toLowerCase()}.png` });
      for (const p of await layoutProblems(page)) all.push(`${name}: ${p}`);
      for (const p of await contrastProblems(page)) all.push(`${name}: contrast ${p}`);
      if (name === 'Scenario') {
        // after a dry run too (its outcome once pushed the pane sideways)
        await page.getByRole('region', { name: 'Command tree' }).getByRole('treeitem', { name: /^PlaceOrder/ }).click();
        await page.getByRole('button', { name: 'Dry run' }).click();
        await expect(page.getByRole('region', { name: 'Decision' }).getByRole('status')).toContainText('would be');
        await page.screenshot({ path: `test-results/screenshots/layout-${size.width}-dry-run.png` });
        for (const p of await layoutProblems(page)) all.push(`${name} after a dry run: ${p}`);
      }
    }
    expect(all).toEqual([]);
  });
}

test('at 1280×720 with the lesson open, nothing decided yet leaves the Scenario view\'s height to the command tree', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openSampleAndRun(page, /^Composable commands/);
  await views(page).getByRole('button', { name: 'Scenario' }).click();
  const tree = page.getByRole('tree');
  // the nested all-or-nothing batch, the tree's eighth row, is on screen without scrolling
  await expect(tree.getByRole('treeitem', { name: /^Batch, all-or-nothing/ })).toBeInViewport();
  await expect(page.getByRole('region', { name: 'Decision' })).toContainText('Nothing decided yet');
  // a dry run's result takes the room it needs again
  await tree.getByRole('treeitem', { name: /^AddProfile/ }).first().click();
  await page.getByRole('button', { name: 'Dry run' }).click();
  const decision = page.getByRole('region', { name: 'Decision' });
  await expect(decision).toContainText('would be accepted');
  expect((await decision.boundingBox())!.height).toBeGreaterThan(150);
});

for (const size of SIZES) {
  test(`at ${size.width}×${size.height}, History's change at a step that adds a whole aggregate wraps inside its pane, one pane and two`, async ({ page }) => {
    await page.setViewportSize(size);
    await openSampleAndRun(page, /^Flash sale/);
    await views(page).getByRole('button', { name: 'History', exact: true }).click();
    const history = page.getByRole('region', { name: 'State history' });
    await history.getByRole('tab', { name: '8 workers' }).click();
    // the first order placed: its step adds the order's whole aggregate, one long JSON value
    const status = history.getByRole('status').first();
    for (let i = 0; i < 6 && !/OrderPlaced/.test((await status.textContent()) ?? ''); i++) await history.getByRole('button', { name: 'Next step' }).first().click();
    await expect(status).toContainText('OrderPlaced');
    const change = history.locator('.pane', { hasText: 'Change at this step' }).first();
    const added = change.locator('.ops .after');
    await expect(added).toContainText('"customerId"');
    for (const panes of ['one', 'two']) {
      if (panes === 'two') {
        await page.getByRole('combobox', { name: 'Beside' }).selectOption('one queue');
        await expect(page.getByRole('region', { name: 'State history of 8 workers', exact: true })).toBeVisible();
      }
      await change.scrollIntoViewIfNeeded();
      const box = (await change.boundingBox())!;
      const value = (await added.boundingBox())!;
      expect(value.x + value.width).toBeLessThanOrEqual(box.x + box.width);
      expect(await change.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(1);
      expect(await layoutProblems(page)).toEqual([]);
      await page.screenshot({ path: `test-results/screenshots/history-change-wraps-${panes}-${size.width}.png` });
    }
  });

  test(`at ${size.width}×${size.height} with the lesson folded, the graph's groups show whole beside a node's details, their second lines uncut, full names in their tooltips`, async ({ page }) => {
    await page.setViewportSize(size);
    await runNotifierOnly(page);
    await page.getByRole('complementary', { name: 'Lesson' }).getByRole('button', { name: 'Fold the lesson' }).click();
    await views(page).getByRole('button', { name: 'Graph', exact: true }).click();
    const graph = page.getByRole('region', { name: 'Causation graph' });
    await graph.getByRole('tab', { name: '8 workers' }).click();
    await graph.getByRole('group', { name: /PlaceOrder/ }).first().click();
    await expect(graph.getByRole('complementary', { name: 'Node details' })).toContainText('PlaceOrder');
    const canvas = (await graph.locator('.svelte-flow').boundingBox())!;
    for (const name of ['state', 'notifier']) {
      const node = graph.locator('.flow-node.kind-group', { has: page.locator('.label', { hasText: new RegExp(`^${name} ×`) }) });
      await expect(node).toHaveCount(1);
      await expect(node).toHaveAttribute('title', new RegExp(`^${name} ×[\\d,]+ — enactment`));
      await expect(node.locator('.label')).not.toContainText('…');
      const box = (await node.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(canvas.x + canvas.width);
    }
    // each group's second line whole, the notifier's failures counted before where they are from
    await expect(graph.locator('.flow-node.kind-group', { has: page.locator('.label', { hasText: /^notifier ×/ }) }).locator('.sub')).toHaveText(/^enactment · \d+ failed · from PlaceOrder$/);
    const cut = await graph.locator('.flow-node.kind-group .sub').evaluateAll((subs) => subs.filter((s) => s.scrollWidth > s.clientWidth).map((s) => s.textContent));
    expect(cut).toEqual([]);
    await page.screenshot({ path: `test-results/screenshots/graph-groups-lesson-folded-${size.width}.png` });
  });
}
