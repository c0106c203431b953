import { describe, expect, it } from 'vitest';
import { recordMarks } from '../../../../renderer/lib/inspector/recordMarks';

describe('recordMarks', () => {
  it('marks a record whose event broke an invariant as the causation graph does, naming the invariant', () => {
    const marks = recordMarks([], [{ invariant: 'within-credit-limit', record: 45 }]);
    expect(marks.get(45)).toEqual({ tone: 'bad', text: 'broke within-credit-limit' });
  });

  it("marks a record's anomalies by kind, each once; a violation beside them makes the mark bad", () => {
    const marks = recordMarks(
      [
        { kind: 'malformed', record: 74 },
        { kind: 'gap', record: 30 },
        { kind: 'time-reversal', record: 30 },
        { kind: 'gap', record: 30 },
        // an anomaly of no record (a file's no-zone) marks none
        { kind: 'no-zone' },
      ],
      [
        { invariant: 'non-negative-outstanding', record: 30 },
        { invariant: 'within-credit-limit', record: 30 },
        { invariant: 'non-negative-outstanding', record: 30 },
      ],
    );
    expect([...marks.keys()].sort((a, b) => a - b)).toEqual([30, 74]);
    expect(marks.get(74)).toEqual({ tone: 'warn', text: 'malformed' });
    expect(marks.get(30)).toEqual({ tone: 'bad', text: 'gap; time-reversal; broke non-negative-outstanding, within-credit-limit' });
  });
});
