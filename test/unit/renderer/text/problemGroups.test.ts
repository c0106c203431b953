import { describe, expect, it } from 'vitest';
import { groupProblems, lineList } from '../../../../src/logs/problemGroups';
import { problemItems } from '../../../../renderer/lib/text/problemGroups';

describe('problem groups', () => {
  it('groups problems of one message in the order first met, keeping each place', () => {
    const anomalies = [
      { kind: 'unknown-type', line: 2, message: 'unknown event type "BookLent"' },
      { kind: 'gap', line: 3, message: 'position 5 after 3' },
      { kind: 'unknown-type', line: 3, message: 'unknown event type "BookLent"' },
      { kind: 'unknown-type', line: 5, message: 'unknown event type "BookReturned"' },
      { kind: 'unknown-type', line: 8, message: 'unknown event type "BookLent"' },
    ];
    const groups = groupProblems(anomalies, (a) => `${a.kind}\u0000${a.message}`);
    expect(groups.map((g) => [g.message, g.members.map((m) => m.line)])).toEqual([
      ['unknown event type "BookLent"', [2, 3, 8]],
      ['position 5 after 3', [3]],
      ['unknown event type "BookReturned"', [5]],
    ]);
  });

  it('lists lines up to a limit', () => {
    expect(lineList([4])).toBe('line 4');
    expect(lineList([2, 3, 5])).toBe('lines 2, 3, 5');
    expect(lineList([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 3)).toBe('lines 1, 2, 3, …');
  });

  it("splits a message of several lines into a lead and items, one record problem said once with its count and lines", () => {
    const text = ['log.jsonl was not inspected:', ...[2, 3, 5, 6, 7, 9].map((n) => `log.jsonl:${n}: unknown event type "LoanOpened"`), 'log.jsonl:4: not JSON'].join('\n');
    expect(problemItems(text)).toEqual({
      lead: 'log.jsonl was not inspected:',
      items: ['6 records: unknown event type "LoanOpened" (lines 2, 3, 5, 6, 7, 9)', 'line 4: not JSON'],
    });
  });

  it('shows a repeated line once with its count, and a single line alone', () => {
    expect(problemItems('the map has problems:\ntypes."a": expected a name\ntypes."a": expected a name\n')).toEqual({ lead: 'the map has problems:', items: ['types."a": expected a name (×2)'] });
    expect(problemItems('no such file')).toEqual({ lead: 'no such file', items: [] });
  });
});
