import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandScenario } from '../../../../src/engine/scenario/expand';
import type { BatchEnvelope, CommandEnvelope, DecisionInput } from '../../../../domain/kernel';
import type { CommandNode, Scenario, ScenarioNode } from '../../../../src/engine/types';

const scenario = (commands: ScenarioNode[], extra: Partial<Scenario> = {}): Scenario => ({
  format: 'purestream/scenario@1',
  name: 't',
  description: '',
  domain: 'commerce',
  seed: 1,
  setup: [],
  commands,
  runs: [],
  extensions: {},
  ...extra,
});

const restock = (sku: string, extra: object = {}): ScenarioNode => ({ type: 'RestockItem', data: { sku, qty: 1 }, ...extra });
const order = (orderId: string, extra: object = {}): ScenarioNode => ({ type: 'PlaceOrder', data: { orderId, customerId: 'u', sku: 'tee', qty: 1 }, ...extra });
const cmd = (input: DecisionInput) => input as CommandEnvelope;


describe('expandScenario', () => {
  it('numbers commands c<n> depth-first, batches b<n> separately, and keeps explicit ids and actors', () => {
    const { arrivals } = expandScenario(
      scenario([
        restock('a'),
        { batch: 'all-or-nothing', items: [restock('b'), { batch: 'allow-partial', id: 'inner', items: [restock('c')] }] },
        restock('d', { id: 'mine', actor: 'admin' }),
        restock('e'),
      ]),
    );
    expect(arrivals.map((a) => a.input.id)).toEqual(['c1', 'b1', 'mine', 'c5']);
    const batch = arrivals[1].input;
    expect(batch).toMatchObject({ kind: 'batch', mode: 'all-or-nothing', items: [{ id: 'c2' }, { kind: 'batch', id: 'inner', mode: 'allow-partial', items: [{ id: 'c3' }] }] });
    expect(cmd(arrivals[2].input).actor).toBe('admin');
    expect('actor' in arrivals[3].input).toBe(false);
  });

  it('fills schema defaults into command data', () => {
    const { arrivals } = expandScenario(scenario([restock('a')]));
    expect(cmd(arrivals[0].input).data).toEqual({ sku: 'a', qty: 1, warehouse: 'main' });
  });

  it('defaults at to the previous node and sorts by time with ties in file order', () => {
    const { arrivals } = expandScenario(scenario([restock('a', { at: 5 }), restock('b'), restock('c', { at: 2 }), restock('d', { at: 5 })]));
    expect(arrivals.map((a) => [a.input.id, a.at, a.order])).toEqual([
      ['c3', 2, 2],
      ['c1', 5, 0],
      ['c2', 5, 1],
      ['c4', 5, 3],
    ]);
    expect(cmd(arrivals[1].input).at).toBe(5);
  });

  it('gives batch items the batch arrival time as timestamp', () => {
    const { arrivals } = expandScenario(scenario([{ batch: 'allow-partial', at: 7, items: [restock('a'), { batch: 'all-or-nothing', items: [restock('b')] }] }]));
    const batch = arrivals[0].input as BatchEnvelope;
    expect(cmd(batch.items[0]).at).toBe(7);
    expect(cmd((batch.items[1] as BatchEnvelope).items[0]).at).toBe(7);
  });

  it('repeats with {i}/{n} in every string, every, and fresh ids per copy', () => {
    const { arrivals } = expandScenario(scenario([{ repeat: 3, at: 10, every: 5, template: order('o-{n}', { actor: 'u-{i}' }) }, restock('x')]));
    expect(arrivals.map((a) => [a.input.id, a.at])).toEqual([
      ['c1', 10],
      ['c2', 15],
      ['c3', 20],
      ['c4', 20],
    ]);
    expect(arrivals.map((a) => (cmd(a.input).data as { orderId?: string }).orderId)).toEqual(['o-1', 'o-2', 'o-3', undefined]);
    expect(cmd(arrivals[2].input).actor).toBe('u-2');
  });

  it('substitutes ids of templates and repeats batches and nested repeats', () => {
    const { arrivals } = expandScenario(
      scenario([{ repeat: 2, template: { batch: 'all-or-nothing', id: 'cart-{n}', items: [{ repeat: 2, template: order('o-{n}') }] } }]),
    );
    expect(arrivals.map((a) => a.input.id)).toEqual(['cart-1', 'cart-2']);
    expect((arrivals[1].input as BatchEnvelope).items.map((i) => i.id)).toEqual(['c3', 'c4']);
  });

  it('draws seeded jitter in [0, jitterMs], deterministic per seed', () => {
    const node: ScenarioNode = { repeat: 50, every: 0, jitterMs: 10, template: restock('a') };
    const times = (seed: number) => expandScenario(scenario([node], { seed })).arrivals.map((a) => a.at);
    const first = times(3);
    expect(times(3)).toEqual(first);
    expect(first.every((t) => Number.isInteger(t) && t >= 0 && t <= 10)).toBe(true);
    expect(new Set(first).size).toBeGreaterThan(3);
    expect(times(4)).not.toEqual(first);
    expect([...first].sort((a, b) => a - b)).toEqual(first);
  });

  it('keeps offline timestamps but arrives at syncAt, in listed order', () => {
    const { arrivals } = expandScenario(
      scenario([
        restock('a', { at: 1 }),
        { offline: 'client-a', syncAt: 100, items: [restock('b', { at: 50 }) as never, restock('c', { at: 20 }) as never, restock('d') as never] },
        restock('e'),
      ]),
    );
    expect(arrivals.map((a) => [a.input.id, a.at, cmd(a.input).at, a.offline])).toEqual([
      ['c1', 1, 1, undefined],
      ['c2', 100, 50, 'client-a'],
      ['c3', 100, 20, 'client-a'],
      ['c4', 100, 20, 'client-a'],
      ['c5', 100, 100, undefined],
    ]);
  });

  it('expands setup in order with its own ids', () => {
    const { setup, arrivals } = expandScenario(scenario([restock('z')], { setup: [restock('a'), { repeat: 2, template: restock('s-{n}') }, { batch: 'allow-partial', items: [restock('b')] }] }));
    expect(setup.map((s) => s.id)).toEqual(['s1', 's2', 's3', 'sb1']);
    expect(arrivals[0].input.id).toBe('c1');
  });

  it('expands a large repeat without placeholders cheaply', () => {
    const { arrivals } = expandScenario(scenario([{ repeat: 200_000, every: 1, template: restock('a') }]));
    expect(arrivals.length).toBe(200_000);
    expect(arrivals[199_999].input.id).toBe('c200000');
  });
});

describe('expandScenario: batches with repeats, and properties', () => {
  it('expands a repeat inside a batch into items with fresh ids', () => {
    const { arrivals } = expandScenario(scenario([{ batch: 'allow-partial', items: [restock('a'), { repeat: 3, template: order('o-{n}') }] }]));
    const batch = arrivals[0].input as BatchEnvelope;
    expect(batch.items.map((i) => [i.id, (cmd(i).data as { orderId?: string }).orderId])).toEqual([
      ['c1', undefined],
      ['c2', 'o-1'],
      ['c3', 'o-2'],
      ['c4', 'o-3'],
    ]);
  });

  const node: fc.Memo<ScenarioNode> = fc.memo((depth) =>
    fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.record({ type: fc.constant('RestockItem'), data: fc.constant({ sku: 'a', qty: 1 }), at: fc.option(fc.integer({ min: 0, max: 50 }), { nil: undefined }) }, { requiredKeys: ['type', 'data'] }),
      depth > 1 ? fc.record({ batch: fc.constantFrom('all-or-nothing' as const, 'allow-partial' as const), items: fc.array(batchItem(depth - 1), { minLength: 1, maxLength: 3 }) }) : fc.constant(restock('b')),
      depth > 1 ? fc.record({ repeat: fc.integer({ min: 0, max: 4 }), every: fc.integer({ min: 0, max: 5 }), jitterMs: fc.integer({ min: 0, max: 3 }), template: batchItem(depth - 1) }) : fc.constant(restock('c')),
      fc.record({ offline: fc.constant('x'), syncAt: fc.integer({ min: 0, max: 50 }), items: fc.array(fc.constant(restock('d', { at: 3 }) as CommandNode), { minLength: 1, maxLength: 3 }) }),
    ),
  );
  const batchItem = (depth: number): fc.Arbitrary<ScenarioNode> =>
    depth > 1 ? fc.oneof(fc.constant(restock('e')), fc.record({ batch: fc.constant('allow-partial' as const), items: fc.array(batchItem(depth - 1), { minLength: 1, maxLength: 2 }) })) : fc.constant(restock('f'));

  const countCommands = (input: DecisionInput): number => ('kind' in input && input.kind === 'batch' ? input.items.reduce((n, i) => n + countCommands(i), 0) : 1);
  const ids = (input: DecisionInput): string[] => ('kind' in input && input.kind === 'batch' ? [input.id, ...input.items.flatMap(ids)] : [input.id]);

  it('arrivals are sorted by time then file order, ids are unique and c<n> numbers every command', () => {
    fc.assert(
      fc.property(fc.array(node(3), { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 1000 }), (commands, seed) => {
        const { arrivals } = expandScenario(scenario(commands, { seed }));
        for (let i = 1; i < arrivals.length; i++) {
          const [a, b] = [arrivals[i - 1], arrivals[i]];
          expect(a.at < b.at || (a.at === b.at && a.order < b.order)).toBe(true);
        }
        const all = arrivals.flatMap((a) => ids(a.input));
        expect(new Set(all).size).toBe(all.length);
        const commandCount = arrivals.reduce((n, a) => n + countCommands(a.input), 0);
        const numbers = all.filter((id) => id.startsWith('c')).map((id) => Number(id.slice(1)));
        expect([...numbers].sort((x, y) => x - y)).toEqual(Array.from({ length: commandCount }, (_, k) => k + 1));
        expect(expandScenario(scenario(commands, { seed }))).toEqual({ setup: [], arrivals });
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});
