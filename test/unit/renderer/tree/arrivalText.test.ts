import { describe, expect, it } from 'vitest';
import { arrivalText, arrivesBeforeAbove } from '../../../../renderer/lib/tree/arrivalText';
import { raw, resolve } from './arrivalFixture';

describe('arrivalText', () => {
  const resolved = resolve(raw);
  const text = (...path: (string | number)[]) => arrivalText(raw, path, resolved);

  it('says when a command arrives and when the copies of a repeat do', () => {
    expect(text('commands', 0)).toBe('Arrives at t = 5 ms');
    expect(text('commands', 1)).toBe('40 arrivals, t = 5 … 83 ms');
    expect(text('commands', 1, 'template')).toBe('40 copies arrive, t = 5 … 83 ms');
    expect(text('commands', 5)).toBe('No arrivals: the repeat makes 0 copies');
  });

  it('says what jitter does', () => {
    const r = resolved['commands/3'];
    expect(text('commands', 3)).toBe(`10 arrivals, t = ${r.first} … ${r.last} ms · jitter: each copy 0–4 ms late`);
    expect(text('commands', 3, 'template')).toContain('jitter: each copy 0–4 ms late');
  });

  it('says that batch items arrive with their batch', () => {
    expect(text('commands', 2)).toBe('Arrives at t = 83 ms');
    expect(text('commands', 2, 'items', 0)).toBe('Arrives with its batch at t = 83 ms');
    expect(text('commands', 2, 'items', 1, 'items', 0)).toBe('Arrives with its batch at t = 83 ms');
    expect(text('commands', 2, 'items', 2, 'template')).toBe('Arrives with its batch at t = 83 ms');
    expect(text('commands', 6, 'template', 'items', 0)).toBe('Arrives with its batch: 2 copies, t = 600 … 605 ms');
  });

  it('says offline commands arrive when their client syncs, and setup is decided before time 0', () => {
    expect(text('commands', 4)).toBe('2 arrivals at t = 500 ms, when phone syncs');
    expect(text('commands', 4, 'items', 0)).toBe('Arrives at t = 500 ms, when phone syncs');
    expect(text('setup', 0)).toBe('Setup: decided in order before t = 0');
  });

  it('says when a node arrives before one listed above it (decided in arrival order, not list order)', () => {
    // the teacher's edit: a cancellation moved above a restock timed at 150 ms, below a repeat that runs to 298 ms
    const edited = { ...raw, commands: [{ repeat: 150, every: 2, template: raw.commands[1].template }, { type: 'CancelOrder', data: { orderId: 'o-3' } }, { ...raw.commands[0], at: 150 }] };
    const r = resolve(edited);
    expect(arrivalText(edited, ['commands', 1], r)).toBe('Arrives at t = 298 ms');
    expect(arrivalText(edited, ['commands', 2], r)).toBe('Arrives at t = 150 ms · before 2 nodes listed above it (up to t = 298 ms): commands are decided in arrival order, not list order');
    // one node above arriving later is named with its time
    const one = { ...raw, commands: [{ ...raw.commands[0], at: 20 }, { ...raw.commands[0], at: 5 }] };
    expect(arrivalText(one, ['commands', 1], resolve(one))).toBe('Arrives at t = 5 ms · before a node listed above it (t = 20 ms): commands are decided in arrival order, not list order');
    expect([0, 1, 2].map((i) => arrivesBeforeAbove(r, i))).toEqual([undefined, undefined, { count: 2, latest: 298 }]);
    // the fixture's nodes all arrive in list order (the offline group's items sync at 500 ms, after what is above)
    expect(Object.keys(resolved).filter((k) => /^commands\/\d+$/.test(k)).map((k) => arrivesBeforeAbove(resolved, Number(k.split('/')[1])))).toEqual(Array(7).fill(undefined));
  });

  it('says nothing without the expansion (an invalid scenario) or for the root lists', () => {
    expect(arrivalText(raw, ['commands', 0], undefined)).toBeUndefined();
    expect(text('commands')).toBeUndefined();
  });
});
