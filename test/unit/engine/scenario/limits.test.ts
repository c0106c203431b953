/** Issue 17, classes 1-4, 6 and 13: the smallest input of each, refused with one message naming the place and the limit, or run to the end. */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../../src/engine/run';
import { locateJsonError } from '../../../../src/engine/scenario/locateJsonError';
import { parseScenario } from '../../../../src/engine/scenario/parse';
import { parseSweepParam, planSweep } from '../../../../src/engine/scenario/sweep';
import { errorsOf, scenarioOf } from './parseHelpers';

const restock = { type: 'RestockItem', data: { sku: 'tee', qty: 1 } };
const file = (extra: Record<string, unknown> = {}) => ({ format: 'purestream/scenario@1', name: 't', domain: 'commerce', commands: [restock] as unknown[], ...extra });
const messages = (value: unknown) => errorsOf(value).map((e) => `${e.path}: ${e.message}`);

describe('#17.1 the expanded size is known before expanding', () => {
  it('refuses "repeat": 1000000000 (a 282-byte file) at once, naming the node and the number', () => {
    const text = JSON.stringify(file({ commands: [{ repeat: 1_000_000_000, every: 1, template: { type: 'PlaceOrder', data: { orderId: 'o-{n}', customerId: 'u', sku: 'tee', qty: 1 } } }] }));
    expect(text.length).toBeLessThan(282);
    expect(messages(text)).toEqual(["commands[0]: expands to 1,000,000,000 commands; a scenario's setup and commands may each expand to at most 10,000,000"]);
  });

  it('names the deepest node too big on its own: repeat 5e9 inside a batch, nested repeats that multiply', () => {
    expect(messages(file({ commands: [{ batch: 'allow-partial', items: [{ repeat: 5e9, template: restock }] }] }))).toEqual([
      "commands[0].items[0]: expands to 5,000,000,000 commands; a scenario's setup and commands may each expand to at most 10,000,000",
    ]);
    expect(messages(file({ setup: [{ repeat: 10_000, template: { repeat: 10_000, template: restock } }] }))).toEqual([
      "setup[0]: expands to 100,000,000 commands; a scenario's setup and commands may each expand to at most 10,000,000",
    ]);
    expect(messages(file({ commands: [{ repeat: 6_000_000, template: restock }, { repeat: 6_000_000, template: restock }] }))).toEqual([
      "commands: expands to 12,000,000 commands in all; a scenario's setup and commands may each expand to at most 10,000,000",
    ]);
  });

  it('admits real work: 10,000,000 commands validate (the benchmark runs 1,000,000)', () => {
    expect(scenarioOf(file({ commands: [{ repeat: 10_000_000, template: restock }] })).commands).toHaveLength(1);
  });

  it('sizes a sweep grid before building it: points and points × seeds', () => {
    const param = (spec: string) => parseSweepParam(spec) as Exclude<ReturnType<typeof parseSweepParam>, string>;
    const grid = [param('scheduler.workers=1..10000'), param('serviceMs=1..10000')];
    expect(planSweep(file({ runs: [{ name: 'r' }] }), 'r', grid)).toEqual({ ok: false, errors: [{ path: '--param', message: '100,000,000 points are too many (at most 10,000)' }] });
    expect(planSweep(file({ runs: [{ name: 'r' }] }), 'r', [param('serviceMs=1..10000')], 10_000)).toEqual({
      ok: false,
      errors: [{ path: '--seeds', message: '10,000 points × 10,000 seeds = 100,000,000 runs are too many (at most 100,000)' }],
    });
    const ok = planSweep(file({ runs: [{ name: 'r' }] }), 'r', [param('serviceMs=1..10')], 10_000);
    expect(ok.ok && ok.points.length).toBe(10);
  });
});

/** A command nested in `depth` batches, or `depth` repeat templates. */
const nested = (depth: number, kind: 'batch' | 'repeat'): unknown => {
  let node: unknown = restock;
  for (let i = 0; i < depth; i++) node = kind === 'batch' ? { batch: 'allow-partial', items: [node] } : { repeat: 1, template: node };
  return node;
};

describe('#17.2 nesting the user controls', () => {
  it('refuses batches 1,500 deep, repeat templates 3,000 deep and an x- key 20,000 deep with one line naming the path', () => {
    expect(messages(JSON.stringify(file({ commands: [nested(1_500, 'batch')] })))).toEqual([
      'commands[0].items[0]…items[0]: nested 1,001 levels deep; a scenario file may nest at most 1,000 levels',
    ]);
    expect(messages(file({ commands: [nested(3_000, 'repeat')] }))).toEqual([
      'commands[0].template.template…template.template: nested 1,001 levels deep; a scenario file may nest at most 1,000 levels',
    ]);
    let deep: unknown = 1;
    for (let i = 0; i < 20_000; i++) deep = { a: deep };
    expect(messages(file({ commands: [{ repeat: 2, template: { ...restock, 'x-note': deep } }] }))[0]).toBe("commands[0].template.x-note…a.a: nested 1,001 levels deep; a scenario file may nest at most 1,000 levels");
  });

  it('locates a syntax error at any depth without a stack overflow', () => {
    expect(locateJsonError('['.repeat(200_000))).toEqual({ line: 1, column: 200_001, reason: 'unexpected end of input (expected a value)' });
    expect(messages('{"commands": ' + '['.repeat(100_000))).toEqual(['line 1, column 100014: invalid JSON: unexpected end of input (expected a value)']);
  });

  it('runs a file nested to the limit: batches and repeat templates', () => {
    for (const node of [nested(498, 'batch'), nested(996, 'repeat')]) {
      const { report } = runScenario(scenarioOf(file({ commands: [node], runs: [{ name: 'sw', scheduler: { kind: 'single-writer' } }] })));
      expect(report.runs[0].metrics).toMatchObject({ commands: 1, accepted: 1 });
    }
  });
});

describe('#17.3 every time a run can reach stays finite; no command is dropped', () => {
  it('refuses "at": 1.7e308, "every": 1.7e308 and huge durations and downtime ends, naming the limit', () => {
    expect(messages(file({ commands: [{ at: 1.7e308, repeat: 3, every: 1.7e308, template: restock }] }))).toEqual([
      'commands[0].at: 1.7e+308 ms is over the limit: times and durations are at most 1e15 ms (about 31,700 years)',
      'commands[0].every: 1.7e+308 ms is over the limit: times and durations are at most 1e15 ms (about 31,700 years)',
    ]);
    const run = {
      name: 'r',
      serviceMs: { dist: 'uniform', min: 0, max: 1e300 },
      consumers: [{ name: 's', interpreter: 'state-store', downtime: [{ from: 0, to: 1e300 }], retry: { max: 1000, backoffMs: 1e15, factor: 2 } }],
    };
    expect(messages(file({ runs: [run] }))).toEqual([
      'runs[0].serviceMs.max: 1e+300 ms is over the limit: times and durations are at most 1e15 ms (about 31,700 years)',
      'runs[0].consumers[0].retry.factor: the last retry would wait backoffMs × factor^(max − 1) = Infinity ms; times and durations are at most 1e15 ms (about 31,700 years)',
      'runs[0].consumers[0].downtime[0].to: 1e+300 ms is over the limit: times and durations are at most 1e15 ms (about 31,700 years)',
    ]);
  });

  it('runs every command at the largest times allowed, with a finite makespan', () => {
    const { report } = runScenario(scenarioOf(file({ commands: [{ at: 1e15, repeat: 3, every: 1e15, template: restock }], runs: [{ name: 'r', serviceMs: 1e15 }] })));
    expect(report.runs[0].metrics).toMatchObject({ commands: 3, accepted: 3, makespanMs: 3e15 });
  });
});

describe('#17.4 sizes used as allocations have stated maxima', () => {
  it('refuses workers 9007199254740991 for a pool, a partitioned scheduler, autoscale and a consumer; retry.max 2^53', () => {
    const huge = 9007199254740991;
    const runs = [
      { name: 'a', scheduler: { kind: 'pool', workers: huge } },
      { name: 'b', scheduler: { kind: 'partitioned', workers: huge } },
      { name: 'c', scheduler: { kind: 'autoscale', max: huge } },
      { name: 'd', consumers: [{ name: 's', interpreter: 'state-store', workers: huge, failureRate: 1, retry: { max: 2 ** 53 } }] },
    ];
    expect(messages(file({ runs }))).toEqual([
      'runs[0].scheduler.workers: 9,007,199,254,740,991 is over the limit: at most 1,000,000 workers',
      'runs[1].scheduler.workers: 9,007,199,254,740,991 is over the limit: at most 1,000,000 workers',
      'runs[2].scheduler.max: 9,007,199,254,740,991 is over the limit: at most 1,000,000 workers',
      'runs[3].consumers[0].workers: 9,007,199,254,740,991 is over the limit: at most 1,000,000 workers',
      'runs[3].consumers[0].retry.max: expected an integer >= 0, got 9007199254740992',
    ]);
  });

  it('runs the maxima: a million workers, 1,000 retries of an event that always fails', () => {
    const runs = [
      { name: 'pool', scheduler: { kind: 'pool', workers: 1_000_000 } },
      { name: 'partitioned', scheduler: { kind: 'partitioned', workers: 1_000_000 } },
      { name: 'retries', consumers: [{ name: 'mail', interpreter: 'notifier', workers: 1_000_000, failureRate: 1, retry: { max: 1000, backoffMs: 0 } }] },
    ];
    const { report } = runScenario(scenarioOf(file({ commands: [{ repeat: 200, template: restock }], runs })));
    expect(report.runs.map((r) => r.metrics.maxWorkers)).toEqual([1_000_000, 1_000_000, 1]);
    expect(report.runs[2].metrics).toMatchObject({ failures: 200 * 1001, retries: 200 * 1000, deadLettered: 200 });
  });
});

describe('#17.6 names that are built into every object', () => {
  it('refuses command data "constructor": 1 (it is no field), and a type named toString', () => {
    expect(messages(file({ commands: [{ type: 'RestockItem', data: { sku: 'tee', qty: 1, constructor: 1 } }, { type: 'toString', data: {} }] }))).toEqual([
      'commands[0].data.constructor: is not a known field',
      'commands[1].type: unknown command type "toString" for domain "commerce"; expected one of "RestockItem", "PlaceOrder", "CancelOrder", "ShipOrder"',
    ]);
  });

  it('keeps a consumer named __proto__ in the trace and its output', () => {
    const { traces } = runScenario(scenarioOf(file({ runs: [{ name: 'r', consumers: [{ name: 'state', interpreter: 'state-store' }, { name: '__proto__', interpreter: 'audit-log' }] }] })));
    expect(Object.keys(traces[0].consumerQueueDepth)).toEqual(['state', '__proto__']);
    expect(Object.hasOwn(traces[0].outputs, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(traces[0].outputs)).toBe(Object.prototype);
  });

  it('refuses sweep paths through __proto__, constructor or prototype, and leaves Object.prototype alone', () => {
    expect(parseSweepParam('__proto__.jitterMs=1..2')).toBe('__proto__.jitterMs: "__proto__" is not a parameter (a path may not go through __proto__, constructor or prototype)');
    expect(parseSweepParam('scheduler.constructor=1..2')).toMatch(/"constructor" is not a parameter/);
    expect(({} as Record<string, unknown>).jitterMs).toBeUndefined();
  });
});

describe('#17.13 every problem of a file at once', () => {
  it('an empty command list does not hide an unknown scheduler kind, nor an unknown domain the runs', () => {
    expect(messages(file({ commands: [], runs: [{ name: 'r', scheduler: { kind: 'pol' } }] }))).toEqual([
      'commands: expected at least one entry',
      'runs[0].scheduler.kind: unknown scheduler kind "pol"; did you mean "pool"? expected one of "serial", "pool", "autoscale", "partitioned", "single-writer", "capacity-aware"',
    ]);
    expect(messages(file({ domain: 'shop', commands: [{ typ: 'x' }], runs: [{ name: 'r', serviceMs: -1 }] }))).toEqual([
      'domain: unknown domain "shop"; known domains: "commerce", "profiles"',
      'commands[0]: expected a node: a command {"type", "data"}, a batch {"batch", "items"}, a repeat {"repeat", "template"} or an offline group {"offline", "syncAt", "items"}',
      'runs[0].serviceMs: expected a number >= 0, got -1',
    ]);
  });

  it('shortens a 20 MB unknown key in its message', () => {
    const key = 'k'.repeat(20_000_000);
    const [error] = errorsOf(file({ [key]: 1 }));
    expect(error.path).toBe(`${'k'.repeat(64)}…`);
    expect(error.message.length).toBeLessThan(200);
  });
});

describe('a parse result is the same whatever the input form', () => {
  it('text and value give the same errors for the limits', () => {
    const value = file({ commands: [{ repeat: 1e9, template: restock }] });
    expect(parseScenario(JSON.stringify(value))).toEqual(parseScenario(value));
  });
});
