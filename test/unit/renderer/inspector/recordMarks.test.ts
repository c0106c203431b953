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

  it("marks a stale decision's command with why it is stale: the stream another decision changed after its read, and by whom", () => {
    const c2 = { record: 4, stream: 'stock:tee@main', changedAt: { line: 10, record: 9, causationId: 'c1' } };
    const marks = recordMarks([], [], [c2, { record: 7, stream: 'stock-tee', changedAt: { line: 3, record: 3 } }]);
    expect(marks.get(4)).toEqual({ tone: 'warn', text: 'stale decision: stock:tee@main changed by c1 after its read, before its events were recorded' });
    // the change came from an event with no cause: the stream alone
    expect(marks.get(7)).toEqual({ tone: 'warn', text: 'stale decision: stock-tee changed after its read, before its events were recorded' });
    // the event that changed it is not marked for it (it is another decision's, not stale itself)
    expect(marks.has(9)).toBe(false);
    // beside an anomaly of the same record (a command id seen before), after it
    expect(recordMarks([{ kind: 'duplicate-id', record: 4 }], [], [c2]).get(4)).toEqual({ tone: 'warn', text: 'duplicate-id; stale decision: stock:tee@main changed by c1 after its read, before its events were recorded' });
  });

  it("escapes a stream's control and bidirectional characters in the mark's words", () => {
    const marks = recordMarks([], [], [{ record: 4, stream: 'stock:\u202etee\u001b', changedAt: { line: 3, record: 3, causationId: 'c\n1' } }]);
    expect(marks.get(4)!.text).toBe('stale decision: stock:\\u202etee\\u001b changed by c\\u000a1 after its read, before its events were recorded');
  });
});
