/** Reading what a person typed into a number field of a form. Pure. */

/**
 * The number in a field's text: `undefined` when it is blank (empty or only white space), so the
 * key is left out of the document; otherwise `Number(raw)`, white space around it ignored
 * ("1e3" is 1000, "-0" is -0, "0x10" is 16), and NaN for text that is no number ("abc", "1,5"),
 * which the form's checks then name at the field.
 */
export function numberField(raw: string): number | undefined {
  return raw.trim() === '' ? undefined : Number(raw);
}
