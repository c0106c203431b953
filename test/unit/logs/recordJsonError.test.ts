import { describe, expect, it } from 'vitest';
import { recordJsonError } from '../../../src/logs/json/recordJsonError';

const errorOf = (text: string): string => {
  try {
    JSON.parse(text);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('parsed');
};

describe('a record that is not JSON, said in the file\'s terms', () => {
  it('names the column of a one-line record, not "line 1"', () => {
    const text = '{"a":1,}';
    const message = recordJsonError(errorOf(text), text, 14);
    expect(message).toMatch(/at column 8$/);
    expect(message).not.toMatch(/position|line 1/);
  });

  it('says text after a complete record (a trailing comma) follows the record\'s value', () => {
    const text = '{"id":"e4","data":{"x":1}},';
    const message = recordJsonError(errorOf(text), text, 5);
    expect(message).toBe("Unexpected non-whitespace character after the record's JSON value at column 27");
  });

  it('names a later line of a record spanning lines', () => {
    const text = '{\n  "a": 1,\n  }';
    expect(recordJsonError(errorOf(text), text, 10)).toMatch(/on line 12, column 3$/);
  });
});
