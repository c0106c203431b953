import { describe, expect, it } from 'vitest';
import { bundledDomain } from '../../../../src/engine/module/bundled';
import { Notifier } from '../../../../src/engine/consumers/notifier';
import type { LogEntry } from '../../../../src/engine/types';
import { commerceCommands, logOf, profilesCommands } from './fixtures';

const commerce = bundledDomain('commerce')!;
const profiles = bundledDomain('profiles')!;

describe('notifier interpreter', () => {
  it('sends one message per commerce event, to the customer or the warehouse', () => {
    const notifier = new Notifier();
    logOf(commerce, commerceCommands).forEach((e, i) => notifier.enact(e, 100 + i));
    expect(notifier.output()).toEqual([
      { eventSeq: 1, eventId: 'c1.1', type: 'ItemRestocked', to: 'warehouse:main', subject: 'Restocked 5 × tee', at: 100 },
      { eventSeq: 2, eventId: 'c2.1', type: 'ItemRestocked', to: 'warehouse:east', subject: 'Restocked 2 × mug', at: 101 },
      { eventSeq: 3, eventId: 'c3.1', type: 'OrderPlaced', to: 'ann', subject: 'Order o1 placed: 2 × tee', at: 102 },
      { eventSeq: 4, eventId: 'c3.2', type: 'StockReserved', to: 'warehouse:main', subject: 'Reserve 2 × tee for order o1', at: 103 },
      { eventSeq: 5, eventId: 'c4.1', type: 'OrderPlaced', to: 'bob', subject: 'Order o2 placed: 2 × mug', at: 104 },
      { eventSeq: 6, eventId: 'c4.2', type: 'StockReserved', to: 'warehouse:east', subject: 'Reserve 2 × mug for order o2', at: 105 },
      { eventSeq: 7, eventId: 'c6.1', type: 'OrderCancelled', to: 'ann', subject: 'Order o1 cancelled', at: 106 },
      { eventSeq: 8, eventId: 'c6.2', type: 'StockReleased', to: 'warehouse:main', subject: 'Release 2 × tee from order o1', at: 107 },
      { eventSeq: 9, eventId: 'c7.1', type: 'OrderShipped', to: 'bob', subject: 'Order o2 shipped', at: 108 },
    ]);
  });

  it('names the recipient by role when it never saw the event that tells who it is', () => {
    const notifier = new Notifier();
    const shipped = logOf(commerce, commerceCommands).find((e) => e.type === 'OrderShipped')!;
    notifier.enact(shipped, 5);
    expect(notifier.output()).toEqual([{ eventSeq: 9, eventId: 'c7.1', type: 'OrderShipped', to: 'customer of order o2', subject: 'Order o2 shipped', at: 5 }]);
  });

  it('writes to the profile owner in the profiles domain', () => {
    const notifier = new Notifier();
    for (const e of logOf(profiles, profilesCommands)) notifier.enact(e, 0);
    expect(notifier.output().map((m) => `${m.to}: ${m.subject}`)).toEqual([
      'ada: Welcome Ada: profile p1 created',
      'bo: Welcome Bo: profile p2 created',
      'ada: Profile p1 updated',
      'ada: Image a.png added to your gallery',
      'ada: Image b.png added to your gallery',
      'ada: Image c.png added to your gallery',
      'ada: Image b.png removed from your gallery',
      'ada: Image d.png added to your gallery',
    ]);
  });

  it('sends a generic message for an event type without a template', () => {
    const notifier = new Notifier();
    const odd: LogEntry = { ...logOf(commerce, commerceCommands)[0], type: 'PriceChanged' };
    notifier.enact(odd, 1);
    expect(notifier.output()[0]).toMatchObject({ to: 'stock:tee@main', subject: 'PriceChanged on stock:tee@main' });
  });

  it('sends a duplicate twice unless idempotent', () => {
    const [e] = logOf(commerce, commerceCommands);
    const plain = new Notifier();
    plain.enact(e, 1);
    expect(plain.enact(e, 2)).toEqual({ type: 'enacted' });
    expect(plain.output()).toHaveLength(2);
    const idempotent = new Notifier(true);
    idempotent.enact(e, 1);
    expect(idempotent.enact(e, 2)).toEqual({ type: 'ignored', reason: 'event c1.1 was already enacted' });
    expect(idempotent.output()).toHaveLength(1);
  });
});
