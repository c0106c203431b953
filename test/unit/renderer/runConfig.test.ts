import { describe, expect, it } from 'vitest';
import { addedConsumer, addedRun, consumerEdited, paramsOf, renamedForKind, retryWaitsText, schedulerForKind, uniqueName } from '../../../renderer/lib/runConfig';
import { retryWaitMs } from '../../../src/engine/retryWait';

describe('runConfig', () => {
  it('keeps only the parameters the new scheduler kind accepts', () => {
    expect(schedulerForKind('pool', { kind: 'autoscale', min: 2, workers: 6 })).toEqual({ kind: 'pool', workers: 6 });
    expect(schedulerForKind('serial', { kind: 'pool', workers: 8 })).toEqual({ kind: 'serial' });
    expect(paramsOf('autoscale').map((p) => p.key)).toEqual(['min', 'max', 'scaleUpDepth', 'startupMs', 'idleMs']);
  });

  it('makes unique run names', () => {
    expect(uniqueName('pool', ['serial'])).toBe('pool');
    expect(uniqueName('pool', ['pool', 'pool 2'])).toBe('pool 3');
  });

  it('a name that was only the old kind\'s default follows a new scheduler kind; a chosen name stays', () => {
    expect(renamedForKind('pool', 'pool', 'capacity-aware')).toBe('capacity-aware');
    expect(renamedForKind('pool 2', 'pool', 'single-writer')).toBe('single-writer 2');
    expect(renamedForKind('8 workers', 'pool', 'capacity-aware')).toBe('8 workers');
    expect(renamedForKind('pool of 4', 'pool', 'serial')).toBe('pool of 4');
  });

  it('a run added copies the last run\'s service time, consumers and authorization: only the scheduler differs', () => {
    const consumers = [{ name: 'state', interpreter: 'state-store', latencyMs: 5 }];
    const last = { name: 'one queue', scheduler: { kind: 'serial' }, serviceMs: 2, consumers, authorize: true };
    const added = addedRun([{ name: 'first', serviceMs: 9 }, last]);
    expect(added).toEqual({ name: 'pool', scheduler: { kind: 'pool', workers: 4 }, serviceMs: 2, consumers, authorize: true });
    // its own copy: editing the new run's consumers leaves the last run's alone
    expect(added.consumers).not.toBe(consumers);
    expect(addedRun([{ name: 'pool', serviceMs: { dist: 'exponential', mean: 3 } }])).toEqual({ name: 'pool 2', scheduler: { kind: 'pool', workers: 4 }, serviceMs: { dist: 'exponential', mean: 3 } });
  });

  it('a setting the last run leaves out stays out, so both take the default', () => {
    expect(addedRun([{ name: 'default' }])).toEqual({ name: 'pool', scheduler: { kind: 'pool', workers: 4 } });
    expect(addedRun([])).toEqual({ name: 'pool', scheduler: { kind: 'pool', workers: 4 } });
  });
});

describe('retryWaitsText', () => {
  it('says the wait before each retry in ms, as the simulation waits: backoffMs × factor^(n − 1)', () => {
    expect(retryWaitsText({ max: 2, backoffMs: 10, factor: 2 })).toBe('waits 10 ms, 20 ms before the 2 retries');
    expect(retryWaitsText({ max: 1, backoffMs: 100, factor: 2 })).toBe('waits 100 ms before the retry');
    expect(retryWaitsText({ max: 3, backoffMs: 10, factor: 1.5 })).toBe('waits 10 ms, 15 ms, 22.5 ms before the 3 retries');
    expect(retryWaitsText({ max: 8, backoffMs: 10, factor: 2 })).toBe('waits 10 ms, 20 ms, 40 ms, …, 1,280 ms before the 8 retries');
    const policy = { max: 8, backoffMs: 10, factor: 2 };
    expect(retryWaitMs(policy, 8)).toBe(1280);
  });

  it('is nothing without a retry', () => {
    expect(retryWaitsText(undefined)).toBeUndefined();
    expect(retryWaitsText({ max: 0, backoffMs: 10, factor: 2 })).toBeUndefined();
  });
});

describe('consumer names', () => {
  const notifier = (name: string) => ({ name, interpreter: 'notifier' });

  it('a consumer added is named after its interpreter, unique in the run: the state store first, then notifier, notifier-2', () => {
    expect(addedConsumer([])).toEqual({ name: 'state', interpreter: 'state-store' });
    expect(addedConsumer([{ name: 'state', interpreter: 'state-store' }])).toEqual(notifier('notifier'));
    expect(addedConsumer([{ name: 'state', interpreter: 'state-store' }, notifier('notifier')])).toEqual(notifier('notifier-2'));
    expect(addedConsumer([notifier('notifier'), notifier('notifier-2')])).toEqual(notifier('notifier-3'));
  });

  it('a default name follows a new interpreter, unique among the other consumers; the state store made a notifier is no longer "state"', () => {
    const store = { name: 'state', interpreter: 'state-store', latencyMs: 5 };
    expect(consumerEdited(store, { ...store, interpreter: 'notifier' }, [])).toEqual({ name: 'notifier', interpreter: 'notifier', latencyMs: 5 });
    expect(consumerEdited(notifier('notifier-2'), { name: 'notifier-2', interpreter: 'audit-log' }, [notifier('notifier')])).toEqual({ name: 'audit-log', interpreter: 'audit-log' });
    expect(consumerEdited(store, { ...store, interpreter: 'notifier' }, [notifier('notifier')]).name).toBe('notifier-2');
    expect(consumerEdited(notifier('notifier'), { name: 'notifier', interpreter: 'state-store' }, []).name).toBe('state');
    // the form's first default ("consumer-2") was no name the user chose either
    expect(consumerEdited(notifier('consumer-2'), { name: 'consumer-2', interpreter: 'sql' }, []).name).toBe('sql');
  });

  it('a name the user chose stays, and so does a name edited in the same change', () => {
    expect(consumerEdited(notifier('mailer'), { name: 'mailer', interpreter: 'audit-log' }, []).name).toBe('mailer');
    expect(consumerEdited(notifier('notifier-x'), { name: 'notifier-x', interpreter: 'sql' }, []).name).toBe('notifier-x');
    expect(consumerEdited(notifier('notifier'), { name: 'emails', interpreter: 'notifier' }, []).name).toBe('emails');
    // an edit other than the interpreter leaves the name alone
    expect(consumerEdited(notifier('notifier'), { name: 'notifier', interpreter: 'notifier', failureRate: 0.3 }, [notifier('notifier')])).toEqual({ name: 'notifier', interpreter: 'notifier', failureRate: 0.3 });
  });
});
