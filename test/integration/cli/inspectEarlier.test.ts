/**
 * `purestream inspect <postgres URL> --domain PATH --from P` (README, "Streams that began before
 * the read"): a stream met past its start has its earlier events loaded from the store and
 * replayed first — not counted as read — so its invariants are checked; the Emmett trial's case:
 * a cart checked out before `--from` and changed after it is a violation, read to the head and
 * tailed live.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { freshDatabase, needsServer } from '../servers';
import { seedEmmett, type EmmettMessage } from '../seed/emmett';
import { folderWith } from '../../unit/modules/moduleFiles';
import { cli } from './cli';
import { installMessageDb, writeMessages, type MessageDbMessage } from '../seed/messageDb';

const cartModule = readFileSync(new URL('../../fixtures/modules/cart/cart.ts', import.meta.url), 'utf8');
/** The platform engineer's trial module: its streams are `payment:<id>`, the store's `payment-<id>`. */
const paymentsModule = readFileSync(new URL('../../fixtures/modules/payments/payments.ts', import.meta.url), 'utf8');
const add = (cartId: string, sku: string, quantity: number): EmmettMessage => ({ type: 'ItemAdded', data: { cartId, sku, quantity } });
const remove = (cartId: string, sku: string, quantity: number): EmmettMessage => ({ type: 'ItemRemoved', data: { cartId, sku, quantity } });
const checkout = (cartId: string, total: number): EmmettMessage => ({ type: 'CartCheckedOut', data: { cartId, checkedOutAt: '2026-03-01T10:00:00.000Z', total } });
const cart = (id: string) => `shopping_cart-${id}`;

/** The trial's store before the read: c-1 healthy and checked out; c-4 changed after its checkout (a violation before the read). */
async function seedCarts(url: string): Promise<void> {
  await seedEmmett(url, [
    { streamName: cart('c-1'), messages: [add('c-1', 'tee', 2), add('c-1', 'mug', 1)] },
    { streamName: cart('c-1'), messages: [remove('c-1', 'tee', 1)] },
    { streamName: cart('c-1'), messages: [checkout('c-1', 2)] },
    { streamName: cart('c-4'), messages: [add('c-4', 'sock', 3)] },
    { streamName: cart('c-4'), messages: [checkout('c-4', 3)] },
    { streamName: cart('c-4'), messages: [add('c-4', 'mug', 1)] },
  ]);
}

/** The position a read to the head ends at (`last position read: P`). */
async function headOf(url: string): Promise<string> {
  const r = await cli(['inspect', url]);
  return /^last position read: (\S+) /m.exec(r.err)![1];
}

const EARLIER_NOTE = "2 streams' earlier events loaded from the store (7 events) and replayed before their events read: their invariants are checked and commands decided on their whole history; those events are not counted among the events read";

describe('purestream inspect <postgres URL> --from P --domain PATH: the earlier events of the streams met', () => {
  needsServer('postgres');

  it("Emmett: a checked-out cart changed after --from is a violation; the loaded events are not counted as read; a cart already broken before stays unreported", async () => {
    const db = await freshDatabase('earlier_emmett');
    const url = `${db}?store=emmett`;
    await seedCarts(db);
    const from = await headOf(url);
    // after the read's start: a late add to the checked-out c-1, a new event of c-4 (already broken), a fresh cart
    await seedEmmett(db, [
      { streamName: cart('c-1'), messages: [add('c-1', 'hat', 1)] },
      { streamName: cart('c-4'), messages: [remove('c-4', 'mug', 1)] },
      { streamName: cart('c-5'), messages: [add('c-5', 'tee', 1)] },
    ]);
    const cwd = folderWith({ 'cart.ts': cartModule });
    const r = await cli(['inspect', url, '--from', from, '--domain', './cart.ts', '--json'], { cwd });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.violations.map((v: { stream: string; invariant: string }) => `${v.stream} ${v.invariant}`)).toEqual([`${cart('c-1')} checked-out-cart-never-changes`]);
    expect(report).toMatchObject({ events: 3, types: { ItemAdded: 2, ItemRemoved: 1 }, earlierEvents: { streams: 2, events: 7 } });
    expect(report.streamsBeforeRead).toBeUndefined();
    expect(report.notes).toEqual([EARLIER_NOTE]);
    // the state is the stream's whole history
    expect(report.finalState[cart('c-1')]).toEqual({ status: 'checked-out', items: { tee: 1, mug: 1, hat: 1 }, changesAfterCheckout: 1 });
    // the text report says it too
    const text = await cli(['inspect', url, '--from', from, '--domain', './cart.ts'], { cwd });
    expect(text.out).toContain(`note: ${EARLIER_NOTE}\n`);
    expect(text.out).toContain('checked-out-cart-never-changes');
  });

  it('Emmett, tailed live (the trial): the late add to a checked-out cart is printed as a violation when it comes', async () => {
    const db = await freshDatabase('earlier_tail');
    const url = `${db}?store=emmett`;
    await seedCarts(db);
    const from = await headOf(url);
    const cwd = folderWith({ 'cart.ts': cartModule });
    let stop: (() => void) | undefined;
    let appended = false;
    const r = await cli(['inspect', url, '--from', from, '--until', 'live', '--domain', './cart.ts'], {
      cwd,
      errIsTTY: true,
      onInterrupt: (handler) => (stop = handler),
      onErr: (_t, all) => {
        if (appended || !all.includes('up to date')) return;
        appended = true;
        void seedEmmett(db, [{ streamName: cart('c-1'), messages: [add('c-1', 'hat', 1)] }]);
      },
      onOut: (_t, all) => {
        if (all.includes('violation:')) stop!();
      },
    });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^violation: global_position \d+ {2}shopping_cart-c-1 {2}checked-out-cart-never-changes {2}1 change\(s\) after checkout\n/);
    expect(r.out).toContain(`note: ${"1 stream's earlier events loaded from the store (4 events) and replayed before its events read"}`);
    expect(r.err).not.toContain('began before the read');
  });

  it('Message DB (first position 0): a checked-out cart changed after --from is a violation, its earlier messages loaded', async () => {
    const db = await freshDatabase('earlier_mdb');
    const url = `${db}?store=message-db`;
    await installMessageDb(db);
    let n = 0;
    const msg = (m: EmmettMessage, stream: string): MessageDbMessage => ({ id: `7f8e0c4e-0000-4000-8000-${String(++n).padStart(12, '0')}`, streamName: stream, type: m.type, data: m.data as Record<string, unknown> });
    await writeMessages(db, [msg(add('c-1', 'tee', 2), cart('c-1')), msg(add('c-1', 'mug', 1), cart('c-1')), msg(checkout('c-1', 3), cart('c-1'))]);
    const from = await headOf(url);
    await writeMessages(db, [msg(add('c-1', 'hat', 1), cart('c-1')), msg(add('c-5', 'tee', 1), cart('c-5'))]);
    const cwd = folderWith({ 'cart.ts': cartModule });
    const r = await cli(['inspect', url, '--from', from, '--domain', './cart.ts', '--json'], { cwd });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.violations.map((v: { stream: string; invariant: string }) => `${v.stream} ${v.invariant}`)).toEqual([`${cart('c-1')} checked-out-cart-never-changes`]);
    expect(report).toMatchObject({ events: 2, earlierEvents: { streams: 1, events: 3 } });
    expect(report.streamsBeforeRead).toBeUndefined();
  });

  it("Emmett, the domain naming the store's payment-<id> as payment:<id> (the platform trial): a resumed read checks the new payments and the old one changed, from its earlier events", async () => {
    const db = await freshDatabase('earlier_renamed');
    const url = `${db}?store=emmett`;
    const payment = (id: string, ...events: EmmettMessage[]) => events.map((e) => ({ streamName: `payment-${id}`, messages: [e] }));
    const authorized = (id: string): EmmettMessage => ({ type: 'PaymentAuthorized', data: { paymentId: id, amount: 1000, currency: 'EUR', merchantId: 'm-7' } });
    const captured = (id: string, amount: number): EmmettMessage => ({ type: 'PaymentCaptured', data: { paymentId: id, amount } });
    await seedEmmett(db, [...payment('pay-1', authorized('pay-1'), captured('pay-1', 600)), ...payment('pay-3', authorized('pay-3'), captured('pay-3', 600), captured('pay-3', 400))]);
    const from = await headOf(url);
    // after the read's start: a new payment captured past its authorization, another within it, and pay-3 captured once more
    await seedEmmett(db, [...payment('pay-21', authorized('pay-21'), captured('pay-21', 600), captured('pay-21', 600)), ...payment('pay-22', authorized('pay-22'), captured('pay-22', 100)), ...payment('pay-3', captured('pay-3', 50))]);
    const cwd = folderWith({ 'payments.ts': paymentsModule });
    const r = await cli(['inspect', url, '--from', from, '--domain', './payments.ts', '--json'], { cwd });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.violations.map((v: { stream: string; invariant: string }) => `${v.stream} ${v.invariant}`)).toEqual(['payment:pay-21 capture-within-authorization', 'payment:pay-3 capture-within-authorization']);
    expect(report).toMatchObject({ events: 6, earlierEvents: { streams: 1, events: 3 } });
    expect(report.streamsBeforeRead).toBeUndefined();
  });
});
