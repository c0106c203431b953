/**
 * Problems shown beside a form's fields (the Runs editor's run and consumer forms): each field's
 * problem in words, the id of the text that says it, and the attributes that tie the field's
 * input to that text. Pure.
 */

/** What marks an input whose field has a problem: both attributes, or neither. */
export interface InvalidAttributes {
  readonly 'aria-invalid'?: 'true';
  readonly 'aria-describedby'?: string;
}

/** A form's field problems, by field key (`name`, `scheduler.workers`, `retry.max`). */
export interface FieldProblems {
  /** The problem of `field` in words, or undefined when it has none. */
  readonly of: (field: string) => string | undefined;
  /** The id of `field`'s problem text: `<prefix>-problem-<field>`, each character of `field` other than a letter, digit, `_` or `-` written `_`. */
  readonly id: (field: string) => string;
  /** `aria-invalid` and `aria-describedby` (naming {@link id}) for `field`'s input when it has a problem; none when it has not. */
  readonly invalid: (field: string) => InvalidAttributes;
}

/** The field problems of a form whose ids start with `prefix` (unique in the page), from each field's problem by key. */
export function fieldProblems(prefix: string, problems: Readonly<Record<string, string>>): FieldProblems {
  const of = (field: string): string | undefined => (Object.hasOwn(problems, field) ? problems[field] : undefined);
  const id = (field: string): string => `${prefix}-problem-${field.replace(/[^\w-]/g, '_')}`;
  return { of, id, invalid: (field) => (of(field) === undefined ? {} : { 'aria-invalid': 'true', 'aria-describedby': id(field) }) };
}
