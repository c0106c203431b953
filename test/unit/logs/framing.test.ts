import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineSplitter } from '../../../src/logs/framing/lineSplitter';
import { ValueFramer } from '../../../src/logs/framing/valueFramer';
import { inspectLog } from '../../../src/logs/inspectLog';
import type { InspectionReport } from '../../../src/logs/types';

/** Cuts text at the given positions. */
const cut = (text: string, at: number[]): string[] => {
  const points = [...new Set(at.map((p) => p % (text.length + 1)))].sort((a, b) => a - b);
  const out: string[] = [];
  let prev = 0;
  for (const p of points) {
    out.push(text.slice(prev, p));
    prev = p;
  }
  out.push(text.slice(prev));
  return out;
};

const splitLines = (chunks: string[], max?: number) => {
  const lines: [string, number][] = [];
  const overlong: [number, number][] = [];
  const s = new LineSplitter((t, n) => lines.push([t, n]), (n, len) => overlong.push([n, len]), max);
  chunks.forEach((c) => s.push(c));
  s.end();
  return { lines, overlong };
};

const splitArray = (chunks: string[]) => {
  const elements: [string, number][] = [];
  const errors: [string, number][] = [];
  const s = new ValueFramer('array', (t, n) => elements.push([t, n]), (m, n) => errors.push([m, n]));
  chunks.forEach((c) => s.push(c));
  s.end();
  return { elements, errors };
};

describe('LineSplitter', () => {
  it('numbers lines, strips \\r and keeps a last line without newline', () => {
    expect(splitLines(['a\r\nb', 'c\n\nd']).lines).toEqual([
      ['a', 1],
      ['bc', 2],
      ['', 3],
      ['d', 4],
    ]);
  });

  it('reports an overlong line by number instead of keeping it', () => {
    expect(splitLines(['ab', 'cdefg', 'h\nok\n', 'xxxxxxxxx'], 5)).toEqual({ lines: [['ok', 2]], overlong: [[1, 8], [3, 9]] });
  });

  it('gives the same lines however the text is chunked (fuzz)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', '\n', '\r', '{', 'é', '😀') }), fc.array(fc.nat()), (text, at) => {
        const expected = text.split('\n').map((l, i): [string, number] => [l.endsWith('\r') ? l.slice(0, -1) : l, i + 1]);
        if (expected.at(-1)![0] === '' && !text.endsWith('\r\n') && text.endsWith('\n')) expected.pop();
        else if (text.endsWith('\r\n')) expected.pop();
        if (text === '') expected.pop();
        expect(splitLines(cut(text, at)).lines).toEqual(expected);
      }),
      { seed: 42, numRuns: 3000 },
    );
  });
});

describe('ValueFramer: a JSON array', () => {
  it('yields each element with the line it starts on', () => {
    expect(splitArray(['[\n {"a":"]"},', '\n  [1, 2]\n  , "x,\\"y"\n]\n'])).toEqual({
      elements: [
        ['{"a":"]"}', 2],
        ['[1, 2]', 3],
        ['"x,\\"y"', 4],
      ],
      errors: [],
    });
  });

  it('reports structural problems', () => {
    expect(splitArray(['']).errors).toEqual([['expected a JSON array, found nothing', 1]]);
    expect(splitArray(['{"a":1}']).errors).toEqual([['expected "[" to open a JSON array', 1]]);
    expect(splitArray(['[1]\n x']).errors).toEqual([['unexpected "x" outside the JSON array', 2]]);
    expect(splitArray(['[1, 2']).errors).toEqual([['the JSON array is not closed (missing "]")', 1]]);
    expect(splitArray(['[1, {"a": 2']).errors).toEqual([['the record starting on line 1 is not complete at the end of the file (a missing "}" or "]")', 1]]);
    expect(splitArray(['[]']).elements).toEqual([]);
  });

  it('splits any JSON array back into its elements however it is chunked (fuzz)', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue()), fc.boolean(), fc.array(fc.nat()), (values, pretty, at) => {
        const text = JSON.stringify(values, null, pretty ? 2 : undefined);
        const { elements, errors } = splitArray(cut(text, at));
        expect(errors).toEqual([]);
        expect(elements.map(([t]) => JSON.parse(t))).toEqual(JSON.parse(text));
      }),
      { seed: 42, numRuns: 1500 },
    );
  });

  it('never throws on arbitrary text (fuzz)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('[', ']', '{', '}', '"', '\\', ',', ' ', '\n', 'a', '1') }), fc.array(fc.nat()), (text, at) => {
        const { elements, errors } = splitArray(cut(text, at));
        for (const [, line] of [...elements, ...errors]) expect(line).toBeGreaterThanOrEqual(1);
      }),
      { seed: 7, numRuns: 3000 },
    );
  });
});

describe('framing is invariant (logs.md, "Finding records in a file")', () => {
  const record = fc.record(
    {
      id: fc.constantFrom('a', 'b', 'c', 'd'),
      type: fc.constantFrom('Opened', 'Closed', 'com.x.Moved'),
      stream: fc.constantFrom('s1', 's2'),
      version: fc.nat(6),
      time: fc.integer({ min: 0, max: 5 }).map((s) => `2026-01-01T00:00:0${s}Z`),
      data: fc.jsonValue({ maxDepth: 2 }),
      note: fc.string({ maxLength: 4 }),
    },
    { requiredKeys: ['type'] },
  );
  const framings = {
    lines: (rs: object[]) => rs.map((r) => JSON.stringify(r)).join('\n') + '\n',
    array: (rs: object[]) => JSON.stringify(rs),
    prettyArray: (rs: object[]) => JSON.stringify(rs, null, 2),
    concat: (rs: object[]) => rs.map((r) => JSON.stringify(r, null, 2)).join('\n'),
    rs: (rs: object[]) => rs.map((r) => `\u001e${JSON.stringify(r)}\n`).join(''),
    wrapper: (rs: object[]) => JSON.stringify({ events: rs }, null, 1),
  };
  /** The report without what differs by framing: the framing's name and physical lines. */
  const comparable = (r: InspectionReport) => ({ ...r, framing: undefined, anomalies: r.anomalies.map((a) => ({ ...a, line: undefined, message: a.message.replace(/line \d+/g, 'line N') })) });

  it('the same records as JSON Lines, an array, pretty-printed concatenation, an RS sequence and a wrapper give the same report', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(record, { minLength: 1, maxLength: 12 }), fc.nat(), async (records, cutAt) => {
        const reports: unknown[] = [];
        for (const [name, render] of Object.entries(framings)) {
          const text = render(records);
          const at = cutAt % (text.length + 1);
          const result = await inspectLog([text.slice(0, at), text.slice(at)], { source: 'x', skipInvalid: true });
          if (!result.ok) throw new Error(`${name}: refused`);
          expect(result.report.framing, name).toBe(name === 'prettyArray' ? 'array' : name === 'rs' ? 'concat' : name === 'wrapper' ? 'wrapper:events' : name);
          reports.push(comparable(result.report));
        }
        for (const r of reports.slice(1)) expect(r).toEqual(reports[0]);
      }),
      { seed: 2026, numRuns: 300 },
    );
  });
});
