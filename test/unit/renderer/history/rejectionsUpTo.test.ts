import { describe, expect, it } from 'vitest';
import { rejectionsUpTo } from '../../../../renderer/lib/history/rejectionsUpTo';
import type { RejectionAt } from '../../../../renderer/lib/reader/runReader';

const rejection = (commandId: string, afterStep: number): RejectionAt => ({ commandId, type: 'PlaceOrder', code: 'out-of-stock', message: 'none left', at: afterStep * 2, afterStep });
const items = [rejection('c1', -1), rejection('c2', 3), rejection('c3', 3), rejection('c4', 7)];

describe('rejectionsUpTo', () => {
  it('before the first enactment has nothing so far, and lists what was rejected before it as right after', () => {
    const r = rejectionsUpTo({ offset: 0, items, total: 4 }, -1);
    expect(r.soFar).toEqual([]);
    expect(r.here.map((x) => x.commandId)).toEqual(['c1']);
  });

  it('lists nothing at a step before any rejection', () => {
    const r = rejectionsUpTo({ offset: 0, items: items.slice(1), total: 3 }, 2);
    expect(r).toEqual({ soFar: [], here: [], atLeast: false });
  });

  it('counts the rejections before the step apart from those right after it, so the two never name one command twice', () => {
    const r = rejectionsUpTo({ offset: 0, items, total: 4 }, 3);
    expect(r.soFar.map((x) => x.commandId)).toEqual(['c1']);
    expect(r.here.map((x) => x.commandId)).toEqual(['c2', 'c3']);
    expect(rejectionsUpTo({ offset: 0, items, total: 4 }, 4).soFar.map((x) => x.commandId)).toEqual(['c1', 'c2', 'c3']);
    expect(rejectionsUpTo({ offset: 0, items, total: 4 }, 99).soFar).toHaveLength(4);
  });

  it('at the last step, what came after the last enactment is right after it, not also so far', () => {
    const r = rejectionsUpTo({ offset: 0, items, total: 4 }, 7);
    expect(r.soFar.map((x) => x.commandId)).toEqual(['c1', 'c2', 'c3']);
    expect(r.here.map((x) => x.commandId)).toEqual(['c4']);
  });

  it('says when more may have been rejected than were loaded', () => {
    expect(rejectionsUpTo({ offset: 0, items, total: 900 }, 3).atLeast).toBe(true);
    expect(rejectionsUpTo({ offset: 0, items, total: 4 }, 3).atLeast).toBe(false);
  });
});
