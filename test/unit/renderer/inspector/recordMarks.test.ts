import { describe, expect, it } from 'vitest';
import { recordMarks, streamMarks } from '../../../../renderer/lib/inspector/recordMarks';

describe('recordMarks', () => {
  it('marks a record whose event broke an invariant as the causation graph does, naming the invariant', () => {
    const marks = recordMarks([], [{ invariant: 'within-credit-limit', record: 45 }]);
    expect(marks.get(45)).toEqual({ tone: 'bad', text: 'broke within-credit-limit', violations: 1, anomalies: 0, stale: false });
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
    expect(marks.get(74)).toEqual({ tone: 'warn', text: 'malformed', violations: 0, anomalies: 1, stale: false });
    expect(marks.get(30)).toEqual({ tone: 'bad', text: 'gap; time-reversal; broke non-negative-outstanding, within-credit-limit', violations: 3, anomalies: 3, stale: false });
  });

  it("marks a stale decision's command with why it is stale: the stream another decision changed after its read, and by whom", () => {
    const c2 = { record: 4, stream: 'stock:tee@main', changedAt: { line: 10, record: 9, causationId: 'c1' } };
    const marks = recordMarks([], [], [c2, { record: 7, stream: 'stock-tee', changedAt: { line: 3, record: 3 } }]);
    expect(marks.get(4)).toMatchObject({ tone: 'warn', stale: true, text: 'stale decision: stock:tee@main changed by c1 after its read, before its events were recorded' });
    // the change came from an event with no cause: the stream alone
    expect(marks.get(7)).toMatchObject({ tone: 'warn', stale: true, text: 'stale decision: stock-tee changed after its read, before its events were recorded' });
    // the event that changed it is not marked for it (it is another decision's, not stale itself)
    expect(marks.has(9)).toBe(false);
    // beside an anomaly of the same record (a command id seen before), after it
    expect(recordMarks([{ kind: 'duplicate-id', record: 4 }], [], [c2]).get(4)).toMatchObject({ tone: 'warn', anomalies: 1, stale: true, text: 'duplicate-id; stale decision: stock:tee@main changed by c1 after its read, before its events were recorded' });
  });

  it("escapes a stream's control and bidirectional characters in the mark's words", () => {
    const marks = recordMarks([], [], [{ record: 4, stream: 'stock:\u202etee\u001b', changedAt: { line: 3, record: 3, causationId: 'c\n1' } }]);
    expect(marks.get(4)!.text).toBe('stale decision: stock:\\u202etee\\u001b changed by c\\u000a1 after its read, before its events were recorded');
  });
});

describe('streamMarks: the Streams list marks a stream with its records\' marks added up', () => {
  it('marks the stream whose event broke an invariant, counted, as the Records table marks its record', () => {
    // the trial's nightly-bad.jsonl: pay-17 broke no-overcapture on record 55; record 60 is of no stream
    const marks = recordMarks([{ kind: 'unknown-type', record: 60 }, { kind: 'gap', record: 12 }], [{ invariant: 'no-overcapture', record: 55 }, { invariant: 'no-overrefund', record: 56 }, { invariant: 'no-overcapture', record: 58 }]);
    const streams = streamMarks(marks, new Map([[55, 'pay-17'], [56, 'pay-17'], [58, 'pay-34'], [60, ''], [12, 'pay-3']]));
    expect(streams.get('pay-17')).toEqual({ tone: 'bad', text: '2 invariant violations', detail: 'broke no-overcapture; broke no-overrefund' });
    expect(streams.get('pay-34')).toEqual({ tone: 'bad', text: '1 invariant violation', detail: 'broke no-overcapture' });
    expect(streams.get('pay-3')).toEqual({ tone: 'warn', text: '1 anomaly', detail: 'gap' });
    expect([...streams.keys()].sort()).toEqual(['pay-17', 'pay-3', 'pay-34']);
  });

  it('adds anomalies and stale decisions beside the violations; a record whose stream is not known marks none', () => {
    const c2 = { record: 4, stream: 'stock:tee@main', changedAt: { line: 3, record: 3, causationId: 'c1' } };
    const marks = recordMarks([{ kind: 'duplicate-id', record: 5 }, { kind: 'gap', record: 5 }], [{ invariant: 'stock-non-negative', record: 5 }], [c2]);
    const streams = streamMarks(marks, new Map([[4, 'stock:tee@main'], [5, 'stock:tee@main']]));
    expect(streams.get('stock:tee@main')).toMatchObject({ tone: 'bad', text: '1 invariant violation, 2 anomalies, 1 stale decision' });
    expect(streamMarks(marks, new Map()).size).toBe(0);
  });
});
