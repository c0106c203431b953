import { describe, expect, it } from 'vitest';
import { addCommandInto } from '../../../../renderer/lib/tree/addCommandInto';
import { raw, resolve } from './arrivalFixture';

describe('addCommandInto', () => {
  const resolved = resolve(raw);
  it('names the batch or offline group a new command goes into', () => {
    expect(addCommandInto(raw, ['commands', 2], resolved)).toBe('batch b1');
    expect(addCommandInto(raw, ['commands', 2, 'items', 1], resolved)).toBe('batch inner');
    expect(addCommandInto(raw, ['commands', 2], undefined)).toBe('the selected batch');
    expect(addCommandInto(raw, ['commands', 4], resolved)).toBe('offline phone');
  });
  it('is nothing when the command goes after the selection', () => {
    expect(addCommandInto(raw, ['commands', 0], resolved)).toBeUndefined();
    expect(addCommandInto(raw, ['commands', 2, 'items', 0], resolved)).toBeUndefined();
    expect(addCommandInto(raw, ['commands'], resolved)).toBeUndefined();
    expect(addCommandInto(undefined, ['commands'], undefined)).toBeUndefined();
  });
});
