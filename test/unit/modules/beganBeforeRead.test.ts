/**
 * A log that starts in the middle of its store, replayed with a domain module: the streams that
 * began before the read are replayed from an unknown state — their invariants not checked, counted
 * apart in one note and `streamsBeforeRead` — whether the module's evolve makes up a state (the
 * trial's shop-tolerant.ts: 7 false "charged-at-most-once" violations) or returns none (shop.ts:
 * the whole read failed with exit 1). Streams that begin in the read are checked as before. The
 * log is the on-call trial's Marten rows from seq_id 1100 on (test/fixtures/logs/oncall).
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { moduleVariant } from '../../fixtures/modules/moduleVariants';
import { folderWith } from './moduleFiles';
import { cli as runCli } from '../cli/cliHarness';

const fixture = (path: string) => new URL(`../../fixtures/${path}`, import.meta.url).pathname;
const shop = readFileSync(fixture('modules/shop/shop.ts'), 'utf8');
/** The user's second try: evolve makes up an order it never saw placed (total 0), so every capture on it "breaks" the invariant. */
const tolerant = moduleVariant('shop-tolerant.ts');

const cli = (cwd: string, ...argv: string[]) => runCli(argv, { cwd });

const folder = () => {
  const dir = folderWith({ 'shop.ts': shop, 'shop-tolerant.ts': tolerant });
  copyFileSync(fixture('logs/oncall/marten-from-1100.jsonl'), join(dir, 'marten-from-1100.jsonl'));
  return dir;
};

const NOTE = /^14 streams began before the read; their invariants are not checked, nor their commands decided again, as their earlier events were not read \(first: stream "stock:KETTLE-02" at line 1 \(position 1100\): its first event here is revision 7 of the log's stream "1b883c91-0ca9-7830-836f-6f5ede49eca0", past a stream's first \(1\)\)/;

describe('a Marten export that starts in the middle of the store, with the shop module', () => {
  it('evolve makes up a state: no violation of a stream that began before, counted apart in a note', async () => {
    const r = await cli(folder(), 'inspect', 'marten-from-1100.jsonl', '--domain', './shop-tolerant.ts', '--json');
    expect([r.code, r.err]).toEqual([0, '']);
    const report = JSON.parse(r.out);
    expect(report).toMatchObject({ events: 65, violations: [], streamsBeforeRead: 14 });
    expect(report.notes[1]).toMatch(NOTE);
    expect(report.notes[1]).toMatch(/\)\)$/);
  });

  it('evolve returns no state: those streams are left out, the read is not refused (exit 0)', async () => {
    const r = await cli(folder(), 'inspect', 'marten-from-1100.jsonl', '--domain', './shop.ts', '--json');
    expect([r.code, r.err]).toEqual([0, '']);
    const report = JSON.parse(r.out);
    expect(report).toMatchObject({ events: 65, violations: [], streamsBeforeRead: 14 });
    expect(report.notes[1]).toMatch(NOTE);
    expect(report.notes[1]).toMatch(
      /; 3 of them were left out of the replay where evolve failed on their events without the earlier ones \(first: stream "order:02831b8e-ffc2-7793-82b6-eef85afef7f4" at line 2 \(position 1101\): \.\/shop\.ts: evolve returned undefined instead of the stream's state while evolving a payment_authorized event/,
    );
    expect(Object.keys(report.finalState)).toHaveLength(21);
  });

  it('a stream that begins in the read is still checked: its violation is reported beside the note', async () => {
    const dir = folder();
    // a new order (version 1) charged twice, appended to the export
    const order = '0a0a0a0a-0000-7000-8000-000000000001';
    const row = (seq: number, version: number, type: string, data: object) =>
      JSON.stringify({ seq_id: seq, id: `0b0b0b0b-0000-7000-8000-00000000000${seq - 2000}`, stream_id: order, version, data, type, timestamp: '2026-03-14T08:00:00.000+00:00', tenant_id: '*DEFAULT*', correlation_id: 'req-new', causation_id: null, headers: {}, is_archived: false });
    const log = readFileSync(join(dir, 'marten-from-1100.jsonl'), 'utf8');
    const capture = { orderId: order, paymentId: 'pay-1', amount: 20, currency: 'EUR', pspReference: 'psp-1' };
    writeFileSync(
      join(dir, 'marten-from-1100.jsonl'),
      log + [row(2001, 1, 'order_placed', { orderId: order, orderNumber: 'SO-2', customerId: 'c', lines: [], total: 20, currency: 'EUR' }), row(2002, 2, 'payment_captured', capture), row(2003, 3, 'payment_captured', capture)].join('\n') + '\n',
    );
    const r = await cli(dir, 'inspect', 'marten-from-1100.jsonl', '--domain', './shop-tolerant.ts', '--json');
    const report = JSON.parse(r.out);
    expect(report.violations).toEqual([expect.objectContaining({ invariant: 'charged-at-most-once', stream: `order:${order}`, line: 68 })]);
    expect(report.streamsBeforeRead).toBe(14);
  });
});
