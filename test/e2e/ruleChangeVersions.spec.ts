/**
 * The Rule change across several reloads of one module (a teacher's trial): the failure shown is
 * that of the version compared now, named as the rules before or after the change, and it clears
 * once the new rules run; a change that keeps every decision but folds the events into another
 * final state says so, and its "final state differs" opens the two final states. Each side is
 * named by its short content hash (as the trust prompt shows it) and load time; once a version
 * that stopped is fixed, the new rules running leads and the failure before is a muted note.
 */
import { test, expect, type Page } from '@playwright/test';
import { views } from './flows';
import { js } from './moduleFlows';

/** Library loans: copies of a book lent to members; `timesLent` counts the loans (no decision reads it). */
const LIBRARY = `import { accept, reject } from 'purestream/domain';
const stream = (isbn) => 'book:' + isbn;
const loan = { type: 'object', properties: { isbn: { type: 'string' }, member: { type: 'string' } }, required: ['isbn', 'member'] };
export default {
  id: 'library',
  title: 'Library loans',
  decide(command, state) {
    const book = state.get(stream(command.data.isbn));
    switch (command.type) {
      case 'AddCopy': return accept({ type: 'CopyAdded', data: { isbn: command.data.isbn } });
      case 'Borrow':
        if (!book || book.onLoan >= book.copies) return reject('no-copy-left', 'all copies are out');
        return accept({ type: 'BookLent', data: { isbn: command.data.isbn, member: command.data.member } });
      case 'Return':
        if (!book || !book.borrowers.includes(command.data.member)) return reject('not-borrowed', command.data.member + ' does not have it');
        return accept({ type: 'BookReturned', data: { isbn: command.data.isbn, member: command.data.member } });
    }
  },
  evolve(book, event) {
    const b = book ?? { copies: 0, onLoan: 0, timesLent: 0, borrowers: [] };
    switch (event.type) {
      case 'CopyAdded': return { ...b, copies: b.copies + 1 };
      case 'BookLent': return { ...b, onLoan: b.onLoan + 1, timesLent: b.timesLent + 1, borrowers: [...b.borrowers, event.data.member] };
      case 'BookReturned': return { ...b, onLoan: b.onLoan - 1, borrowers: b.borrowers.filter((m) => m !== event.data.member) };
    }
  },
  streamOf: (event) => stream(event.data.isbn),
  partitionKey: (command) => stream(command.data.isbn),
  commandSchemas: { AddCopy: { type: 'object', properties: { isbn: { type: 'string' } }, required: ['isbn'] }, Borrow: loan, Return: loan },
};
`;
const LENT = "return accept({ type: 'BookLent', data: { isbn: command.data.isbn, member: command.data.member } });";
const RETURNED = "return accept({ type: 'BookReturned', data: { isbn: command.data.isbn, member: command.data.member } });";
/** Reads the clock while deciding a Borrow. */
const CLOCK = LIBRARY.replace(LENT, "return accept({ type: 'BookLent', data: { isbn: command.data.isbn, member: command.data.member, due: Date.now() } });");
/** Returns an event of the wrong shape for a Return. */
const SHAPE = LIBRARY.replace(RETURNED, "return accept({ type: 'BookReturned', payload: { isbn: command.data.isbn, member: command.data.member } });");
/** Counts each loan twice: every decision the same, another final state. */
const TWICE = LIBRARY.replace('timesLent: b.timesLent + 1', 'timesLent: b.timesLent + 2');

const SCENARIO = {
  format: 'purestream/scenario@1',
  name: 'Library: the last copy',
  domain: './library.mjs',
  setup: [
    { type: 'AddCopy', data: { isbn: 'dune' } },
    { type: 'AddCopy', data: { isbn: 'dune' } },
  ],
  commands: [
    { repeat: 6, every: 1, template: { type: 'Borrow', data: { isbn: 'dune', member: 'm{n}' } } },
    { at: 20, type: 'Return', data: { isbn: 'dune', member: 'm1' } },
    { at: 21, type: 'Borrow', data: { isbn: 'dune', member: 'm6' } },
  ],
  runs: [
    { name: 'one queue', scheduler: { kind: 'serial' }, serviceMs: 5 },
    { name: '4 workers', scheduler: { kind: 'pool', workers: 4 }, serviceMs: 5 },
    { name: 'single writer', scheduler: { kind: 'single-writer', workers: 4 }, serviceMs: 5 },
  ],
};

/** The first 8 hex digits of the content hash the trust prompt shows, then trusts the module. */
async function trustAndRun(page: Page): Promise<string> {
  const dialog = page.getByRole('dialog', { name: 'Run library.mjs?' });
  const hash = (await dialog.locator('.hash code').textContent()) ?? '';
  expect(hash).toMatch(/^[0-9a-f]{64}$/);
  await dialog.getByRole('button', { name: 'Trust and run' }).click();
  return hash.slice(0, 8);
}

/** A side's label in the Rule change: the module, its short content hash, its local load time. */
const side = (hash: string) => `library\\.mjs · ${hash} · \\d\\d:\\d\\d:\\d\\d`;

/** Opens the library scenario and its module (`text`, located from the app's notice, trusted); the module's short content hash. */
async function openLibrary(page: Page, text = LIBRARY): Promise<string> {
  for (const text of [CLOCK, SHAPE, TWICE]) expect(text).not.toBe(LIBRARY);
  await page.goto('/');
  await page.getByLabel('Scenario file').setInputFiles({ name: 'library.scenario.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(SCENARIO)) });
  const missing = page.getByRole('alert', { name: 'Domain module not open' });
  const chooser = page.waitForEvent('filechooser');
  await missing.getByRole('button', { name: 'Locate library.mjs…' }).click();
  await (await chooser).setFiles(js('library.mjs', text));
  const hash = await trustAndRun(page);
  await expect(missing).toBeHidden({ timeout: 30_000 });
  return hash;
}

/** Domains → Reload, picking `text` as library.mjs again (trusted at the prompt when it is a version not run before: its short content hash). */
async function reload(page: Page, text: string, { trust = true } = {}): Promise<string | undefined> {
  await views(page).getByRole('button', { name: 'Domains' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('region', { name: 'Domains' }).getByRole('article', { name: 'Domain Library loans' }).getByRole('button', { name: 'Reload' }).click();
  await (await chooser).setFiles(js('library.mjs', text));
  const hash = trust ? await trustAndRun(page) : undefined;
  await expect(page.getByRole('region', { name: 'Rule change' })).toBeVisible();
  return hash;
}

test("Rule change shows the failure of the version it compares now, says whether the rules before or after the change stopped, and clears once they run", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  const first = await openLibrary(page);
  const rules = page.getByRole('region', { name: 'Rule change' });
  const runs = page.getByRole('region', { name: 'Runs' });

  // the new rules read the clock: their message, named as the rules after the change; Runs says the same
  await reload(page, CLOCK);
  await expect(rules).toContainText('The rules after the change stopped on the open scenario:', { timeout: 30_000 });
  await expect(rules).toContainText('library.mjs: decide read the clock while deciding');
  await page.screenshot({ path: 'test-results/screenshots/rule-change-after-stopped-1280.png' });
  await views(page).getByRole('button', { name: 'Runs', exact: true }).click();
  await expect(runs).toContainText('read the clock', { timeout: 30_000 });

  // then a version that returns a bad event: its own message, not the clock's
  await reload(page, SHAPE);
  await expect(rules).toContainText('decide returned a BookReturned event without data', { timeout: 30_000 });
  await expect(rules).toContainText('The rules after the change stopped on the open scenario:');
  await expect(rules).not.toContainText('read the clock');

  // fixed again, back to the content that first ran (trusted before): the good news leads, nothing to compare
  // (same content hash as the last version that ran); the bad one is a muted note, named as the rules before the change
  await reload(page, LIBRARY, { trust: false });
  await expect(rules.getByRole('status').filter({ hasText: 'The new rules run' })).toHaveText('The new rules run the open scenario: 3 runs, no module problem.', { timeout: 30_000 });
  await expect(rules).toContainText(new RegExp(`They have the same content hash as ${side(first)}, the last version that ran the scenario: nothing to compare\\.`));
  const note = rules.getByRole('note');
  await expect(note).toContainText('The rules before the change stopped on the open scenario: library.mjs: decide returned a BookReturned event without data');
  await expect(rules).not.toContainText('Nothing changed');
  await expect(rules).not.toContainText('The rules after the change stopped');
  await expect(rules).not.toContainText('read the clock');
  for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `test-results/screenshots/rule-change-fixed-again-${width}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
  await views(page).getByRole('button', { name: 'Runs', exact: true }).click();
  await expect(runs).toContainText('Ran 3 runs', { timeout: 30_000 });
  await expect(runs).not.toContainText('without data');

  // the same content again: unchanged, by its content hash
  await reload(page, LIBRARY, { trust: false });
  await expect(rules.getByRole('status')).toHaveText(new RegExp(`^\\s*The module is unchanged \\(same content hash\\): nothing to compare\\. ${side(first)} is still the version that runs\\.$`));

  // broken, then another edit that runs: compared with the last version that ran, each side named by its hash and load time
  await reload(page, SHAPE, { trust: false });
  await expect(rules).toContainText('The rules after the change stopped on the open scenario:', { timeout: 30_000 });
  const twice = await reload(page, TWICE);
  expect(twice).toBeDefined();
  expect(twice).not.toBe(first);
  await expect(rules.getByRole('status').filter({ hasText: 'decided as before' })).toBeVisible({ timeout: 30_000 });
  await expect(rules.locator('.versions')).toHaveText(new RegExp(`^${side(first)} → ${side(twice ?? '')} on Library: the last copy$`));
  await page.screenshot({ path: 'test-results/screenshots/rule-change-before-stopped-1280.png' });
});

test('a module that stopped on the scenario from the start, then fixed: the new rules running leads, the failure before is a muted note', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  const broken = await openLibrary(page, SHAPE);
  const rules = page.getByRole('region', { name: 'Rule change' });
  const fixed = await reload(page, LIBRARY);
  expect(fixed).not.toBe(broken);
  const good = rules.getByRole('status').filter({ hasText: 'The new rules run' });
  await expect(good).toHaveText('The new rules run the open scenario: 3 runs, no module problem.', { timeout: 30_000 });
  await expect(rules).toContainText('There is no earlier version of library.mjs that ran the open scenario to compare with.');
  await expect(rules.getByRole('note')).toContainText('The rules before the change stopped on the open scenario: library.mjs: decide returned a BookReturned event without data');
  // the good news comes first, in the ok tone; the failure is not a red heading
  const [goodTop, noteTop] = await Promise.all([good.boundingBox(), rules.getByRole('note').boundingBox()]);
  expect((goodTop?.y ?? 0) < (noteTop?.y ?? 0)).toBe(true);
  await expect(rules.locator('.failed')).toHaveCount(0);
  for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `test-results/screenshots/rule-change-fixed-${width}.png` });
  }
});

test('a rule change that keeps every decision but not the final state says so, and "final state differs" opens the two final states', async ({ page }) => {
  test.setTimeout(120_000);
  await openLibrary(page);
  await reload(page, TWICE);
  const rules = page.getByRole('region', { name: 'Rule change' });
  await expect(rules.getByRole('status').filter({ hasText: 'decided as before' })).toHaveText(
    'Every command was decided as before, but the final state differs in 3 of 3 runs: evolve folds the events differently.',
    { timeout: 30_000 },
  );
  await expect(rules).not.toContainText('Nothing changed');

  const run = rules.getByRole('article', { name: 'Run one queue' });
  await expect(run).toContainText('0 of 8 commands decided differently');
  const differs = run.getByRole('button', { name: 'final state differs' });
  await expect(differs).toHaveAttribute('aria-expanded', 'false');
  await differs.click();
  await expect(differs).toHaveAttribute('aria-expanded', 'true');
  // the final states as Compare shows them: one row per leaf that differs, the old rules' value and the new rules'
  const states = run.getByRole('table', { name: 'Final state of one queue: old and new rules' });
  await expect(states.getByRole('columnheader')).toHaveText(['Path', 'old rules', 'new rules']);
  await expect(states.getByRole('row')).toHaveCount(2);
  await expect(states.getByRole('row').nth(1)).toHaveText(/book:dune\.timesLent\s*3\s*6/);
  // another run's stays closed until asked
  await expect(rules.getByRole('table', { name: 'Final state of 4 workers: old and new rules' })).toHaveCount(0);

  for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `test-results/screenshots/rule-change-final-state-${width}.png` });
  }
  await differs.click();
  await expect(states).toHaveCount(0);
});
