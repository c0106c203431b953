import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonArraySplitter } from '../../../src/logs/jsonArraySplitter';
import { LineSplitter } from '../../../src/logs/lineSplitter';

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
  const s = new JsonArraySplitter((t, n) => elements.push([t, n]), (m, n) => errors.push([m, n]));
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

describe('JsonArraySplitter', () => {
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
    expect(splitArray(['{"a":1}']).errors).toEqual([['expected "[" to open a JSON array, found "{"', 1]]);
    expect(splitArray(['[1,,2]']).errors).toEqual([['empty array element (two commas)', 1]]);
    expect(splitArray(['[1]\n x']).errors).toEqual([['unexpected "x" after the end of the JSON array', 2]]);
    expect(splitArray(['[1, 2']).errors).toEqual([['the JSON array is not closed (missing "]")', 1]]);
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
