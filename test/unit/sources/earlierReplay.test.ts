/**
 * The earlier events of a stream a read meets past its start (src/sources/earlierReplay), with a
 * reader standing for a store queried by stream: replayed first, in pages, not counted as read; a
 * load that fails before anything of the stream was replayed falls back to the note of a stream that
 * began before the read (and says why); one that fails midway ends the read as a lost connection.
 */
import { describe, expect, it, vi } from 'vitest';
import cart from '../../fixtures/modules/cart/cart';
import { domainModule } from '../../../src/engine/module/domainModule';
import { inspectSource } from '../../../src/sources/inspectSource';
import { LogInspector } from '../../../src/logs/logInspector';
import { finalStateEntries } from '../../../src/logs/lazyFinalState';
import type { CarriedState } from '../../../src/logs/carriedState';
import type { EarlierEvents, SourceBatch, SourceReader } from '../../../src/sources/types';
import { emmettCartRows } from '../../fixtures/modules/cart/emmettRows';

const domain = domainModule(cart);
const { added, checkedOut, position } = emmettCartRows();

/** A store of `history` (rows by stream) read from `read`; `fail(page)` makes the load of a page throw. */
function store(history: Readonly<Record<string, object[]>>, read: object[], fail?: (page: number) => boolean): SourceReader & { pages: number[]; asked: string[] } {
  const pages: number[] = [];
  const asked: string[] = [];
  const earlier: EarlierEvents = {
    streamOf: (r) => {
      const { stream_id, stream_position } = r as { stream_id: string; stream_position: string };
      return { key: stream_id, name: stream_id, pastFirst: Number(stream_position) > 1 };
    },
    async *before(r, page) {
      const { stream_id, stream_position } = r as { stream_id: string; stream_position: string };
      asked.push(stream_id);
      const rows = (history[stream_id] ?? []).filter((h) => Number((h as { stream_position: string }).stream_position) < Number(stream_position));
      for (let i = 0, n = 0; i < rows.length; i += page, n++) {
        if (fail?.(n)) throw new Error('connection terminated');
        pages.push(rows.slice(i, i + page).length);
        yield rows.slice(i, i + page);
      }
    },
  };
  return {
    pages,
    asked,
    profile: 'emmett',
    framing: 'rows',
    earlier,
    async *batches(): AsyncGenerator<SourceBatch, void, undefined> {
      yield { records: read, position: 'p', caughtUp: true };
    },
    close: async () => undefined,
  };
}

const history = () => {
  // c-1: checked out before the read, 2,500 adds before that (loaded in 3 pages)
  const c1 = [...Array.from({ length: 2500 }, (_, i) => added('c-1', i + 1)), checkedOut('c-1', 2501)];
  return { 'shopping_cart-c-1': c1 };
};

describe('the earlier events of a stream that began before the read', () => {
  it('are loaded in pages and replayed first: the late add to the checked-out cart is a violation, the loaded events are not counted', async () => {
    const reader = store(history(), [added('c-1', 2502, 'hat'), added('c-9', 1)]);
    const { result } = await inspectSource(reader, { source: 'postgres://db?store=emmett', domain, partial: true });
    if (!result.ok) throw new Error(result.reason);
    expect(reader.pages).toEqual([1000, 1000, 501]);
    expect(result.report.violations.map((v) => `${v.stream} ${v.invariant} ${v.position}`)).toEqual([`shopping_cart-c-1 checked-out-cart-never-changes ${position() - 1}`]);
    expect(result.report).toMatchObject({ events: 2, types: { ItemAdded: 2 }, earlierEvents: { streams: 1, events: 2501 } });
    expect(result.report.streamsBeforeRead).toBeUndefined();
    expect(result.report.streams.map((s) => [s.stream, s.events])).toEqual([
      ['shopping_cart-c-1', 1],
      ['shopping_cart-c-9', 1],
    ]);
  });

  it('are not loaded for a read from the start, nor without a domain', async () => {
    const whole = store(history(), [added('c-1', 2502, 'hat')]);
    const { result } = await inspectSource(whole, { source: 'x', domain, partial: false });
    expect([whole.pages, result.ok && result.report.earlierEvents]).toEqual([[], undefined]);
    const plain = store(history(), [added('c-1', 2502, 'hat')]);
    await inspectSource(plain, { source: 'x', partial: true });
    expect(plain.pages).toEqual([]);
  });

  it('a load that fails at once: the stream is replayed as before, counted in streamsBeforeRead, and the note says why', async () => {
    const reader = store(history(), [added('c-1', 2502, 'hat')], () => true);
    const { result } = await inspectSource(reader, { source: 'x', domain, partial: true });
    if (!result.ok) throw new Error(result.reason);
    expect(result.report).toMatchObject({ violations: [], streamsBeforeRead: 1, earlierEvents: { streams: 0, events: 0, failed: 'stream "shopping_cart-c-1": connection terminated' } });
    expect(result.report.notes!.at(-1)).toBe(
      'the earlier events of a stream could not be loaded from the store (stream "shopping_cart-c-1": connection terminated): that stream and the later ones that began before the read are replayed without them',
    );
  });

  it('a load that fails midway ends the read as a lost connection does', async () => {
    const reader = store(history(), [added('c-1', 2502, 'hat')], (page) => page === 2);
    const { lost } = await inspectSource(reader, { source: 'postgres://db?store=emmett', domain, partial: true });
    expect(lost?.message).toBe('read failed: loading the earlier events of stream "shopping_cart-c-1": connection terminated');
  });

  it('a chain of reads that began at a position does not ask the store again for a stream whose state its checkpoint carries; the report is the one loading them gave', async () => {
    const before = history()['shopping_cart-c-1'];
    // c-5 began (and was checked out) before the chain, first met in its second read; c-9 began in the first read
    const c5 = [added('c-5', 1), checkedOut('c-5', 2)];
    const first = [added('c-1', 2502, 'hat'), added('c-9', 1)];
    const second = [added('c-1', 2503, 'cap'), added('c-9', 2), added('c-5', 3)];
    const all = { 'shopping_cart-c-1': [...before, first[0], second[0]], 'shopping_cart-c-9': [first[1], second[1]], 'shopping_cart-c-5': [...c5, second[2]] };
    const one = await inspectSource(store(all, first), { source: 'x', domain, partial: true, checkpoint: { file: 'cp', fromStart: false } });
    if (!one.result.ok) throw new Error(one.result.reason);
    const carried: CarriedState = { states: [...finalStateEntries(one.result.report as { finalState: Record<string, unknown> })], unknown: one.unknownStreams!, fromStart: false };
    expect(carried.states.map(([s]) => s).sort()).toEqual(['shopping_cart-c-1', 'shopping_cart-c-9']);
    const resumed = () => ({ source: 'x', domain, partial: true, checkpoint: { file: 'cp', fromStart: false, resumed: { position: 'p', carried } } });

    const reader = store(all, second);
    const { result } = await inspectSource(reader, resumed());
    if (!result.ok) throw new Error(result.reason);
    // c-1's 2,502 earlier events and c-9's one are in their carried states: only c-5, new to the chain, is asked for
    expect(reader.asked).toEqual(['shopping_cart-c-5']);
    // c-1's broken already (reported by the first read), c-5's found on its loaded history
    expect(result.report.violations.map((v) => `${v.stream} ${v.invariant}`)).toEqual(['shopping_cart-c-5 checked-out-cart-never-changes']);
    expect(result.report).toMatchObject({ earlierEvents: { streams: 1, events: 2 } });

    // the same read asking the store for every stream (as it did before): the same report
    const asking = vi.spyOn(LogInspector.prototype, 'carriesEarlier').mockReturnValue(false);
    try {
      const old = store(all, second);
      const before = await inspectSource(old, resumed());
      expect(old.asked).toEqual(['shopping_cart-c-1', 'shopping_cart-c-9', 'shopping_cart-c-5']);
      expect(JSON.stringify(before.result)).toBe(JSON.stringify(result));
    } finally {
      asking.mockRestore();
    }
  });
});
