import { describe, expect, it } from 'vitest';
import { fieldProblems } from '../../../renderer/lib/fieldProblems';

describe('fieldProblems: a form field, its problem and the attributes that tie them', () => {
  const fields = fieldProblems('run-1-c0', { 'retry.max': 'retries: a whole number ≥ 0 (got -1)', name: '' });

  it('names each field’s problem text by the form’s prefix and the field, safe as an id', () => {
    expect(fields.id('retry.max')).toBe('run-1-c0-problem-retry_max');
    expect(fields.id('consumers[0].name')).toBe('run-1-c0-problem-consumers_0__name');
  });

  it('marks the input of a field with a problem, even an empty one, and only those', () => {
    expect(fields.of('retry.max')).toBe('retries: a whole number ≥ 0 (got -1)');
    expect(fields.invalid('retry.max')).toEqual({ 'aria-invalid': 'true', 'aria-describedby': 'run-1-c0-problem-retry_max' });
    expect(fields.invalid('name')).toEqual({ 'aria-invalid': 'true', 'aria-describedby': 'run-1-c0-problem-name' });
    expect(fields.of('workers')).toBeUndefined();
    expect(fields.invalid('workers')).toEqual({});
    // a key inherited by every object is no field's problem
    expect(fields.of('toString')).toBeUndefined();
  });
});
