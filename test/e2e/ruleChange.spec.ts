import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { views } from './flows';

const bank = readFileSync(new URL('../../samples/domains/bank.ts', import.meta.url), 'utf8');
/** The bank with one rule loosened: 50 more than balance and overdraft may be paid out (an overdraft past its limit). */
const looseBank = bank.replace('const available = (account: Account) => account.balance + account.overdraftLimit;', 'const available = (account: Account) => account.balance + account.overdraftLimit + 50;');

/** The colours of app.css: --bad, --ok, --warn. */
const BAD = 'rgb(244, 126, 120)';
const WARN = 'rgb(230, 180, 80)';

test('Rule change colours each delta by whether it is better or worse for its metric, and names each changed command by its type and data', async ({ page }) => {
  test.setTimeout(120_000);
  expect(looseBank).not.toBe(bank);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  await page.getByRole('region', { name: 'Bring your own rules' }).getByRole('button', { name: 'Bring your own rules: a bank with overdrafts' }).click();
  await page.getByRole('dialog', { name: 'Run bank.ts?' }).getByRole('button', { name: 'Trust and run' }).click();
  await expect(page.getByRole('main').getByRole('heading', { level: 2, name: 'Bring your own rules: a bank with overdrafts' })).toBeVisible({ timeout: 30_000 });
  await views(page).getByRole('button', { name: 'Runs', exact: true }).click();
  await page.getByRole('region', { name: 'Runs' }).getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Runs' })).toContainText(/Ran 4 runs/, { timeout: 30_000 });

  await views(page).getByRole('button', { name: 'Domains' }).click();
  const card = page.getByRole('region', { name: 'Domains' }).getByRole('article', { name: 'Domain Bank' });
  const chooser = page.waitForEvent('filechooser');
  await card.getByRole('button', { name: 'Reload' }).click();
  await (await chooser).setFiles({ name: 'bank.ts', mimeType: 'text/plain', buffer: Buffer.from(looseBank) });
  await page.getByRole('dialog', { name: 'Run bank.ts?' }).getByRole('button', { name: 'Trust and run' }).click();

  const rules = page.getByRole('region', { name: 'Rule change' });
  const run = rules.getByRole('article', { name: 'Run one queue' });
  await expect(run).toContainText('5 of 45 commands decided differently', { timeout: 30_000 });
  const delta = (metric: string) => run.getByRole('table', { name: 'Metric deltas of one queue' }).getByRole('row').filter({ has: page.getByRole('cell', { name: metric, exact: true }) }).getByRole('cell').last();
  // more violations and a longer latency are worse; fewer rejections and more accepted only a change (a rejection is the rules at work)
  await expect(delta('Invariant violations')).toHaveText('+1');
  await expect(delta('Invariant violations')).toHaveCSS('color', BAD);
  await expect(delta('Enact latency p95')).toHaveText('+16 ms');
  await expect(delta('Enact latency p95')).toHaveCSS('color', BAD);
  await expect(delta('Rejected')).toHaveText('-5');
  await expect(delta('Rejected')).toHaveCSS('color', WARN);
  await expect(delta('Rejected: insufficient-funds')).toHaveCSS('color', WARN);
  await expect(delta('Accepted')).toHaveText('+5');
  await expect(delta('Accepted')).toHaveCSS('color', WARN);

  // each changed command by its id, type and a short form of its data (as the Event table's rows)
  const changed = run.getByRole('table', { name: 'Changed decisions of one queue' });
  await expect(changed.getByRole('columnheader')).toHaveText(['command', 'type', 'data', 'old rules decided', 'new rules decide']);
  await expect(changed.getByRole('row').nth(1).getByRole('cell')).toHaveText(['c36', 'Withdraw', 'accountId=a1 amount=10', 'rejected: insufficient-funds', 'MoneyWithdrawn']);
  await page.screenshot({ path: 'test-results/screenshots/rule-change-1280.png' });
});
