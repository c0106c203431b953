import { describe, expect, it } from 'vitest';
import { LiveNews, milestone, type LiveFacts } from '../../../../renderer/lib/inspector/liveNews';

const at = (f: Partial<LiveFacts>): LiveFacts => ({ phase: 'reading', display: 'ws://127.0.0.1:4223/SHOP', until: 'live', records: 0, caughtUp: false, ...f });

/** What is said for each of `steps`, in order (nothing said left out). */
function said(news: LiveNews, steps: readonly Partial<LiveFacts>[]): string[] {
  return steps.flatMap((s) => news.next(at(s)) ?? []);
}

describe('milestone', () => {
  it('is 1, 2 or 5 times a power of ten from 1,000, and 0 below', () => {
    expect([0, 999, 1000, 1999, 2000, 4999, 5000, 9999, 10_000, 123_456, 2_000_000].map(milestone)).toEqual([0, 0, 1000, 1000, 2000, 2000, 5000, 5000, 10_000, 100_000, 2_000_000]);
  });
});

describe('LiveNews', () => {
  it('says a tail once as it starts and once caught up, not at each batch, and its count only at milestones', () => {
    const news = new LiveNews();
    const steps: Partial<LiveFacts>[] = [{ phase: 'connecting' }, { records: 0 }];
    for (let n = 100; n <= 12_000; n += 100) steps.push({ records: n, caughtUp: n === 3000 || n >= 11_000 });
    expect(said(news, steps)).toEqual([
      'Tailing ws://127.0.0.1:4223/SHOP: its records are read as they come.',
      '1,000 records read…',
      '2,000 records read…',
      'Up to date: waiting for new records.',
      '5,000 records read…',
      '10,000 records read…',
    ]);
  });

  it("says a read to the head's start, a wait as it begins (not as its seconds count), Stop, and a failure; a kept end and a cancel are said elsewhere", () => {
    const head = { until: 'head' as const };
    expect(said(new LiveNews(), [{ ...head, phase: 'connecting' }, { ...head, records: 5 }, { ...head, records: 9, waiting: 'waiting for 7: a transaction that may write it is still open (since 1 s)' }, { ...head, records: 9, waiting: 'waiting for 7: a transaction that may write it is still open (since 2 s)' }, { ...head, records: 12, caughtUp: true }, { ...head, phase: 'done', records: 12, ended: 'failed' }])).toEqual([
      'Reading ws://127.0.0.1:4223/SHOP up to its end…',
      'The read is waiting for 7: a transaction that may write it is still open (since 1 s).',
      'The read of ws://127.0.0.1:4223/SHOP failed after 12 records: nothing of it was kept.',
    ]);
    expect(said(new LiveNews(), [{ phase: 'connecting' }, { records: 3 }, { phase: 'stopping', records: 3 }, { phase: 'done', records: 3, ended: 'kept' }])).toEqual(['Tailing ws://127.0.0.1:4223/SHOP: its records are read as they come.', 'Stopping the read of ws://127.0.0.1:4223/SHOP: what was read is kept.']);
    expect(said(new LiveNews(), [{ phase: 'connecting' }, { records: 3 }, { phase: 'done', records: 3, ended: 'cancelled' }])).toHaveLength(1);
    expect(said(new LiveNews(), [{ phase: 'connecting' }, { records: 3 }, { phase: 'done', records: 3, ended: 'kept', lost: 'the server closed the connection' }]).at(-1)).toBe('The connection to ws://127.0.0.1:4223/SHOP was lost after 3 records: the server closed the connection. What was read is kept.');
  });

  it('says nothing of a read it is shown again in the middle of (primed), then goes on from there', () => {
    const news = new LiveNews();
    news.prime(at({ records: 1500, caughtUp: true }));
    expect(said(news, [{ records: 1600, caughtUp: true }, { records: 2100, caughtUp: true }])).toEqual(['2,000 records read…']);
  });

  it('starts counting again for another read', () => {
    const news = new LiveNews();
    said(news, [{ phase: 'connecting' }, { records: 2500 }, { phase: 'done', records: 2500, ended: 'kept' }]);
    expect(said(news, [{ phase: 'connecting' }, { records: 0 }, { records: 1200 }])).toEqual(['Tailing ws://127.0.0.1:4223/SHOP: its records are read as they come.', '1,000 records read…']);
  });
});
