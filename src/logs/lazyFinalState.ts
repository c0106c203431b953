/**
 * A report's `finalState` built on first read: a million-event log can end with hundreds of
 * thousands of streams, and the text report only needs their count. The property is an
 * enumerable getter in its usual place, so `JSON.stringify`, structured cloning and spreads
 * see a plain report; once read it becomes an ordinary data property.
 */

const streamCounts = new WeakMap<object, number>();
const entryReaders = new WeakMap<object, () => Iterable<readonly [string, unknown]>>();
const memberTexts = new WeakMap<object, readonly string[]>();
/** Reports whose final state may hold a Map, Set or Date: written tagged (../engine/report/taggedJson). */
const taggedStates = new WeakSet<object>();

/**
 * Makes `report.finalState` lazy: `build` runs on its first read; `streams` is its key count,
 * known without building it; `entries`, when given, lists its (stream, aggregate) pairs in key
 * order without building the object (for writing it piece by piece); `members`, when given, is
 * each of those entries as its JSON member text, `"stream":aggregate`, in the same order (from the
 * state hash, ../engine/report/stateHash), after a comma but the first; `tagged`, that an aggregate
 * may hold a Map, Set or Date, which JSON output writes as its tagged object (finalStateTagged).
 */
export function withLazyFinalState<T extends { readonly finalState: Readonly<Record<string, unknown>> }>(
  report: T,
  build: () => Record<string, unknown>,
  streams: number,
  entries?: () => Iterable<readonly [string, unknown]>,
  members?: readonly string[],
  tagged = false,
): T {
  if (entries) entryReaders.set(report, entries);
  if (tagged) taggedStates.add(report);
  if (entries && members) memberTexts.set(report, members);
  Object.defineProperty(report, 'finalState', {
    enumerable: true,
    configurable: true,
    get() {
      const value = build();
      Object.defineProperty(report, 'finalState', { value, enumerable: true, writable: true, configurable: true });
      return value;
    },
  });
  streamCounts.set(report, streams);
  return report;
}

/** The number of streams in a report's final state, without building it when it is lazy. */
export const streamCountOf = (report: { readonly finalState: Readonly<Record<string, unknown>> }): number => streamCounts.get(report) ?? Object.keys(report.finalState).length;

/** The (stream, aggregate) pairs of a report's final state in key order, without building the object when it is lazy. */
export const finalStateEntries = (report: { readonly finalState: Readonly<Record<string, unknown>> }): Iterable<readonly [string, unknown]> =>
  entryReaders.get(report)?.() ?? Object.entries(report.finalState);

/** A report without its final state (never built: it may be lazy), with the number of streams it has as `finalStreams`. */
export function withoutFinalState<T extends object>(report: T): Omit<T, 'finalState'> & { readonly finalStreams: number } {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(report)) if (key !== 'finalState') out[key] = (report as Record<string, unknown>)[key];
  out.finalStreams = 'stateHash' in report && report.stateHash !== undefined ? streamCountOf(report as unknown as { finalState: Readonly<Record<string, unknown>> }) : 0;
  return out as Omit<T, 'finalState'> & { readonly finalStreams: number };
}

/** The final state's entries as JSON member texts, when the state hash left them (see `withLazyFinalState`). */
export const finalStateMembers = (report: object): readonly string[] | undefined => memberTexts.get(report);

/** Whether a report's final state may hold a Map, Set or Date: its JSON writes them tagged (`JSON.stringify(aggregate, taggedReplacer)`). */
export const finalStateTagged = (report: object): boolean => taggedStates.has(report);
