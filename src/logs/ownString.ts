/**
 * Strings an inspection keeps (ids, stream ids, payload values in aggregates) must not keep the
 * text they were cut from: V8 may hold a cut of 13 or more characters as a view into the whole
 * chunk or batch it came from, so keeping the cut keeps the chunk — memory would grow with the
 * file instead of with what is kept. Pure.
 */

/** Cuts this long or longer may be views into their source. */
const VIEW_FROM = 13;

/** `s`, sharing no text with the string it was cut from (a concatenation flattened into a string of its own); short strings as they are. */
export const ownString = (s: string): string => (s.length >= VIEW_FROM ? ` ${s}`.slice(1) : s);
