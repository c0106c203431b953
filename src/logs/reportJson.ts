/**
 * A report as two-space JSON (the bytes of `JSON.stringify(report, null, 2)` plus a newline),
 * produced piece by piece: each member by `JSON.stringify`, and `finalState` one stream at a
 * time from the replayed state, so a state of millions of streams never becomes one string
 * past V8's limit. Pure.
 */
import { finalStateEntries } from './lazyFinalState';

const indent = (json: string, by: string): string => json.replace(/\n/g, `\n${by}`);

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
    for (const [stream, aggregate] of finalStateEntries(report as { finalState: Readonly<Record<string, unknown>> })) {
      if (aggregate === undefined) continue;
      yield `${any ? ',' : '{'}\n    ${JSON.stringify(stream)}: ${indent(JSON.stringify(aggregate, null, 2), '    ')}`;
      any = true;
    }
    yield any ? '\n  }' : '{}';
  }
  yield first ? '}\n' : '\n}\n';
}
