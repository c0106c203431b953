/** Counts that must agree between views: enactments and steps, events with and without setup, a log's records. */
import { expect, test } from '@playwright/test';
import { openSampleAndRun, svelteWarnings, views } from './flows';

// nothing Svelte warns about in the console along the way
let warnings: string[] = [];
test.beforeEach(({ page }) => {
  warnings = svelteWarnings(page);
});
test.afterEach(() => expect(warnings).toEqual([]));

const number = (text: string | null): number => Number((text ?? '').replace(/,/g, ''));

test('History counts its steps as it counts its enactments; Metrics and the Event log agree on a run’s events', async ({ page }) => {
  await openSampleAndRun(page, /^Decoupled uptime/);

  await views(page).getByRole('button', { name: 'History' }).click();
  const history = page.getByRole('region', { name: 'State history' });
  await history.getByRole('tab', { name: 'flaky + retries' }).click();
  const enactments = number(/([\d,]+) enactments/.exec((await history.getByText(/[\d,]+ enactments · /).textContent()) ?? '')?.[1] ?? null);
  expect(enactments).toBeGreaterThan(1);
  await history.getByRole('button', { name: 'the end of the run' }).click();
  await expect(history.getByRole('status')).toContainText(`Step ${enactments.toLocaleString('en')} of ${enactments.toLocaleString('en')}`);
  await history.getByRole('button', { name: 'Previous step' }).click();
  await expect(history.getByRole('status')).toContainText(`Step ${(enactments - 1).toLocaleString('en')} of ${enactments.toLocaleString('en')}`);
  await expect(history.getByRole('slider', { name: 'History position' })).toHaveAttribute('aria-valuetext', `step ${(enactments - 1).toLocaleString('en')} of ${enactments.toLocaleString('en')}`);

  // Metrics counts the commands' events and says how many the setup added; the Event log holds both
  await views(page).getByRole('button', { name: 'Metrics' }).click();
  const metrics = page.getByRole('region', { name: 'Metrics' });
  const cell = metrics.getByRole('row', { name: /^Events/ }).getByRole('cell').first();
  await expect(cell).toHaveText(/^\d+ \(\+\d+ setup\)$/);
  const [, decided, setup] = /^(\d+) \(\+(\d+) setup\)$/.exec((await cell.textContent()) ?? '')!;
  await views(page).getByRole('button', { name: 'Event log' }).click();
  const log = page.getByRole('region', { name: 'Events of flaky + retries' });
  await expect(log.locator('.count')).toHaveText(`${Number(decided) + Number(setup)} events`);
});

test('Workspace counts a stored log in records, as the Logs view does', async ({ page }) => {
  await page.goto('/');
  await views(page).getByRole('button', { name: 'Logs' }).click();
  const logs = page.getByRole('region', { name: 'Logs', exact: true });
  await logs.getByRole('button', { name: 'Open sample log' }).click();
  await expect(logs.getByRole('status')).toContainText('1 invariant violation', { timeout: 20_000 });
  await logs.getByRole('tab', { name: 'Records' }).click();
  const count = logs.getByRole('region', { name: 'Records of the log' }).locator('.count');
  // the table counts as it loads ("0 records …"): its final count has no ellipsis
  await expect(count).toHaveText(/^\s*[1-9][\d,]* records\s*$/, { timeout: 20_000 });
  const records = (await count.textContent())!.trim();
  await views(page).getByRole('button', { name: 'Workspace' }).click();
  await expect(page.getByRole('region', { name: 'Logs', exact: true }).getByRole('listitem').first()).toContainText(records);
});
