import { describe, expect, it } from 'vitest';
import { SerialByKey } from '../../../../renderer/lib/modules/serialByKey';

/** A promise settled when the test says so. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets every pending promise callback run (no time passes that a test relies on). */
const settled = () => new Promise<void>((done) => setTimeout(done, 0));

describe('SerialByKey (the loads of one domain module, one after another)', () => {
  it('starts a task asked while another of its key is pending only once that one has settled', async () => {
    const loads = new SerialByKey();
    const first = deferred<string>();
    const started: string[] = [];
    const a = loads.run('bank.ts', () => (started.push('first'), first.promise));
    const b = loads.run('bank.ts', async () => (started.push('second'), 'second'));
    await settled();
    expect(started).toEqual(['first']);
    first.resolve('first');
    expect(await a).toBe('first');
    expect(await b).toBe('second');
    expect(started).toEqual(['first', 'second']);
  });

  it('keeps the version of the reload asked last, though the earlier one\'s load would end after it', async () => {
    // two reloads of bank.ts: the first's load is slow, the second's quick; each sets the open version when its load ends
    const loads = new SerialByKey();
    let open = 'v1';
    const slow = deferred<string>();
    const quick = deferred<string>();
    const reload = (load: Promise<string>) => loads.run('bank.ts', async () => void (open = await load));
    const first = reload(slow.promise);
    const second = reload(quick.promise);
    quick.resolve('v3');
    await settled();
    expect(open).toBe('v1');
    slow.resolve('v2');
    await Promise.all([first, second]);
    expect(open).toBe('v3');
  });

  it('runs the next task after one that failed, which fails to its own caller only', async () => {
    const loads = new SerialByKey();
    const first = deferred<void>();
    const a = loads.run('bank.ts', () => first.promise);
    const b = loads.run('bank.ts', async () => 'loaded');
    first.reject(new Error('bank.ts: syntax error'));
    await expect(a).rejects.toThrow('bank.ts: syntax error');
    expect(await b).toBe('loaded');
  });

  it('runs the tasks of other keys meanwhile, and a key with nothing pending at once', async () => {
    const loads = new SerialByKey();
    const bank = deferred<void>();
    const started: string[] = [];
    const a = loads.run('bank.ts', () => (started.push('bank.ts'), bank.promise));
    void loads.run('cart.ts', async () => void started.push('cart.ts'));
    expect(started).toEqual(['bank.ts', 'cart.ts']);
    bank.resolve();
    await a;
    await settled();
    void loads.run('bank.ts', async () => void started.push('bank.ts again'));
    expect(started).toEqual(['bank.ts', 'cart.ts', 'bank.ts again']);
  });
});
