import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listedProblems, scenarioErrorsText } from '../../../../src/engine/scenario/parse';
import { at, errorsOf, scenarioOf } from './parseHelpers';

const everything = JSON.parse(readFileSync(new URL('../../../fixtures/scenarios/everything.json', import.meta.url), 'utf8'));
const withRuns = (...runs: unknown[]) => ({
  format: 'purestream/scenario@1',
  name: 't',
  domain: 'commerce',
  commands: [{ type: 'RestockItem', data: { sku: 'tee', qty: 1 } }],
  runs,
});
const consumer = (extra: object) => withRuns({ name: 'r', consumers: [{ name: 'c', interpreter: 'notifier', ...extra }] });

describe('parseScenario: runs and schedulers', () => {
  it('defaults to one run named default with a serial scheduler and a state store', () => {
    const { runs } = scenarioOf({ ...withRuns(), runs: undefined });
    expect(runs).toEqual([
      {
        name: 'default',
        scheduler: { kind: 'serial', workers: 1, min: 1, max: 8, scaleUpDepth: 10, startupMs: 100, idleMs: 1000 },
        serviceMs: 1,
        consumers: [
          { name: 'state', interpreter: 'state-store', events: '*', latencyMs: 0, workers: 1, failureRate: 0, delivery: 'exactly-once', duplicateRate: 0, idempotent: true, deadLetter: true, downtime: [], enactMs: 0 },
        ],
        authorize: false,
      },
    ]);
  });

  it('fills scheduler defaults per kind', () => {
    const { runs } = scenarioOf(withRuns({ name: 'p', scheduler: { kind: 'pool' } }, { name: 'a', scheduler: { kind: 'autoscale', min: 2 } }, { name: 'k', scheduler: { kind: 'partitioned', key: 'orderId' } }));
    expect(runs[0].scheduler.workers).toBe(4);
    expect(runs[1].scheduler).toMatchObject({ kind: 'autoscale', workers: 2, min: 2, max: 8 });
    expect(runs[2].scheduler).toMatchObject({ kind: 'partitioned', workers: 4, key: 'orderId' });
  });

  it('names unknown scheduler kinds and parameters of other kinds', () => {
    expect(at(withRuns({ name: 'r', scheduler: { kind: 'fifo' } }), 'runs[0].scheduler.kind')).toBe(
      'unknown scheduler kind "fifo"; expected one of "serial", "pool", "autoscale", "partitioned", "single-writer", "capacity-aware"',
    );
    expect(at(withRuns({ name: 'r', scheduler: { kind: 'serial', workers: 2 } }), 'runs[0].scheduler.workers')).toBe('not a parameter of the "serial" scheduler; it has none');
    expect(at(withRuns({ name: 'r', scheduler: { kind: 'pool', worker: 2 } }), 'runs[0].scheduler.worker')).toContain('did you mean "workers"?');
    expect(at(withRuns({ name: 'r', scheduler: {} }), 'runs[0].scheduler.kind')).toBe('is required');
    expect(at(withRuns({ name: 'r', scheduler: { kind: 'pool', workers: 0 } }), 'runs[0].scheduler.workers')).toContain('>= 1');
    expect(at(withRuns({ name: 'r', scheduler: { kind: 'autoscale', min: 4, max: 2 } }), 'runs[0].scheduler.max')).toContain('>= 4');
    expect(at(withRuns({ name: 'r', scheduler: { kind: 'partitioned', key: 'color' } }), 'runs[0].scheduler.key')).toContain('no command of domain "commerce" has a data field "color"');
    const profiles = { ...withRuns({ name: 'r', scheduler: { kind: 'capacity-aware' } }), domain: 'profiles', commands: [{ type: 'RemoveProfile', data: { profileId: 'p' } }] };
    expect(at(profiles, 'runs[0].scheduler.kind')).toContain('no capacity hook');
  });

  it('checks run names, keys, serviceMs and authorize', () => {
    expect(at(withRuns({ name: 'a' }, { name: 'a' }), 'runs[1].name')).toBe('duplicate run name "a" (also at runs[0].name)');
    expect(at(withRuns({}), 'runs[0].name')).toBe('is required');
    expect(at(withRuns({ name: 'a', workers: 2 }), 'runs[0].workers')).toContain('unknown key');
    expect(at(withRuns({ name: 'a', authorize: 'yes' }), 'runs[0].authorize')).toContain('true or false');
    expect(scenarioOf(withRuns({ name: 'a', 'x-color': 'red' })).runs[0].name).toBe('a');
  });

  it('says a run name runs share at each of them, naming another; a list says it once, at each later run', () => {
    const errors = errorsOf(withRuns({ name: 'a' }, { name: 'b' }, { name: 'a' }, { name: 'a' }));
    expect(errors).toEqual([
      { path: 'runs[0].name', message: 'duplicate run name "a" (also at runs[2].name)', sameAs: 'runs[2].name', repeat: true },
      { path: 'runs[2].name', message: 'duplicate run name "a" (also at runs[0].name)', sameAs: 'runs[0].name' },
      { path: 'runs[3].name', message: 'duplicate run name "a" (also at runs[0].name)', sameAs: 'runs[0].name' },
    ]);
    expect(listedProblems(errors).map((e) => e.path)).toEqual(['runs[2].name', 'runs[3].name']);
    expect(scenarioErrorsText(errors, 's.json')).toBe('s.json: runs[2].name: duplicate run name "a" (also at runs[0].name)\ns.json: runs[3].name: duplicate run name "a" (also at runs[0].name)\n');
  });

  it('checks durations', () => {
    expect(at(withRuns({ name: 'a', serviceMs: -1 }), 'runs[0].serviceMs')).toBe('expected a number >= 0, got -1');
    expect(at(withRuns({ name: 'a', serviceMs: '5' }), 'runs[0].serviceMs')).toContain('expected a duration');
    expect(at(withRuns({ name: 'a', serviceMs: { dist: 'normal' } }), 'runs[0].serviceMs.dist')).toContain('unknown distribution "normal"');
    expect(at(withRuns({ name: 'a', serviceMs: { dist: 'uniform', min: 5, max: 1 } }), 'runs[0].serviceMs.max')).toBe('expected a number >= 5, got 1');
    expect(at(withRuns({ name: 'a', serviceMs: { dist: 'exponential' } }), 'runs[0].serviceMs.mean')).toBe('is required');
    expect(at(withRuns({ name: 'a', serviceMs: { dist: 'exponential', mean: 1, min: 0 } }), 'runs[0].serviceMs.min')).toContain('unknown key');
    expect(scenarioOf(withRuns({ name: 'a', serviceMs: { dist: 'uniform', min: 1, max: 3 } })).runs[0].serviceMs).toEqual({ dist: 'uniform', min: 1, max: 3 });
  });
});

describe('parseScenario: consumers', () => {
  it('fills consumer defaults; idempotent only for state stores', () => {
    const c = scenarioOf(withRuns({ name: 'r', consumers: [{ name: 's', interpreter: 'state-store' }, { name: 'a', interpreter: 'audit-log', retry: { max: 3 } }] })).runs[0].consumers;
    expect(c[0].idempotent).toBe(true);
    expect(c[1]).toMatchObject({ idempotent: false, deadLetter: true, delivery: 'exactly-once', retry: { max: 3, backoffMs: 100, factor: 2 }, enactMs: 0 });
    expect('retry' in c[0]).toBe(false);
  });

  it('names every consumer problem by path', () => {
    expect(at(consumer({ interpreter: 'mailer' }), 'runs[0].consumers[0].interpreter')).toBe('unknown interpreter "mailer"; expected one of "state-store", "sql", "notifier", "audit-log"');
    expect(at(consumer({ failureRate: 1.5 }), 'runs[0].consumers[0].failureRate')).toBe('expected a number between 0 and 1, got 1.5');
    expect(at(consumer({ duplicateRate: -0.1 }), 'runs[0].consumers[0].duplicateRate')).toContain('between 0 and 1');
    expect(at(consumer({ retry: { max: -1 } }), 'runs[0].consumers[0].retry.max')).toBe('expected an integer >= 0, got -1');
    expect(at(consumer({ retry: {} }), 'runs[0].consumers[0].retry.max')).toBe('is required');
    expect(at(consumer({ retry: { max: 1, factor: 0.5 } }), 'runs[0].consumers[0].retry.factor')).toContain('>= 1');
    expect(at(consumer({ downtime: [{ from: 10, to: 5 }] }), 'runs[0].consumers[0].downtime[0].to')).toBe('must not be before "from" (10), got 5');
    expect(at(consumer({ downtime: [{ from: 10 }] }), 'runs[0].consumers[0].downtime[0].to')).toBe('is required');
    expect(at(consumer({ delivery: 'once' }), 'runs[0].consumers[0].delivery')).toContain('unknown delivery guarantee "once"');
    expect(at(consumer({ events: ['OrderPlaced', 'Nope'] }), 'runs[0].consumers[0].events[1]')).toContain('unknown event type "Nope"');
    expect(at(consumer({ latencyMs: { dist: 'uniform', min: 1 } }), 'runs[0].consumers[0].latencyMs.max')).toBe('is required');
    expect(at(consumer({ enactMs: -2 }), 'runs[0].consumers[0].enactMs')).toContain('>= 0');
    expect(at(consumer({ workers: 0 }), 'runs[0].consumers[0].workers')).toContain('>= 1');
    expect(at(consumer({ idempotent: 1 }), 'runs[0].consumers[0].idempotent')).toContain('true or false');
    expect(at(consumer({ retyr: 1 }), 'runs[0].consumers[0].retyr')).toContain('did you mean "retry"?');
    expect(at(withRuns({ name: 'r', consumers: [{ name: 'x', interpreter: 'notifier' }, { name: 'x', interpreter: 'sql' }] }), 'runs[0].consumers[1].name')).toBe(
      'duplicate consumer name "x" in this run (also at runs[0].consumers[0].name)',
    );
    expect(at(withRuns({ name: 'r', consumers: [{ interpreter: 'sql' }] }), 'runs[0].consumers[0].name')).toBe('is required');
  });

  it('accepts the same consumer name in different runs', () => {
    const c = { name: 'x', interpreter: 'notifier' };
    expect(scenarioOf(withRuns({ name: 'a', consumers: [c] }, { name: 'b', consumers: [c] })).runs).toHaveLength(2);
  });
});

/** Every scalar leaf of a JSON value, with its JSON path. */
function leaves(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, `${path}[${i}]`));
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([k, v]) => (k.startsWith('x-') || k === 'description' || k === 'name' ? [] : leaves(v, path ? `${path}.${k}` : k)));
  return [path];
}

function replaceAt(value: unknown, path: string, replacement: unknown): unknown {
  const copy = structuredClone(value) as Record<string, unknown>;
  const keys = path.match(/[^.[\]]+/g)!;
  let target: Record<string, unknown> = copy;
  for (const k of keys.slice(0, -1)) target = target[k] as Record<string, unknown>;
  target[keys[keys.length - 1]] = replacement;
  return copy;
}

describe('parseScenario: every error names its path', () => {
  it('replacing any leaf of a valid scenario with a wrong value gives an error at (or under) that leaf', () => {
    const paths = leaves(everything);
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.constantFrom<unknown>({ bogus: true }, [], null), (path, wrong) => {
        const errors = errorsOf(replaceAt(everything, path, wrong));
        expect(errors.some((e) => e.path === path || e.path.startsWith(`${path}.`) || e.path.startsWith(`${path}[`))).toBe(true);
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});
