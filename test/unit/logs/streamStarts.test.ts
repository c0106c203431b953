/**
 * Which of a domain's streams began before the read (src/logs/streamStarts): by the store's
 * stream revisions (logs.md: Marten and Emmett count from 1, KurrentDB and Message DB from 0) in
 * any read, and — in a read that began after the log's start — every stream nothing shows began
 * here, and every domain stream that gathers several of the log's.
 */
import { describe, expect, it } from 'vitest';
import { StreamStarts } from '../../../src/logs/streamStarts';

const at = () => 'line 1';

describe('streams that began before the read', () => {
  it('a full read: a stream whose first revision here is past the store’s first, from that event on; nothing without revisions by contract', () => {
    const marten = new StreamStarts(false);
    marten.useFirstPosition('1');
    expect(marten.event('order:a', 'a', '1', at)).toBe(false);
    expect(marten.event('order:a', 'a', '2', at)).toBe(false);
    expect(marten.event('order:b', 'b', '3', at)).toBe(true);
    // a domain stream that gathers log streams: known until an event of a stream that began before comes in
    expect(marten.event('stock:mug', 'po-1', '1', at)).toBe(false);
    expect(marten.event('stock:mug', 'b', '4', at)).toBe(true);
    expect(marten.event('stock:mug', 'po-1', '2', at)).toBe(true);
    expect([marten.count, marten.firstBefore]).toEqual([2, { stream: 'order:b', place: 'line 1', reason: { kind: 'revision', logStream: 'b', position: '3' } }]);
    expect(marten.reasonText(marten.firstBefore!.reason)).toBe(`its first event here is revision 3 of the log's stream "b", past a stream's first (1)`);

    const kurrent = new StreamStarts(false);
    kurrent.useFirstPosition('0');
    expect([kurrent.event('order-1', 'order-1', '0', at), kurrent.event('order-2', 'order-2', '1', at), kurrent.event('order-3', 'order-3', '000', at)]).toEqual([false, true, false]);

    // a purestream log: no revisions by contract, nothing to tell
    const none = new StreamStarts(false);
    none.useFirstPosition(undefined);
    expect([none.event('account:a1', undefined, undefined, at), none.event('account:a2', 'account:a2', '7', at), none.count]).toEqual([false, false, 0]);
  });

  it("a read that began after the log's start: streams without a revision, and those the domain gathers from several of the log's", () => {
    const partial = new StreamStarts(true);
    partial.useFirstPosition('1');
    // the domain's stream names the log's (order:<id>): known when it starts here
    expect(partial.event('order:3acc-42', '3acc-42', '1', at)).toBe(false);
    expect(partial.event('order:3acc-42', '3acc-42', '2', at)).toBe(false);
    // a name inside a longer word is not the stream's (order:3acc-421 does not name 3acc-42)
    expect(partial.event('order:3acc-421', '3acc-42', '3', at)).toBe(true);
    // a tenant's stream (Marten's conjoined tenancy): acme/order:<id> names acme/<id>, not globex/<id>
    expect(partial.event('acme/order:3acc-42', 'acme/3acc-42', '1', at)).toBe(false);
    expect(partial.event('globex/order:3acc-42', 'acme/3acc-42', '1', at)).toBe(true);
    // a store's category-id stream (Emmett, Message DB, KurrentDB) is named by its id: payment:pay-21 is payment-pay-21 renamed
    expect(partial.event('payment:pay-21', 'payment-pay-21', '1', at)).toBe(false);
    expect(partial.event('payment:pay-21', 'payment-pay-21', '2', at)).toBe(false);
    // not by a longer id, nor by a part of the id
    expect(partial.event('payment:pay-210', 'payment-pay-21', '3', at)).toBe(true);
    expect(partial.event('payment:21', 'payment-pay-21', '4', at)).toBe(true);
    // stock:<sku> gathers orders' streams: the ones before the read are missing
    expect(partial.event('stock:MUG-11', 'po-7', '1', at)).toBe(true);
    expect(partial.event('stock:tee', 'order-o-7', '1', at)).toBe(true);
    expect(partial.event('stock:MUG-7', 'po-7', '1', at)).toBe(true);
    // the type must be the category (or its last word): stock:7 does not name order-7, cart:c-2 names shopping_cart-c-2
    expect(partial.event('stock:7', 'order-7', '1', at)).toBe(true);
    expect(partial.event('customer:42', 'transfer-42', '1', at)).toBe(true);
    expect(partial.event('cart:c-2', 'shopping_cart-c-2', '1', at)).toBe(false);
    expect(partial.event('Payment:p-9', 'payment-p-9', '1', at)).toBe(false);
    expect(partial.reasonText(partial.firstBefore!.reason)).toBe(`the read began after the log's start, and the domain gathers this stream from several of the log's (this event from "3acc-42")`);

    const broker = new StreamStarts(true);
    broker.useFirstPosition(undefined);
    expect([broker.event('counter:a', 'SUBJ.a', undefined, at), broker.event('counter:b', undefined, undefined, at)]).toEqual([true, true]);
    expect(broker.reasonText(broker.firstBefore!.reason)).toBe("the read began after the log's start, and nothing in the log shows where a stream begins (no stream revisions); a read --from start checks them");
  });
});
