/**
 * What an inspection refused for its bad records says (cli-and-reports.md: exit 1 unless
 * `--skip-invalid`, "listing up to 20 problems as `<file>:<line>: <what>`"): the problems, the
 * same kind and message said of many records once, as `--skip-invalid` lists them as anomalies;
 * and on the last line what would let it read them. Records without a type under the
 * profile are not skipped into a useful replay — a map naming the type's field is the way —
 * so that is said first when any is among the problems; nor is a file that is all an export of a
 * table (CSV, psql's table output), whose lines said how to export JSON Lines instead.
 */
import type { Anomaly } from '../logs/types';
import { MAX_PROBLEMS } from '../logs/facts/anomalyList';
import { kindGroups, lineList } from '../logs/problemGroups';
import { counted } from '../engine/report/counted';
import { printable } from './printable';


/**
 * The lines listing a refused log's problems, up to 20, each `<place>: <kind>: <message>` — the
 * place of the first record that has it (`at(line)`: `file:9`, `source: record 9`) — and when
 * more records have the same kind and message, how many and where the others are: `… (104
 * records; also lines 12, 15, …)`, `word` naming those places. `problems`: the ones kept, in file
 * order; `total`: every problem, said as `... and 190 more problems` past those listed.
 */
export function problemLines(problems: readonly Anomaly[], total: number, at: (line: number) => string, word = 'line'): string[] {
  const { groups, rest } = kindGroups(problems, total, MAX_PROBLEMS);
  const lines = groups.map(({ members, message }) => {
    const others = members.length > 1 ? ` (${counted(members.length, 'record')}; also ${lineList(members.slice(1).map((p) => p.line), 8, word)})` : '';
    return `${at(members[0].line)}: ${members[0].kind}: ${printable(message, 400)}${others}\n`;
  });
  return rest > 0 ? [...lines, `... and ${counted(rest, 'more problem')}\n`] : lines;
}

/**
 * What follows "… was not inspected": how many of the log's records cannot be read, and the advice
 * from the kinds of the problems listed — `--skip-invalid` reads past them, as the app does for
 * any log it opens (it never refuses one).
 */
export function notInspectedAdvice(kinds: readonly string[], problems: number, records: number, exported = false): string {
  const rest = records - problems;
  // a table exported as CSV or psql's table: nothing to skip to, the export to run is said above
  if (exported && rest === 0) return `${records === 1 ? 'its only record cannot' : `none of its ${counted(records, 'record')} can`} be read: the file is an export of a table, not JSON records (export JSON Lines as said above)`;
  const them = problems === 1 ? 'it as an anomaly' : `those ${problems.toLocaleString('en-US')} as anomalies`;
  const skip =
    rest > 0
      ? `use --skip-invalid to replay the other ${counted(rest, 'record')} and report ${them} — what the app does when it opens the log`
      : `--skip-invalid reports ${problems === 1 ? 'it as an anomaly' : 'them as anomalies'}, as the app does when it opens the log`;
  const advice = kinds.includes('unmapped') ? `a map (--map FILE, logs.md "Map file") can name the field that holds the event type; or ${skip}` : skip;
  const which = rest > 0 ? `${problems.toLocaleString('en-US')} of its ${counted(records, 'record')} cannot` : records === 1 ? 'its only record cannot' : `none of its ${counted(records, 'record')} can`;
  return `${which} be read (${advice})`;
}
