/**
 * JSON text as every file Purestream reads gives it: a leading UTF-8 byte-order mark is not part
 * of the JSON (logs.md: ignored in every file — scenarios, maps, logs; editors on Windows write
 * one). Pure.
 */

/** `text` without a leading byte-order mark (U+FEFF). */
export const withoutBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/** The value of JSON text, a leading byte-order mark ignored; throws JSON.parse's SyntaxError. */
export const parseJsonText = (text: string): unknown => JSON.parse(withoutBom(text));
