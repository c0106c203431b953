/**
 * Compare → Open real run…: a run enacted on a real JetStream (test/fixtures/real-runs, kept by
 * `purestream enact --state` against nats-server) set beside the simulated run of the same name —
 * deliveries, redeliveries, dead letters, final state and stateHash — by the button (keyboard) or
 * dropped; a run that differs shows its differences as Compare does; a broken file is one message.
 */
import { readFileSync } from 'node:fs';
import { test, expect, type FileChooser, type Page } from '@playwright/test';
import { openSampleAndRun, views } from './flows';

const fixture = (name: string) => readFileSync(`test/fixtures/real-runs/${name}`, 'utf8');
const EXACTLY_ONCE = 'decoupled-uptime.exactly-once.audit.jsonl';
const FLAKY = 'decoupled-uptime.flaky-retries.email.jsonl';

/** Drops a file with `text` on the Compare view. */
async function dropFile(page: Page, name: string, text: string): Promise<void> {
  const transfer = await page.evaluateHandle(([n, t]) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], n, { type: 'application/json' }));
    return dt;
  }, [name, text] as const);
  const compare = page.getByRole('region', { name: 'Compare' });
  await compare.dispatchEvent('dragover', { dataTransfer: transfer });
  await compare.dispatchEvent('drop', { dataTransfer: transfer });
}

test('a real run beside the simulated one: same final state, the broker\'s own delivery counts, the same dead letters; differences and broken files said plainly', async ({ page }) => {
  // file choosers are intercepted from the start (turning interception on as the key is pressed can miss the chooser)
  const choosers: FileChooser[] = [];
  page.on('filechooser', (c) => choosers.push(c));
  await openSampleAndRun(page, /^Decoupled uptime/);
  await views(page).getByRole('button', { name: 'Compare' }).click();
  const compare = page.getByRole('region', { name: 'Compare' });

  // the keyboard opens the file chooser
  const open = compare.getByRole('button', { name: 'Open real run…' });
  await open.focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => choosers.length).toBe(1);
  await choosers[0].setFiles({ name: EXACTLY_ONCE, mimeType: 'application/json', buffer: Buffer.from(fixture(EXACTLY_ONCE)) });

  const real = compare.getByRole('region', { name: 'Real run' });
  await expect(real.getByRole('status')).toContainText('same final state');
  await expect(real.getByRole('status')).toContainText('The final states are equal (stateHash 87f862f17f61');
  await expect(real.getByRole('status')).toContainText('as they must be for an exactly-once consumer');
  await expect(real.getByRole('heading', { name: 'Real run beside the simulated one' })).toBeFocused();
  await expect(real).toContainText('consumer audit (audit-log, exactly-once) of run “exactly-once”');
  await expect(real).toContainText('over 2 sessions');
  // the HTML export holds the real run too
  const download = page.waitForEvent('download');
  await compare.getByRole('button', { name: 'Export HTML' }).click();
  const html = await (await (await download).createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
  expect(html).toContain('<h2>Real run: exactly-once</h2>');
  expect(html).toContain('The final states are equal (stateHash 87f862f17f61');
  const deliveries = real.getByRole('table', { name: 'Deliveries, simulated and real' });
  await expect(deliveries.getByRole('columnheader', { name: 'simulated · exactly-once' })).toBeVisible();
  await expect(deliveries.getByRole('row', { name: /^Deliveries/ })).toHaveText(/Deliveries\s*47\s*47/);
  await expect(deliveries.getByRole('row', { name: /^Redeliveries/ })).toHaveText(/Redeliveries\s*16\s*16(?![\d+])/);
  await expect(deliveries.getByRole('row', { name: /^Final state/ })).toContainText('equal');
  await expect(real).toContainText('Delivery counts may differ; with an idempotent or exactly-once consumer the final states must be equal.');
  await expect(real.getByRole('region', { name: 'Dead letters' })).toContainText('None on either side');
  await page.screenshot({ path: 'test-results/screenshots/real-run-1440.png' });

  // dropped: the flaky notifier the broker gave up on twice, the same events as the simulation
  await dropFile(page, FLAKY, fixture(FLAKY));
  await expect(real).toContainText('consumer email (notifier, exactly-once) of run “flaky + retries”');
  await expect(real.getByRole('region', { name: 'Dead letters' })).toContainText('same events c8.1 (OrderPlaced), c12.1 (OrderPlaced)');
  await expect(deliveries.getByRole('row', { name: /^Dead letters/ })).toHaveText(/Dead letters\s*2\s*2/);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.screenshot({ path: 'test-results/screenshots/real-run-dead-letters-1280.png' });

  // a real run with an enacted delivery missing: the states differ, shown as Compare shows differences
  const cut = fixture(FLAKY).split('\n').filter((l) => !l.includes('"seq":"6","event":"c3.1","delivery":1')).join('\n');
  await dropFile(page, 'cut.jsonl', cut);
  await expect(real.getByRole('status')).toContainText('final states differ');
  await expect(real.getByRole('status')).toContainText('The final states DIFFER, though they must be equal for an exactly-once consumer.');
  const diffs = real.getByRole('region', { name: 'Final-state differences, simulated and real' });
  await expect(diffs.getByRole('row', { name: /^7\.eventId/ })).toHaveText(/7\.eventId\s*c3\.1\s*c4\.1/);
  await expect(deliveries.getByRole('row', { name: /^Final state/ })).toContainText('different');
  await real.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/real-run-differs-1280.png' });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: 'test-results/screenshots/real-run-differs-1440.png' });

  // a broken file, a file of another kind: one readable message each, naming the file
  await dropFile(page, 'broken.jsonl', `${fixture(FLAKY).split('\n')[0]}\n{"t":"session",\n{"t":"stopped","at":1,"why":"x"}\n`);
  await expect(real.getByRole('alert')).toHaveText('Cannot set this file beside the simulated runs: broken.jsonl:2: not a JSON object');
  await expect(real.getByRole('table')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screenshots/real-run-broken-1440.png' });
  await dropFile(page, 'decoupled-uptime.json', readFileSync('samples/scenarios/decoupled-uptime.json', 'utf8'));
  await expect(real.getByRole('alert')).toContainText('decoupled-uptime.json: not a real run (purestream/real-run@1, as purestream enact --state writes) nor a real comparison');

  // a comparison compare-real --json wrote opens too; closing forgets it
  await dropFile(page, 'flaky.comparison.json', fixture('decoupled-uptime.flaky-retries.email.comparison.json'));
  await expect(real).toContainText('as compare-real compared it');
  await expect(real.getByRole('status')).toContainText('same final state');
  await real.getByRole('button', { name: 'Close the real run' }).click();
  await expect(real).toHaveCount(0);
});
