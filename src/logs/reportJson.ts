/**
 * A report as two-space JSON (the bytes of `JSON.stringify(report, null, 2)` plus a newline),
 * produced piece by piece: each member by `JSON.stringify`, and `finalState` one stream at a
 * time from the replayed state, so a state of millions of streams never becomes one string
 * past V8's limit. Pure.
 */
import { finalStateEntries } from './lazyFinalState';

const indent = (json: string, by: string): string => json.replace(/\n/g, `\n${by}`);

/** Keys JavaScript orders before the others in an object (array indexes). */
const isIndexLike = (key: string): boolean => /^(0|[1-9]\d{0,9})$/.test(key) && Number(key) < 4294967295;

/** The report's JSON text in pieces; concatenated, they equal `JSON.stringify(report, null, 2) + '\n'`. */
export function* reportJsonChunks(report: object): Generator<string> {
  const keys = Object.keys(report);
  yield '{';
  let first = true;
  for (const key of keys) {
    const isState = key === 'finalState';
    const value = isState ? undefined : (report as Record<string, unknown>)[key];
    if (!isState && value === undefined) continue;
    yield `${first ? '' : ','}\n  ${JSON.stringify(key)}: `;
    first = false;
    if (!isState) {
      yield indent(JSON.stringify(value, null, 2), '  ');
      continue;
    }
    let any = false;
    // a thousand streams per JSON.stringify (one native call), cut out of their object's braces;
    // a batch whose keys JavaScript would reorder (integer-like) is written stream by stream
    let batch: Record<string, unknown> = {};
    let keys: string[] = [];
    const flush = function* (): Generator<string> {
      if (keys.length === 0) return;
      if (keys.some(isIndexLike)) {
        for (const k of keys) {
          yield `${any ? ',' : '{'}\n    ${JSON.stringify(k)}: ${indent(JSON.stringify(batch[k], null, 2), '    ')}`;
          any = true;
        }
      } else {
        const text = JSON.stringify(batch, null, 2);
        yield `${any ? ',' : '{'}\n  ${indent(text.slice(2, text.length - 2), '  ')}`;
        any = true;
      }
      batch = {};
      keys = [];
    };
    for (const [stream, aggregate] of finalStateEntries(report as { finalState: Readonly<Record<string, unknown>> })) {
      if (aggregate === undefined) continue;
      Object.defineProperty(batch, stream, { value: aggregate, enumerable: true, writable: true, configurable: true });
      keys.push(stream);
      if (keys.length >= 1000) yield* flush();
    }
    yield* flush();
    yield any ? '\n  }' : '{}';
  }
  yield first ? '}\n' : '\n}\n';
}
