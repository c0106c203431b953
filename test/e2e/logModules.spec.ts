import { test, expect, type Page } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { views } from './flows';

/** Rows of Marten's mt_events from a library: books added, lent and returned (their types in snake case). */
const martenRows = (rows: readonly (readonly [type: string, book: string, member?: string])[]) => {
  const versions = new Map<string, number>();
  return rows
    .map(([type, book, member], i) => {
      const version = (versions.get(book) ?? 0) + 1;
      versions.set(book, version);
      return JSON.stringify({
        seq_id: i + 1,
        id: `018f2a6e-0000-7000-8000-${String(i + 1).padStart(12, '0')}`,
        stream_id: `book-${book}`,
        version,
        data: { bookId: book, ...(member ? { member } : {}) },
        type,
        timestamp: `2026-03-0${1 + Math.floor(i / 4)}T10:0${i % 4}:00.000000+00:00`,
        correlation_id: null,
        causation_id: null,
        headers: null,
        is_archived: false,
      });
    })
    .join('\n');
};

/** Their types renamed to the library module's. */
const RENAMES = 'book_added = BookAdded\nbook_lent = BookLent\nbook_returned = BookReturned';

function logFile(name: string, text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'purestream-logmod-')), name);
  writeFileSync(file, text);
  return file;
}

async function openLogs(page: Page) {
  await page.goto('/');
  await views(page).getByRole('button', { name: 'Logs' }).click();
  return page.getByRole('region', { name: 'Logs', exact: true });
}

async function applyRenames(page: Page, renames: string): Promise<void> {
  const logs = page.getByRole('region', { name: 'Logs', exact: true });
  await logs.getByRole('button', { name: /Mapping/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Mapping' });
  await dialog.getByLabel('Type renames').fill(renames);
  await dialog.getByRole('button', { name: 'Apply and inspect' }).click();
  await expect(dialog).toBeHidden();
}

const library = martenRows([
  ['book_added', 'b1'],
  ['book_added', 'b2'],
  ['book_lent', 'b1', 'ada'],
  ['book_lent', 'b2', 'alan'],
  ['book_returned', 'b1'],
  ['book_lent', 'b2', 'grace'],
]);

test('a domain whose types the map does not name is not applied: the menu and "Read as" keep what is applied, and the problems are listed once each', async ({ page }) => {
  const logs = await openLogs(page);
  await logs.getByLabel('Log file').setInputFiles(logFile('library.mt_events.jsonl', library));
  await expect(logs.getByRole('status')).toContainText('6 events', { timeout: 20_000 });
  await applyRenames(page, RENAMES);
  const read = logs.getByRole('region', { name: 'How the log was read' });
  await expect(logs.getByRole('region', { name: 'Types' })).toContainText('BookLent', { timeout: 20_000 });

  await logs.getByLabel('Domain').selectOption('commerce');
  const alert = logs.getByRole('alert');
  await expect(alert).toContainText('Not read with Commerce: the map names event types commerce does not have', { timeout: 20_000 });
  await expect(alert).toContainText('The log below is still read as before.');
  // each problem an item of its own, the domain's event types once
  const items = alert.getByRole('listitem');
  await expect(items).toHaveCount(4);
  await expect(items.nth(0)).toHaveText('types."book_added": "BookAdded" is not an event type of commerce');
  await expect(items.nth(3)).toContainText("commerce's event types: ");
  expect(((await alert.textContent()) ?? '').match(/OrderPlaced/g)).toHaveLength(1);
  // what is applied, in the menu and in "Read as"
  await expect(logs.getByLabel('Domain')).toHaveValue('');
  await expect(read.locator('dd').nth(2)).toHaveText('none');
  await expect(logs.getByRole('region', { name: 'Types' })).toContainText('BookLent');
  await page.screenshot({ path: '/tmp/logmod-shots/failed-change-1440x900.png', fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.screenshot({ path: '/tmp/logmod-shots/failed-change-1280x720.png' });
  await page.screenshot({ path: '/tmp/logmod-shots/failed-change-1280x720-full.png', fullPage: true });

  // without the map, Commerce reads the log: the same problem on many records is said once, with its lines
  await applyRenames(page, '');
  await logs.getByLabel('Domain').selectOption('commerce');
  await expect(read.locator('dd').nth(2)).toHaveText('commerce', { timeout: 20_000 });
  const anomalies = logs.getByRole('region', { name: 'Anomalies' });
  const lent = anomalies.getByRole('listitem').filter({ hasText: 'book_lent' });
  await expect(lent).toHaveText(/^unknown-type 3 records: unknown event type "book_lent" for domain commerce .*\(lines 3, 4, 6\)$/);
  await expect(anomalies.getByRole('listitem')).toHaveCount(3);
  await lent.getByRole('button', { name: 'line 4' }).click();
  await expect(logs.getByRole('complementary', { name: 'Record details' })).toContainText('Record 4');
});
