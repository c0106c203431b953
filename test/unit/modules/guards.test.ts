/**
 * The guards of a module's calls (domain-modules.md, "Safety and purity"): reading the clock or
 * randomness, throwing, returning what the function must not, and running past one second each
 * stop the run with one message naming the module, the function, the command or event and the
 * module's own file:line.
 */
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main';
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

  it('a return that is not a decision, or an event of an undeclared type', async () => {
    expect((await run('return 42;')).err).toBe(
      'counter.ts: decide returned 42: a decision is { type: "accepted", events } or { type: "rejected", rejection: { code, message } } while deciding c1 (Add) (decide is at counter.ts:5)',
    );
    expect((await run("return accept({ type: 'Subtracted', data: {} });")).err).toContain('decide returned a Subtracted event as event 1, a type its eventSchemas do not declare (Added) while deciding c1 (Add)');
    expect((await run("return accept({ type: 'Added', data: { id: command.data.id, by: 'one' } });")).err).toContain(
      'decide returned an Added event as event 1 whose data does not match its schema (data.by: expected an integer, got "one") while deciding c1 (Add)',
    );
  });

  it('evolve returning nothing names the event', async () => {
    const r = await run("return accept({ type: 'Added', data: { id: command.data.id, by: command.data.by } });", '');
    expect(r.code).toBe(0);
    const dir = folderWith({ 'counter.ts': counter().replace('evolve: (count, event) => ({ total: (count?.total ?? 0) + event.data.by }),', 'evolve: () => undefined,'), 'scenario.json': counterScenario('counter.ts') });
    let err = '';
    await main(['run', 'scenario.json'], { out: () => undefined, err: (t) => void (err += t), errIsTTY: false, cwd: dir });
    expect(err.trim()).toBe("counter.ts: evolve returned undefined instead of the stream's state while evolving event c1.1 (Added) (evolve is at counter.ts:7)");
  });

  it('a call over one second', async () => {
    expect(await run('while (command.data.by > 0) {}\n    return reject("never", "reached");')).toEqual({
      code: 1,
      err: 'counter.ts: decide ran for more than 1 second while deciding c1 (Add) and was stopped (at counter.ts:6)',
    });
  });
});
