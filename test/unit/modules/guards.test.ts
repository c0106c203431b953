/**
 * The guards of a module's calls (domain-modules.md, "Safety and purity"): reading the clock or
 * randomness, throwing, returning what the function must not, and running past one second each
 * stop the run with one message naming the module, the function, the command or event and the
 * module's own file:line.
 */
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main';
import { CallGuard, type Member } from '../../../src/engine/module/callGuard';
import { CallWatch, newWatchBuffer, readWatch } from '../../../src/engine/module/callWatch';
import { domainModule } from '../../../src/engine/module/domainModule';
import { runScenario } from '../../../src/engine/run';
import { parseScenario } from '../../../src/engine/scenario/parse';
import type { Scenario } from '../../../src/engine/types';
import { counter, counterScenario, folderWith } from './moduleFiles';

async function run(decideBody: string, extra = '') {
  const module = counter(decideBody).replace('export default {', `${extra}\nexport default {`);
  const dir = folderWith({ 'counter.ts': module, 'scenario.json': counterScenario('counter.ts') });
  let err = '';
  const code = await main(['run', 'scenario.json', '--json'], { out: () => undefined, err: (t) => void (err += t), errIsTTY: false, cwd: dir });
  return { code, err: err.trim() };
}

// the decide body is on line 6 of the module file, decide itself on line 5
describe('the guards stop the run with the module, the function, the command and the line', () => {
  it('the clock', async () => {
    expect(await run("const t = Date.now(); return accept({ type: 'Added', data: { id: command.data.id, by: t } });")).toEqual({
      code: 1,
      err: "counter.ts: decide read the clock while deciding c1 — time reaches a domain only as the command's `at` (Date.now() at counter.ts:6)",
    });
    expect((await run("return accept({ type: 'Added', data: { id: String(new Date()), by: 1 } });")).err).toContain('decide read the clock while deciding c1');
    expect((await run("return accept({ type: 'Added', data: { id: 'x', by: performance.now() } });")).err).toContain('(performance.now() at counter.ts:6)');
  });

  it('the clock, even when the module catches what the guard throws', async () => {
    expect((await run("let t = 0; try { t = Date.now(); } catch { t = 1; } return accept({ type: 'Added', data: { id: command.data.id, by: t } });")).err).toContain(
      'decide read the clock while deciding c1',
    );
  });

  it('randomness', async () => {
    expect((await run("return accept({ type: 'Added', data: { id: command.data.id, by: Math.random() } });")).err).toBe(
      'counter.ts: decide used randomness while deciding c1 — a decision may depend only on the command and the state (Math.random() at counter.ts:6)',
    );
    expect((await run('crypto.getRandomValues(new Uint8Array(4)); return reject("x", "y");')).err).toContain('decide used randomness while deciding c1');
  });

  it('a throw', async () => {
    expect(await run('return accept({ type: "Added", data: { id: command.data.missing.id, by: 1 } });')).toEqual({
      code: 1,
      err: "counter.ts: decide threw while deciding c1 (Add): TypeError: Cannot read properties of undefined (reading 'id') (at counter.ts:6)",
    });
  });

  it('a return that is not a decision, or an event of an undeclared type: what it returned, the command, then the rule', async () => {
    expect((await run('return 42;')).err).toBe(
      'counter.ts: decide returned 42 while deciding c1 (Add) — a decision is { type: "accepted", events } or { type: "rejected", rejection: { code, message } } (decide is at counter.ts:5)',
    );
    expect((await run("return accept({ type: 'Added', data: { id: 'a', by: 1 } }, { type: 'Added' });")).err).toBe(
      'counter.ts: decide returned an Added event without data (event 2) while deciding c1 (Add) — an event is { type, data } (decide is at counter.ts:5)',
    );
    expect((await run("return accept({ type: 'Subtracted', data: {} });")).err).toContain("decide returned a Subtracted event (event 1) while deciding c1 (Add) — the module's eventSchemas declare no Subtracted event, only Added (decide is at counter.ts:5)");
    expect((await run("return accept({ type: 'Added', data: { id: command.data.id, by: 'one' } });")).err).toContain(
      'decide returned an Added event (event 1) whose data does not match its schema while deciding c1 (Add) — data.by: expected an integer, got "one" (decide is at counter.ts:5)',
    );
    expect((await run("return { type: 'rejected', rejection: { code: 'no', message: 7 } };")).err).toBe(
      "counter.ts: decide returned a rejection whose message is 7 while deciding c1 (Add) — a rejection's message is a string (decide is at counter.ts:5)",
    );
  });

  it("an Emmett-style decide's lone event and a streamOf that names no stream", () => {
    const cart = domainModule(
      {
        initialState: () => ({}),
        decide: (command: { type: string }) => (command.type === 'Add' ? { type: 'Added' } : [{ type: 'Added', data: {} }, 3]),
        evolve: (state: object) => state,
        streamOf: (command: { type: string }) => (command.type === 'Lose' ? '' : 'cart:1'),
      },
      { name: 'cart.ts', guard: new CallGuard({ module: 'cart.ts' }) },
    );
    const decide = (type: string) => () => cart.decide({ id: 'c1', type, data: {}, at: 0 } as never, { get: () => undefined } as never);
    expect(decide('Add')).toThrow(/^cart\.ts: decide returned an Added event without data while deciding c1 \(Add\) — an event is \{ type, data \}$/);
    expect(decide('Two')).toThrow(/^cart\.ts: decide returned 3 instead of an event \(event 2\) while deciding c1 \(Two\) — an event is \{ type, data \}$/);
    expect(decide('Lose')).toThrow(/^cart\.ts: streamOf returned "" instead of a stream id while handling c1 \(Lose\) — a stream id is a non-empty string$/);
  });

  it('evolve returning nothing names the event', async () => {
    const r = await run("return accept({ type: 'Added', data: { id: command.data.id, by: command.data.by } });", '');
    expect(r.code).toBe(0);
    const dir = folderWith({ 'counter.ts': counter().replace('evolve: (count, event) => ({ total: (count?.total ?? 0) + event.data.by }),', 'evolve: () => undefined,'), 'scenario.json': counterScenario('counter.ts') });
    let err = '';
    await main(['run', 'scenario.json'], { out: () => undefined, err: (t) => void (err += t), errIsTTY: false, cwd: dir });
    expect(err.trim()).toBe("counter.ts: evolve returned undefined instead of the stream's state while evolving event c1.1 (Added) (evolve is at counter.ts:7)");
  });

  it('evolve changing the state it was given names the event and the line', async () => {
    const evolve = 'evolve: (count, event) => { if (!count) return { total: event.data.by }; count.total += event.data.by; return count; },';
    const dir = folderWith({ 'counter.ts': counter().replace('evolve: (count, event) => ({ total: (count?.total ?? 0) + event.data.by }),', evolve), 'scenario.json': twoAdds });
    let err = '';
    const code = await main(['run', 'scenario.json'], { out: () => undefined, err: (t) => void (err += t), errIsTTY: false, cwd: dir });
    expect(code).toBe(1);
    expect(err.trim()).toBe(
      "counter.ts: evolve changed the state it was given while evolving event c2.1 (Added) — return a new state instead: a run keeps every state, and an earlier one must not change (TypeError: Cannot assign to read only property 'total' of object '#<Object>', at counter.ts:7)",
    );
  });

  it('decide changing the state it was given, even deep inside it (an array)', async () => {
    const evolve = 'evolve: (count, event) => ({ total: (count?.total ?? 0) + event.data.by, seen: [...(count?.seen ?? []), event.data.by], first: count?.first ?? { by: event.data.by } }),';
    const file = (decideBody: string) => counter(decideBody).replace('evolve: (count, event) => ({ total: (count?.total ?? 0) + event.data.by }),', evolve);
    const runWith = async (decideBody: string) => {
      let err = '';
      const code = await main(['run', 'scenario.json'], { out: () => undefined, err: (t) => void (err += t), errIsTTY: false, cwd: folderWith({ 'counter.ts': file(decideBody), 'scenario.json': twoAdds }) });
      return { code, err: err.trim() };
    };
    const accept = "return accept({ type: 'Added', data: { id: command.data.id, by: command.data.by } });";
    expect((await runWith(`state.get('counter:' + command.data.id)?.seen.push(1); ${accept}`)).err).toMatch(/^counter\.ts: decide changed the state it was given while deciding c2 \(Add\) — decide only reads the state: its events say what changes \(TypeError: Cannot add property 1, object is not extensible, at counter\.ts:5\)$/);
    expect((await runWith(`const s = state.get('counter:' + command.data.id); if (s) s.first.by = 9; ${accept}`)).err).toContain('decide changed the state it was given while deciding c2 (Add)');
    // reading the state and returning new ones that share its unchanged parts is what a decider does
    expect(await runWith(accept)).toEqual({ code: 0, err: '' });
  });

  it("an Emmett-style decider's initial state is frozen too, and a state may share frozen parts", () => {
    const guard = new CallGuard({ module: 'cart.ts' });
    const cart = domainModule(
      {
        initialState: () => ({ items: [] as string[] }),
        decide: (command: { data: { item: string } }, state: { items: string[] }) => {
          state.items.push(command.data.item);
          return [{ type: 'Added', data: command.data }];
        },
        evolve: (state: { items: string[] }, event: { data: { item: string } }) => ({ items: [...state.items, event.data.item] }),
        streamOf: () => 'cart:1',
      },
      { name: 'cart.ts', guard },
    );
    const command = { id: 'c1', type: 'Add', data: { item: 'tea' }, at: 0 };
    expect(() => cart.decide(command as never, { get: () => undefined } as never)).toThrow(
      'cart.ts: decide changed the state it was given while deciding c1 (Add) — decide only reads the state: its events say what changes (TypeError: Cannot add property 0, object is not extensible)',
    );
    const first = cart.evolve(undefined as never, { type: 'Added', data: { item: 'tea' } } as never) as { items: string[] };
    expect(Object.isFrozen(first) && Object.isFrozen(first.items)).toBe(true);
    expect(cart.evolve(first as never, { type: 'Added', data: { item: 'milk' } } as never)).toEqual({ items: ['tea', 'milk'] });
  });

  it('a call over one second', async () => {
    expect(await run('while (command.data.by > 0) {}\n    return reject("never", "reached");')).toEqual({
      code: 1,
      err: 'counter.ts: decide ran for more than 1 second while deciding c1 (Add) and was stopped (at counter.ts:6)',
    });
  });
});

/** Two accepted Adds to one counter: the second's decide and evolve are given the first's state. */
const twoAdds = JSON.stringify({ ...JSON.parse(counterScenario('counter.ts')), commands: [{ type: 'Add', data: { id: 'a', by: 2 } }, { type: 'Add', data: { id: 'a', by: 1 } }], runs: [{ name: 'serial' }] });

/** The counter domain as a module's default export, guarded and watched as in a fresh worker; `seen` is told of each decide. */
function freshWorker(seen: (command: { id: string }, heartbeat: SharedArrayBuffer) => void = () => undefined) {
  const heartbeat = newWatchBuffer();
  const watch = new CallWatch(heartbeat);
  const guard = new CallGuard({ module: 'counter.ts', watch });
  const domain = domainModule(
    {
      decide(command: { id: string; data: { id: string; by: number } }) {
        seen(command, heartbeat);
        return { type: 'accepted', events: [{ type: 'Added', data: command.data }] };
      },
      evolve: (count: { total?: number } | undefined, event: { data: { by: number } }) => ({ total: (count?.total ?? 0) + event.data.by }),
      streamOf: (event: { data: { id: string } }) => `counter:${event.data.id}`,
      partitionKey: (command: { data: { id: string } }) => `counter:${command.data.id}`,
    },
    { name: 'counter.ts', guard },
  );
  return { heartbeat, watch, guard, domain };
}

const scenario = (() => {
  const parsed = parseScenario(counterScenario('counter.ts'), 'counter', { domain: freshWorker().domain });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.scenario as Scenario;
})();

// the app's watchdog cannot pause a Web Worker to ask what it does: it replays the task in a fresh worker up to the same call
describe('stopping at a call number, to name the call that ran too long', () => {
  it('the call the heartbeat showed is the same call in a fresh worker: it is not made, and the run stops naming its command', () => {
    // the first worker: the heartbeat's call number while c3 is decided in the second run, as the watchdog reads it when a call hangs
    let stuckAt = 0;
    const first = freshWorker((command, heartbeat) => {
      if (command.id === 'c3') stuckAt = readWatch(heartbeat).seq;
    });
    const base = readWatch(first.heartbeat).seq;
    runScenario(scenario, { domain: first.domain });
    expect(stuckAt).toBeGreaterThan(base);

    const decided: string[] = [];
    const replay = freshWorker((command) => void decided.push(command.id));
    replay.watch.stopAt(readWatch(replay.heartbeat).seq + (stuckAt - base));
    expect(() => runScenario(scenario, { domain: replay.domain })).toThrow('counter.ts: decide ran for more than 1 second while deciding c3 (Add) and was stopped');
    // the serial run, then the partitioned one up to c3 (two workers: c3 on key b is decided before c2 on key a)
    expect(decided).toEqual(['c1', 'c2', 'c3', 'c1']);
    expect(replay.guard.stopped).toEqual({
      kind: 'timeout',
      module: 'counter.ts',
      member: 'decide',
      subject: 'c3 (Add)',
      message: 'counter.ts: decide ran for more than 1 second while deciding c3 (Add) and was stopped',
    });
    // the heartbeat shows no call in progress
    expect(readWatch(replay.heartbeat).active).toBe(false);
  });

  it('without a call to stop at, or before reaching it, every call is made and nothing is stopped', () => {
    const decided: string[] = [];
    const worker = freshWorker((command) => void decided.push(command.id));
    runScenario(scenario, { domain: worker.domain, runs: ['serial'] });
    worker.watch.stopAt(readWatch(worker.heartbeat).seq + 1_000);
    runScenario(scenario, { domain: worker.domain, runs: ['serial'] });
    expect(decided).toEqual(['c1', 'c2', 'c3', 'c1', 'c2', 'c3']);
    expect(worker.guard.stopped).toBeUndefined();
  });

  it('a stopped call inside another stops that one too, even when the module catches the throw', () => {
    const watch = new CallWatch(newWatchBuffer());
    const guard = new CallGuard({ module: 'm.ts', watch });
    const member = (code: number, name: string, subject: Member['subject']): Member => ({ name, code, subject, returns: () => undefined });
    const inner = guard.wrap(member(2, 'streamOf', 'event'), (event: unknown) => `counter:${String(event)}`, undefined);
    const outer = guard.wrap(
      member(1, 'decide', 'command'),
      (command: unknown) => {
        try {
          inner({ id: 'c1.1', type: 'Added' });
        } catch {
          // the module swallows it
        }
        return command;
      },
      undefined,
    );
    watch.stopAt(2);
    expect(() => outer({ id: 'c1', type: 'Add' })).toThrow('m.ts: streamOf ran for more than 1 second while handling event c1.1 (Added) and was stopped');
  });
});
