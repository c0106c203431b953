import { describe, expect, it } from 'vitest';
import { numberField } from '../../../renderer/lib/numberField';

describe('numberField', () => {
  it('reads a blank field as nothing', () => {
    expect(numberField('')).toBeUndefined();
    expect(numberField('   ')).toBeUndefined();
    expect(numberField('\t\n')).toBeUndefined();
  });

  it('reads a number, white space around it ignored', () => {
    expect(numberField('12')).toBe(12);
    expect(numberField(' 12 ')).toBe(12);
    expect(numberField('0.25')).toBe(0.25);
    expect(numberField('.5')).toBe(0.5);
    expect(numberField('-3')).toBe(-3);
    expect(numberField('1e3')).toBe(1000);
    expect(numberField('0')).toBe(0);
    expect(Object.is(numberField('-0'), -0)).toBe(true);
    expect(numberField('0x10')).toBe(16);
    expect(numberField('Infinity')).toBe(Infinity);
  });

  it('reads text that is no number as NaN, for the form to name', () => {
    expect(numberField('abc')).toBeNaN();
    expect(numberField('1,5')).toBeNaN();
    expect(numberField('12px')).toBeNaN();
    expect(numberField('1e')).toBeNaN();
  });
});
