import { readFileSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { views } from './flows';

const bank = readFileSync(new URL('../../samples/domains/bank.ts', import.meta.url), 'utf8');
/** The bank with one rule changed: no overdraft at all (a withdrawal may take only the balance). */
const strictBank = bank.replace('const available = (account: Account) => account.balance + account.overdraftLimit;', 'const available = (account: Account) => account.balance;');

const moduleFile = (text: string) => ({ name: 'bank.ts', mimeType: 'text/plain', buffer: Buffer.from(text) });

async function trust(page: Page): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Run bank.ts?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('sandboxed worker');
  await dialog.getByRole('button', { name: 'Trust and run' }).click();
  await expect(dialog).toBeHidden();
}

test('open the bank module, trust it, build a scenario with its forms, run it, reload an edited module and see the Rule change', async ({ page }) => {
  test.setTimeout(120_000);
  expect(strictBank).not.toBe(bank);
  await page.goto('/');
  await views(page).getByRole('button', { name: 'Domains' }).click();
  const domains = page.getByRole('region', { name: 'Domains' });
  await expect(domains).toContainText('No module open');
  await page.getByLabel('Domain module file').first().setInputFiles(moduleFile(bank));
  await trust(page);
  const card = domains.getByRole('article', { name: 'Domain Bank' });
  await expect(card).toBeVisible({ timeout: 30_000 });
  await expect(card).toContainText('Withdraw');
  await expect(card).toContainText('within-overdraft-limit');
  await page.screenshot({ path: 'test-results/screenshots/module-domains.png', fullPage: true });

  // a scenario built with the module's forms
  await card.getByRole('button', { name: 'New scenario' }).click();
  const tools = page.getByRole('toolbar', { name: 'Command tree tools' });
  await tools.getByLabel('Command type').selectOption('OpenAccount');
  await tools.getByRole('button', { name: 'Add command' }).click();
  await page.getByRole('textbox', { name: 'accountId *' }).fill('a1');
  await page.getByRole('textbox', { name: 'owner *' }).fill('ada');
  await page.getByRole('spinbutton', { name: 'overdraftLimit' }).fill('100');
  await tools.getByLabel('Command type').selectOption('Withdraw');
  await tools.getByRole('button', { name: 'Add command' }).click();
  await page.getByRole('textbox', { name: 'accountId *' }).fill('a1');
  await page.getByRole('spinbutton', { name: 'amount *' }).fill('50');
  await page.screenshot({ path: 'test-results/screenshots/module-editor.png' });

  await views(page).getByRole('button', { name: 'Runs', exact: true }).click();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Runs' })).toContainText(/Ran 1 run/, { timeout: 30_000 });

  // Copy as test on a history step: the decision as a given/when/then test and an Emmett one
  await views(page).getByRole('button', { name: 'History' }).click();
  const copy = page.getByRole('group', { name: 'Copy c2 as a test' });
  await copy.getByRole('button', { name: 'Purestream' }).click();
  const purestreamTest = page.getByLabel('Purestream test');
  await expect(purestreamTest).toContainText("import bank from \"./bank\";");
  await expect(purestreamTest).toContainText('given(bank, [');
  await expect(purestreamTest).toContainText('"type":"AccountOpened"');
  await expect(purestreamTest).toContainText('.when({"id":"c2","type":"Withdraw","data":{"accountId":"a1","amount":50}');
  await expect(purestreamTest).toContainText('.then([');
  await expect(purestreamTest).toContainText('{"type":"MoneyWithdrawn","data":{"accountId":"a1","amount":50}}');
  await copy.getByRole('button', { name: 'Emmett' }).click();
  await expect(page.getByLabel('Emmett test')).toContainText('DeciderSpecification.for(asEmmettDecider(bank))');
  await page.screenshot({ path: 'test-results/screenshots/module-copy-as-test.png' });

  // the rules change: the module is read again (here picked again: no file handle) and trusted again
  await views(page).getByRole('button', { name: 'Domains' }).click();
  const chooser = page.waitForEvent('filechooser');
  await card.getByRole('button', { name: 'Reload' }).click();
  await (await chooser).setFiles(moduleFile(strictBank));
  await trust(page);
  const rules = page.getByRole('region', { name: 'Rule change' });
  await expect(rules.getByRole('article', { name: 'Run one queue' })).toBeVisible({ timeout: 30_000 });
  await expect(rules).toContainText('1 of 2 commands decided differently');
  const changed = rules.getByRole('table', { name: 'Changed decisions of one queue' });
  await expect(changed).toContainText('MoneyWithdrawn');
  await expect(changed).toContainText('rejected: insufficient-funds');
  await page.screenshot({ path: 'test-results/screenshots/module-rule-change.png', fullPage: true });
});
