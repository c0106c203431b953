/**
 * Every view at 1280×720 and 1440×900, with a sample's lesson open beside it: nothing is wider
 * than its pane (no sideways scrolling), and every action is on screen and not covered by
 * anything (checked at its centre with elementFromPoint).
 */
import { expect, test, type Page } from '@playwright/test';
import { openSampleAndRun, views } from './flows';

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

for (const size of SIZES) {
  test(`every view fits ${size.width}×${size.height} with the lesson open`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(size);
    await openSampleAndRun(page, /^Flash sale/);
    await expect(page.getByRole('complementary', { name: 'Lesson' })).toBeVisible();
    const all: string[] = [];
    for (const name of VIEWS) {
      await views(page).getByRole('button', { name, exact: true }).click();
      await expect(views(page).getByRole('button', { name, exact: true })).toHaveAttribute('aria-current', 'page');
      await page.waitForTimeout(250); // charts and the graph measure themselves
      await page.screenshot({ path: `test-results/screenshots/layout-${size.width}-${name.replace(/\W+/g, '-').toLowerCase()}.png` });
      for (const p of await layoutProblems(page)) all.push(`${name}: ${p}`);
    }
    expect(all).toEqual([]);
  });
}
