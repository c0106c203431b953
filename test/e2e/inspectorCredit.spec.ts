/**
 * The Logs view over the trial's credit log (an Emmett-shaped log with a duplicate id, gaps,
 * time reversals, an unknown type, invalid data and a malformed line) read with its domain
 * module, credit.ts: the records table and a record's details, and the Summary's anomalies.
 * Screenshots at 1280×720 and 1440×900 in test-results/screenshots/.
 */
import { test, expect, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { views } from './flows';
import { openModule } from './libraryModule';

const FOLDER = 'test/fixtures/modules/credit';

/** Opens credit.ts, then the credit log read with it; resolves to the Logs view once it is inspected. */
async function creditLog(page: Page): Promise<Locator> {
  await page.goto('/');
  await openModule(page, 'credit.ts', readFileSync(join(FOLDER, 'credit.ts'), 'utf8'), 'Credit limits');
  await views(page).getByRole('button', { name: 'Logs' }).click();
  const logs = page.getByRole('region', { name: 'Logs', exact: true });
  await logs.getByLabel('Domain', { exact: true }).selectOption('credit.ts');
  await logs.getByLabel('Log file').setInputFiles(join(FOLDER, 'credit-emmett.jsonl'));
  await expect(logs.getByRole('status').filter({ hasText: 'violations' })).toContainText('7 invariant violations and 9 anomalies in 83 events', { timeout: 30_000 });
  return logs;
}

async function screenshots(page: Page, name: string): Promise<void> {
  for (const [width, height] of [[1280, 720], [1440, 900]]) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `test-results/screenshots/logs-credit-${name}-${width}.png` });
  }
}

test('Go to record selects the record it lands on and shows it in the details, as a click on its row does', async ({ page }) => {
  const logs = await creditLog(page);
  await logs.getByRole('tab', { name: 'Records' }).click();
  const records = logs.getByRole('region', { name: 'Records of the log' });
  const details = logs.getByRole('complementary', { name: 'Record details' });
  // the trial's steps: record 45 selected first, then Go to record 74
  await records.getByLabel('Go to record').fill('45');
  await records.getByRole('button', { name: 'Go to record' }).click();
  await expect(details.getByRole('heading', { level: 3 })).toContainText('Record #45');
  await records.getByLabel('Go to record').fill('74');
  await records.getByRole('button', { name: 'Go to record' }).click();
  await expect(records.locator('.row.hl')).toHaveAttribute('aria-rowindex', '75');
  await expect(records.locator('.row.selected')).toHaveAttribute('aria-rowindex', '75');
  await expect(details.getByRole('heading', { level: 3 })).toContainText('Record #74 on line 74');
  await expect(details).toContainText('Why it was not read');
  await expect(details).toContainText('not JSON');
  await screenshots(page, 'goto74');
});

test('rows whose event broke an invariant carry the ⚠ marker, named by the invariant; anomaly rows by their kind', async ({ page }) => {
  const logs = await creditLog(page);
  await logs.getByRole('tab', { name: 'Records' }).click();
  const records = logs.getByRole('region', { name: 'Records of the log' });
  const row = (n: number) => records.locator(`.row[aria-rowindex="${n + 1}"]`);
  await records.getByLabel('Go to record').fill('45');
  await records.getByRole('button', { name: 'Go to record' }).click();
  // the violations at lines 45 and 49, an anomaly at 54, none at 46
  await expect(row(45).getByRole('img', { name: '⚠ broke within-credit-limit' })).toBeVisible();
  await expect(row(45).getByRole('gridcell').first()).toHaveAttribute('title', 'broke within-credit-limit');
  await expect(row(49).getByRole('img', { name: '⚠ broke non-negative-outstanding' })).toBeVisible();
  await expect(row(54).getByRole('img', { name: '⚠ time-reversal' })).toBeVisible();
  await expect(row(46).getByRole('img')).toHaveCount(0);
  // every violation of the report is marked: seven rows say "broke"
  await records.getByLabel('Go to record').fill('1');
  await records.getByRole('button', { name: 'Go to record' }).click();
  await expect(row(14).getByRole('img', { name: '⚠ broke non-negative-outstanding' })).toBeVisible();
  await expect(row(25).getByRole('img', { name: '⚠ broke non-negative-outstanding' })).toBeVisible();
  await records.getByLabel('Go to record').fill('45');
  await records.getByRole('button', { name: 'Go to record' }).click();
  await screenshots(page, 'marks');
});

test("a duplicate row's details name its duplicate-id anomaly and say it was not replayed, the stream shown once as it stayed", async ({ page }) => {
  const logs = await creditLog(page);
  // from the Summary's anomaly, as the trial went: line 29
  await logs.getByRole('region', { name: 'Anomalies' }).getByRole('button', { name: 'line 29' }).click();
  const details = logs.getByRole('complementary', { name: 'Record details' });
  await expect(details.getByRole('heading', { level: 3 })).toContainText('Record #29 on line 29');
  const anomalies = details.getByRole('list', { name: 'Anomalies of this record' });
  await expect(anomalies).toHaveText(/^⚠ duplicate-id\s*event id "00000000-0000-4000-8000-000000000005" appeared before with different content; not replayed again$/);
  await expect(details).toContainText('Stream customer:initech', { timeout: 15_000 });
  await expect(details).toContainText('Not replayed: the stream stays as it was.');
  await expect(details.getByLabel('The stream as it was')).toContainText('"orders": 7');
  await expect(details.getByText('before', { exact: true })).toHaveCount(0);
  await screenshots(page, 'duplicate29');
  // a record that was replayed still shows its stream before and after it
  const records = logs.getByRole('region', { name: 'Records of the log' });
  // line 39: a real gap (globex 12 is missing), after the duplicate whose position 9 no longer makes line 30 one
  await records.locator('.row[aria-rowindex="40"]').click();
  await expect(details.getByRole('heading', { level: 3 })).toContainText('Record #39');
  await expect(details.getByRole('list', { name: 'Anomalies of this record' })).toContainText('gap');
  await expect(details.getByText('before', { exact: true })).toBeVisible();
  await expect(details).not.toContainText('Not replayed');
});

test("the Summary's Anomalies card shows every kind at a glance with its count, and grows with the page: no scroll box, no row cut", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const logs = await creditLog(page);
  const card = logs.getByRole('region', { name: 'Anomalies' });
  const kinds = card.getByRole('group', { name: 'Anomalies by kind' });
  await expect(kinds).toHaveText(/^malformed 1\s*unknown-type 1\s*invalid-data 1\s*duplicate-id 2\s*gap 1\s*time-reversal 3$/);
  // the kinds fit in the window without scrolling
  const box = await kinds.boundingBox();
  expect(box!.y + box!.height).toBeLessThanOrEqual(720);
  for (const [kind, records] of [['malformed', 1], ['unknown-type', 1], ['invalid-data', 1], ['duplicate-id', 2], ['gap', 1], ['time-reversal', 3]] as const)
    await expect(card.getByRole('group', { name: `${kind}: ${records} record${records === 1 ? '' : 's'}` }).getByRole('listitem')).toHaveCount(records);
  // nothing in the card scrolls within it: every entry is whole
  const clipped = await card.evaluate((el) => [el, ...el.querySelectorAll('*')].filter((e) => e.scrollHeight > e.clientHeight + 1 && getComputedStyle(e).overflowY !== 'visible').length);
  expect(clipped).toBe(0);
  await screenshots(page, 'anomalies');
  await page.setViewportSize({ width: 1280, height: 720 });
  // a kind's pill shows its entries; a line link lands on the record
  await kinds.getByRole('button', { name: /time-reversal/ }).click();
  const reversals = card.getByRole('group', { name: 'time-reversal: 3 records' });
  await expect(reversals).toBeFocused();
  await expect(reversals).toBeInViewport();
  await page.screenshot({ path: 'test-results/screenshots/logs-credit-anomalies-scrolled-1280.png' });
  await reversals.getByRole('button', { name: 'line 56' }).click();
  await expect(logs.getByRole('complementary', { name: 'Record details' }).getByRole('heading', { level: 3 })).toContainText('Record #56');
});

test("a kind with many anomalies shows its first few in the card and the rest on asking", async ({ page }) => {
  await page.goto('/');
  await views(page).getByRole('button', { name: 'Logs' }).click();
  const logs = page.getByRole('region', { name: 'Logs', exact: true });
  // the credit log's first record, written again at every other stream position: a gap before each but the first
  const first = JSON.parse(readFileSync(join(FOLDER, 'credit-emmett.jsonl'), 'utf8').split('\n')[0]) as Record<string, unknown>;
  const lines = Array.from({ length: 8 }, (_, i) => JSON.stringify({ ...first, stream_position: 1 + 2 * i, global_position: 1001 + i, message_id: `00000000-0000-4000-8000-00000000010${i}` }));
  await logs.getByLabel('Log file').setInputFiles({ name: 'gaps.jsonl', mimeType: 'text/plain', buffer: Buffer.from(lines.join('\n')) });
  await expect(logs.getByRole('status')).toContainText('7 anomalies in 8 events', { timeout: 20_000 });
  const gaps = logs.getByRole('region', { name: 'Anomalies' }).getByRole('group', { name: 'gap: 7 records' });
  await expect(gaps.getByRole('listitem')).toHaveCount(4);
  await gaps.getByRole('button', { name: 'Show 3 more gap' }).click();
  await expect(gaps.getByRole('listitem')).toHaveCount(7);
  await expect(gaps.getByRole('listitem').last()).toContainText('line 8');
});
