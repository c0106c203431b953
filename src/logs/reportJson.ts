/**
 * A report as JSON, produced piece by piece: each member as two-space JSON, and `finalState`
 * one stream per line (its aggregate as compact JSON, a Map, Set or Date tagged as the stateHash
 * reads it) from the replayed state in key order, so a
 * state of millions of streams never becomes one string past V8's limit. C1 controls (which some
 * terminals obey) are escaped as `\u00XX`, as in every `--json` output: the same JSON value. Pure.
 */
import { escapeC1 } from '../engine/report/jsonWriter';
import { taggedReplacer } from '../engine/report/taggedJson';
import { finalStateEntries, finalStateMembers, finalStateTagged } from './lazyFinalState';

const indent = (json: string, by: string): string => json.replace(/\n/g, `\n${by}`);

/** Members a report carries for the text report and the app alone (a hint, not a fact of the log): `--json` leaves them out. */
const NOT_WRITTEN: ReadonlySet<string> = new Set(['headerDomain', 'sourceDomain', 'detectedProfile']);

/** The report's JSON text in pieces (concatenated: the report, parsed back equal but for the hints of NOT_WRITTEN), C1 controls escaped. */
export function* reportJsonChunks(report: object): Generator<string> {
  for (const piece of rawChunks(report)) yield escapeC1(piece);
}

function* rawChunks(report: object): Generator<string> {
  const keys = Object.keys(report).filter((key) => !NOT_WRITTEN.has(key));
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
    // one stream per line, its aggregate as compact JSON (a million small native calls, no re-indenting;
    // none when the state hash left each member's text: `"stream":aggregate`, cut after the stream)
    const members = finalStateMembers(report);
    // a Map, Set or Date as its tagged object, as the stateHash read it (plain states as JSON.stringify writes them)
    const replacer = finalStateTagged(report) ? taggedReplacer : undefined;
    let piece = '';
    let any = false;
    let i = -1;
    for (const [stream, aggregate] of finalStateEntries(report as { finalState: Readonly<Record<string, unknown>> })) {
      i++;
      if (aggregate === undefined) continue;
      const name = JSON.stringify(stream);
      const member = members?.[i];
      const from = member?.charCodeAt(0) === 44 ? 1 : 0;
      piece += `${any ? ',' : '{'}\n    ${name}: ${member !== undefined ? member.slice(from + name.length + 1) : JSON.stringify(aggregate, replacer)}`;
      any = true;
      if (piece.length >= 1 << 16) {
        yield piece;
        piece = '';
      }
    }
    if (piece) yield piece;
    yield any ? '\n  }' : '{}';
  }
  yield first ? '}\n' : '\n}\n';
}
