/**
 * The states a checkpoint keeps (src/sources/checkpointStates, README "Checkpoints"): a state
 * holding a Map, a Set, a Date or a bigint comes back as it was — so a chain of reads of a domain
 * whose evolve keeps a Map finds what one whole read finds — a plain state is written as plain JSON
 * (no tag), a file written before the tags reads as before, and a value no checkpoint can keep is
 * refused with one line naming the stream and the JSON path.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCheckpoint, writeCheckpoint } from '../../../src/cli/checkpointFile';
import { InputFileError, type CliIO } from '../../../src/cli/io';
import { domainModule } from '../../../src/engine/module/domainModule';
import { LogInspector, type InspectorOptions } from '../../../src/logs/logInspector';
import type { InspectionReport } from '../../../src/logs/types';
import { checkpointKept } from '../../../src/sources/checkpointRead';
import { parseSourceUrl } from '../../../src/sources/sourceUrl';

const io = (cwd: string): CliIO => ({ out: () => undefined, err: () => undefined, errIsTTY: false, cwd });
const source = parseSourceUrl('nats://127.0.0.1:4222/CARTS');
const domain = { id: 'carts' };
const head = { source: source.display, domain, position: '17', fromStart: true };
const reportOf = (finalState: Record<string, unknown>) => ({ finalState }) as unknown as InspectionReport;

/** Writes `finalState` as a checkpoint and reads it back: the file's text and the states read. */
async function roundTrip(finalState: Record<string, unknown>) {
  const cwd = mkdtempSync(join(tmpdir(), 'checkpoint-states-'));
  await writeCheckpoint('cp.json', io(cwd), head, checkpointKept(reportOf(finalState), []));
  const text = readFileSync(join(cwd, 'cp.json'), 'utf8');
  const read = await readCheckpoint('cp.json', io(cwd), source, domain);
  return { text, states: Object.fromEntries(read!.states) };
}

describe('the states a checkpoint keeps', () => {
  it('a state holding a Map (of Dates, Sets, bigints) comes back as it was', async () => {
    const state = {
      items: new Map<string, unknown>([
        ['tee', { quantity: 2, addedAt: new Date('2026-11-30T10:00:00.000Z') }],
        ['mug', { quantity: 1, tags: new Set(['gift', 'sale']) }],
      ]),
      total: 12345678901234567890n,
      note: { '@purestream': 'its own member', at: [new Date('2026-12-01T00:00:00.000Z')] },
    };
    const { text, states } = await roundTrip({ 'cart:c-1': state });
    expect(states['cart:c-1']).toEqual(state);
    expect((states['cart:c-1'] as typeof state).items).toBeInstanceOf(Map);
    expect((states['cart:c-1'] as typeof state).items.get('tee')).toEqual({ quantity: 2, addedAt: new Date('2026-11-30T10:00:00.000Z') });
    expect(text).toContain('"items":{"@purestream":"Map","entries":[["tee",{"quantity":2,"addedAt":{"@purestream":"Date","value":"2026-11-30T10:00:00.000Z"}}]');
    expect(text).toContain('"total":{"@purestream":"BigInt","value":"12345678901234567890"}');
  });

  it('a plain state is written as plain JSON, and a file without tags (written before them) reads as before', async () => {
    const plain = { items: [{ sku: 'tee', quantity: 2 }], checkedOut: false, total: 12.5, owner: null };
    const { text, states } = await roundTrip({ 'cart:c-2': plain });
    expect(text).not.toContain('@purestream');
    expect(text).toContain(`"cart:c-2": ${JSON.stringify(plain)}`);
    expect(states).toEqual({ 'cart:c-2': plain });
  });

  it('a value no checkpoint can keep: not written, one line naming the stream and the JSON path; an unknown tag read is bad input at its path', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'checkpoint-states-'));
    class Money {
      constructor(readonly cents: number) {}
    }
    const cases: [unknown, string][] = [
      [{ items: new Map([['tee', { price: Number.NaN }]]) }, 'the state of stream "cart:c-3" at $.items.get("tee").price holds NaN, which JSON cannot hold'],
      [{ lines: [1, undefined] }, 'the state of stream "cart:c-3" at $.lines[1] holds undefined, which JSON writes as null in an array'],
      [{ total: new Money(5) }, 'the state of stream "cart:c-3" at $.total holds an instance of Money, which a checkpoint cannot make again'],
    ];
    for (const [state, line] of cases) {
      const kept = checkpointKept(reportOf({ 'cart:c-1': { fine: true }, 'cart:c-3': state }), []);
      await expect(writeCheckpoint('cp.json', io(cwd), head, kept)).rejects.toThrow(new InputFileError(`--checkpoint cp.json: not written: ${line} (a checkpoint keeps JSON, Maps, Sets, Dates and bigints; the file is unchanged)`));
    }
    writeFileSync(join(cwd, 'cp.json'), JSON.stringify({ format: 'purestream/checkpoint@1', ...head, unknown: [], streams: 1, states: { 'cart:c-1': { at: { '@purestream': 'Temporal', value: 'x' } } } }));
    await expect(readCheckpoint('cp.json', io(cwd), source, domain)).rejects.toThrow(new InputFileError('cp.json: states["cart:c-1"].at.@purestream: unknown tag "Temporal" (expected Map, Set, Date, BigInt or Object)'));
  });

  it('a chain of two reads of a domain whose evolve keeps a Map finds what one whole read finds, with the same final state', async () => {
    type Cart = { readonly items: Map<string, number>; readonly checkedOut: boolean };
    const carts = domainModule({
      id: 'carts',
      decide: () => ({ type: 'accepted', events: [] }),
      evolve: (c: Cart | undefined, e: { type: string; data: { cartId: string; sku: string } }) => {
        const items = new Map(c?.items ?? []);
        if (e.type === 'ItemAdded') items.set(e.data.sku, (items.get(e.data.sku) ?? 0) + 1);
        return { items, checkedOut: c?.checkedOut === true || e.type === 'CartCheckedOut' };
      },
      streamOf: (e: { data: { cartId: string } }) => `cart:${e.data.cartId}`,
      commandSchemas: {},
      eventSchemas: { ItemAdded: { type: 'object', properties: { cartId: { type: 'string' }, sku: { type: 'string' } }, required: ['cartId', 'sku'] }, CartCheckedOut: { type: 'object', properties: { cartId: { type: 'string' }, sku: { type: 'string' } }, required: ['cartId'] } },
      invariants: [{ name: 'at-most-three-of-a-kind', violation: (_s: string, c: Cart) => ([...c.items.values()].some((n) => n > 3) ? 'more than three of one item' : undefined) }],
    });
    let n = 0;
    const ev = (type: string, sku = '') => JSON.stringify({ eventId: `e-${++n}`, eventType: type, aggregateId: 'c-1', timestamp: new Date(Date.UTC(2026, 10, 30, 0, 0, n)).toISOString(), data: { cartId: 'c-1', sku } });
    const before = [ev('ItemAdded', 'tee'), ev('ItemAdded', 'tee'), ev('ItemAdded', 'tee')];
    const after = [ev('ItemAdded', 'tee'), ev('ItemAdded', 'mug')];
    const read = (lines: readonly string[], options: InspectorOptions) => {
      const inspector = new LogInspector({ domain: carts, ...options });
      lines.forEach((text, i) => inspector.record(text, i + 1));
      const result = inspector.finish('log');
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      return result.report;
    };
    const whole = read([...before, ...after], {});
    expect(whole.violations.map((v) => v.invariant)).toEqual(['at-most-three-of-a-kind']);
    const cwd = mkdtempSync(join(tmpdir(), 'checkpoint-states-'));
    await writeCheckpoint('cp.json', io(cwd), head, checkpointKept(read(before, {}), []));
    const saved = (await readCheckpoint('cp.json', io(cwd), source, domain))!;
    const second = read(after, { partial: true, carried: { states: saved.states, unknown: saved.unknown, fromStart: true } });
    expect(second.violations.map((v) => v.invariant)).toEqual(['at-most-three-of-a-kind']);
    expect(second.stateHash).toBe(whole.stateHash);
  });
});
