import { describe, expect, it } from 'vitest';
import { paramsOf, renamedForKind, schedulerForKind, uniqueName } from '../../../renderer/lib/runConfig';

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
});
