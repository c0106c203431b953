import { describe, expect, it } from 'vitest';
import { paramsOf, schedulerForKind, uniqueName } from '../../../renderer/lib/runConfig';

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
});
