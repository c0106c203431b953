/** The event table asks for the rows around its window once, and stops asking a view whose page comes back empty though it has rows, until Retry. */
import { describe, expect, it } from 'vitest';
import { rowsToAsk, unreadablePage, type RowsWanted, type RowSpan } from '../../../../renderer/lib/eventlog/rowRequests';
import type { RowsReply } from '../../../../renderer/lib/workspace/logsProtocol';
import type { StoredEvent } from '../../../../src/store/eventPages';

const event = (seq: number) => ({ seq, type: 'OrderPlaced', stream: 'order-1', at: 0, data: {} }) as unknown as StoredEvent;

/**
 * The table's fetch loop as EventTable runs it: it asks (rowsToAsk) whenever what it holds changes,
 * until the rows cover the window; `worker` answers. Gives how many requests were made before the
 * table stopped asking (at most `limit`), and the state it ended in.
 */
function settle(worker: (first: number, count: number) => RowsReply, start: Partial<RowsWanted> = {}, limit = 20) {
  let state: RowsWanted = { key: 'log 1', window: { first: 0, count: 20 }, visible: 25, total: 0, held: { key: '', first: 0, end: 0 }, ...start };
  let asked = 0;
  for (; asked < limit; asked++) {
    const want = rowsToAsk(state);
    if (!want) break;
    const r = worker(want.first, want.count);
    const held: RowSpan = { key: state.key, first: r.first, end: r.first + r.events.length };
    state = { ...state, total: r.total, held, unreadable: unreadablePage(r) ? state.key : undefined };
  }
  return { asked, state };
}

describe('rowsToAsk: the event table\'s requests for rows', () => {
  it('asks once for the rows around the window (3 viewports before, 5 after, at most 500), and not again while they cover it', () => {
    expect(rowsToAsk({ key: 'k', window: { first: 100, count: 20 }, visible: 25, total: 1000, held: { key: '', first: 0, end: 0 } })).toEqual({ first: 40, count: 160 });
    const readable = (first: number, count: number): RowsReply => ({ total: 1000, first, events: Array.from({ length: Math.min(count, 1000 - first) }, (_, i) => event(first + i + 1)) });
    expect(settle(readable).asked).toBe(1);
    // a page in flight that covers the window is not asked again
    expect(rowsToAsk({ key: 'k', window: { first: 0, count: 20 }, visible: 25, total: 1000, held: { key: '', first: 0, end: 0 }, inflight: { key: 'k', first: 0, end: 160 } })).toBeUndefined();
  });

  it('stops after one empty page of a view that has rows, and asks again once Retry clears it', () => {
    const broken = (): RowsReply => ({ total: 40, first: 0, events: [] });
    const { asked, state } = settle(broken);
    expect(asked).toBe(1);
    expect(state).toMatchObject({ total: 40, unreadable: 'log 1' });
    // Retry: one more request, which stops again on the same empty page
    expect(settle(broken, { ...state, unreadable: undefined }).asked).toBe(1);
    // the view changed (another filter, the log grew): asked once, not held back by the old view's empty page
    expect(rowsToAsk({ ...state, key: 'log 1 grown' })).toBeDefined();
  });

  it('an empty log\'s empty page is no unreadable page', () => {
    expect(unreadablePage({ total: 0, first: 0, events: [] })).toBe(false);
    expect(unreadablePage({ total: 40, first: 0, events: [] })).toBe(true);
    expect(unreadablePage({ total: 40, first: 0, events: [event(1)] })).toBe(false);
    expect(settle(() => ({ total: 0, first: 0, events: [] })).asked).toBe(1);
  });
});
