/**
 * Exact numbers in parsed JSON: `JSON.parse` turns `9007199254740993` into 9007199254740992.
 * `parseWithNumberText` parses again with a reviver that, for every number that is not a safe
 * integer, records the number's source text (ES2025 JSON.parse source text access: Node ≥ 22,
 * Chromium ≥ 114) beside its holder; `numberText(holder, key)` returns it. Positions are read
 * through it, so they never pass through a 64-bit float. Callers parse plainly first and take
 * this slower path only for a record whose position came out unsafe. Pure.
 */

/** Source texts of unsafe numbers, by holder object and key. */
const texts = new WeakMap<object, Map<string, string>>();

interface ParseContext {
  readonly source?: string;
}

/** True where the runtime hands a reviver each number's source text. */
export const numberTextSupported: boolean = (() => {
  let seen: string | undefined;
  JSON.parse('10', (_key, value, context?: ParseContext) => ((seen = context?.source), value));
  return seen === '10';
})();

/**
 * Parses `text`, keeping the source text of every number that is not a safe integer. Throws
 * what `JSON.parse` throws, and a RangeError for values nested too deeply for the reviver.
 */
export function parseWithNumberText(text: string): unknown {
  return JSON.parse(text, function (this: object, key: string, value: unknown, context?: ParseContext) {
    if (typeof value === 'number' && !Number.isSafeInteger(value) && context?.source !== undefined) {
      let byKey = texts.get(this);
      if (!byKey) texts.set(this, (byKey = new Map()));
      byKey.set(key, context.source);
    }
    return value;
  });
}

/** The source text of the unsafe number at `holder[key]` when it was parsed by `parseWithNumberText`. */
export const numberText = (holder: object, key: string): string | undefined => texts.get(holder)?.get(key);
