/**
 * A graph node's details lead on, as a log record's do: "caused by" selects the cause (its group
 * opened), "correlation" the flow's first node, by keyboard. At 1280×720 a node's details leave
 * too little room beside the lesson for the Flash sale graph: the lesson folds until they close.
 */
import { expect, test, type Locator } from '@playwright/test';
import { openSampleAndRun, views } from './flows';

/** The graph's nodes cut at the canvas's left or right edge, and how many there are. */
function cutSideways(graph: Locator): Promise<{ nodes: number; cut: string[] }> {
  return graph.evaluate((el) => {
    const pane = el.querySelector('.svelte-flow')!.getBoundingClientRect();
    const nodes = [...el.querySelectorAll('.svelte-flow__node')];
    const cut = nodes.filter((n) => {
      const r = n.getBoundingClientRect();
      return r.left < pane.left - 1 || r.right > pane.right + 1;
    });
    return { nodes: nodes.length, cut: cut.map((n) => n.getAttribute('data-id') ?? '') };
  });
}

test('at 1280×720 with the lesson open, a node’s details fold the lesson so every column of the 8 workers graph shows; closing them brings it back, and unfolded by hand it stays', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openSampleAndRun(page, /^Flash sale/);
  await views(page).getByRole('button', { name: 'Graph', exact: true }).click();
  const graph = page.getByRole('region', { name: 'Causation graph' });
  await graph.getByRole('tab', { name: '8 workers' }).click();
  const lesson = page.getByRole('complementary', { name: 'Lesson' });
  await expect(lesson.getByRole('button', { name: 'Fold the lesson' })).toBeVisible();
  const details = graph.getByRole('complementary', { name: 'Node details' });

  await graph.getByRole('group', { name: /^Group RestockItem/ }).click();
  await expect(details).toContainText('RestockItem');
  await expect(lesson.getByRole('button', { name: 'Show the lesson' })).toBeVisible();
  // the last column (the consumer's enactments) whole in the pane, as the first
  const last = graph.locator('.svelte-flow__node[data-id^="group:enactment"]');
  await expect(last).toHaveCount(1);
  await expect.poll(() => cutSideways(graph)).toEqual({ nodes: 7, cut: [] });
  await page.screenshot({ path: 'test-results/screenshots/graph-details-lesson-folded-1280.png' });

  await details.getByRole('button', { name: 'Close details' }).click();
  await expect(lesson.getByRole('button', { name: 'Fold the lesson' })).toBeVisible();

  // unfolded by hand while the details are open: the user's choice holds
  await graph.getByRole('group', { name: /^Group RestockItem/ }).click();
  await lesson.getByRole('button', { name: 'Show the lesson' }).click();
  await expect(lesson.getByRole('button', { name: 'Fold the lesson' })).toBeVisible();
  await graph.getByRole('group', { name: /^Group PlaceOrder/ }).click();
  await expect(details).toContainText('PlaceOrder');
  await expect(lesson.getByRole('button', { name: 'Fold the lesson' })).toBeVisible();
});

test('a node’s “caused by” and “correlation” are buttons: Enter selects its cause, opening the group that holds it, and the first node of its flow', async ({ page }) => {
  await openSampleAndRun(page, /^Flash sale/);
  await views(page).getByRole('button', { name: 'Graph', exact: true }).click();
  const graph = page.getByRole('region', { name: 'Causation graph' });
  await graph.getByRole('tab', { name: '8 workers' }).click();
  const details = graph.getByRole('complementary', { name: 'Node details' });
  const selected = graph.locator('.svelte-flow__node.selected');

  // the consumer's enactments: each one's details are its event's, caused by a command in the PlaceOrder group
  await graph.getByRole('group', { name: /^Group state/ }).click();
  await details.getByRole('button', { name: /^Show these/ }).click();
  await expect(graph.getByText(/^Showing/)).toContainText('state');
  await graph.locator('.svelte-flow__node[data-id^="act:state:"]').first().click();
  const cause = details.getByRole('button', { name: /^c\d+: select its cause, Command PlaceOrder c\d+, accepted$/ });
  await expect(cause).toBeVisible();
  const commandId = (await cause.textContent())!.trim();
  await cause.focus();
  await page.keyboard.press('Enter');
  // the command's group opened, the command selected, its details shown
  await expect(graph.getByText(/^Showing/)).toContainText('PlaceOrder');
  await expect(selected).toHaveAttribute('data-id', `cmd:${commandId}`);
  await expect(selected).toBeInViewport();
  await expect(details.getByRole('heading', { name: 'PlaceOrder' })).toBeVisible();

  // one of the command's events: its flow is the command's, started by it
  await graph.locator(`.svelte-flow__node[data-id^="ev:"]`).first().click();
  const flow = details.getByRole('button', { name: /^c\d+ · its first node: select Command PlaceOrder c\d+, accepted$/ });
  await expect(flow).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/graph-details-links.png' });
  const correlation = (await flow.textContent())!.replace('· its first node', '').trim();
  await flow.focus();
  await page.keyboard.press('Enter');
  await expect(selected).toHaveAttribute('data-id', `cmd:${correlation}`);
  await expect(details.getByRole('heading', { name: 'PlaceOrder' })).toBeVisible();
});
