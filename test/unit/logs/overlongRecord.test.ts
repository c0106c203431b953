/**
 * A record too long to keep (over the 16 MB a record may be) is a record like any malformed one:
 * it keeps its place in the numbering, so every later record, anomaly and stored row keeps its
 * number — the on-call trial's huge-line.jsonl (a Marten export whose line 6 carries a 60 MB
 * payload) called the gap on line 44 "record 43", and the app marked line 7's event as the
 * malformed one. The fixture is the export's first 50 lines with line 6's blob cut to "x"; the
 * test puts the 60 MB back.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LogFramer } from '../../../src/logs/framing/logFramer';
import { inspectLog } from '../../../src/logs/inspectLog';
import { LogInspector, type InspectedRecord } from '../../../src/logs/logInspector';
import { inspectLogFile } from '../../../src/logs/node/inspectLogFile';
import type { Anomaly, InspectResult } from '../../../src/logs/types';

const head = readFileSync(new URL('../../fixtures/logs/oncall/huge-line.head.jsonl', import.meta.url), 'utf8');
const lines = head.split('\n');
/** Line 6 with its blob 60,000,000 characters long, as the user's file had it. */
const huge = lines[5].replace('"blob": "x"', `"blob": "${'x'.repeat(60_000_000)}"`);
const withHuge = [...lines.slice(0, 5), huge, ...lines.slice(6)].join('\n');
/** The same log with line 6 cut short: malformed, as a record of normal length. */
const withShort = [...lines.slice(0, 5), lines[5].slice(0, 200), ...lines.slice(6)].join('\n');

const dir = mkdtempSync(join(tmpdir(), 'purestream-overlong-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function* chunks(text: string, size = 1 << 20): Iterable<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

const anomaliesOf = (r: InspectResult): readonly Anomaly[] => {
  if (!r.ok) throw new Error('refused');
  return r.report.anomalies;
};

describe('a record longer than a record may be', () => {
  it('is numbered as a malformed record in its place would be, and the records after it keep their numbers', async () => {
    const seen: InspectedRecord[] = [];
    const long = await inspectLog(chunks(withHuge), { source: 'huge-line.jsonl', skipInvalid: true, onRecord: (r) => seen.push(r) });
    const short = await inspectLog(chunks(withShort), { source: 'huge-line.jsonl', skipInvalid: true });
    const [first, ...rest] = anomaliesOf(long);
    expect(first).toEqual({ kind: 'malformed', line: 6, record: 6, message: 'line 6 is 60000778 characters long, longer than the 16 MB a record may be' });
    expect(rest.find((a) => a.kind === 'gap')).toMatchObject({ line: 44, record: 44 });
    // apart from the first anomaly's message, the two readings agree: same numbers, same counts
    expect(rest).toEqual(anomaliesOf(short).slice(1));
    expect(long.ok && long.report.events).toBe(short.ok && short.report.events);
    // what the app stores: record 6 on line 6 is the malformed one (its start kept to show), record 7 on line 7 a valid event
    const six = seen.find((r) => r.record === 6)!;
    expect(six).toMatchObject({ line: 6, problem: { kind: 'malformed' }, counted: false });
    expect(six.text.startsWith('{"seq_id": 1005')).toBe(true);
    expect(six.text.length).toBe(64 * 1024);
    expect(seen.find((r) => r.record === 7)).toMatchObject({ line: 7, read: { kind: 'event' } });
    expect(seen.filter((r) => r.problem !== undefined).map((r) => r.line)).toEqual([6]);
  });

  it('is numbered the same when the file is framed on a thread', async () => {
    const file = join(dir, 'huge-line.jsonl');
    writeFileSync(file, withHuge);
    const here = await inspectLog(chunks(withHuge), { source: 'huge-line.jsonl', skipInvalid: true });
    const framed = await inspectLogFile(file, { source: 'huge-line.jsonl', skipInvalid: true }, 0);
    expect(JSON.stringify(framed)).toBe(JSON.stringify(here));
    // without --skip-invalid the log is refused on that line
    const refused = await inspectLogFile(file, { source: 'huge-line.jsonl' }, 0);
    expect(refused).toMatchObject({ ok: false, problems: [{ line: 6, record: 6 }] });
  });

  it('in a line that arrives in one piece, and in concatenated or array records, keeps the numbering too', () => {
    const records = ['{"id":"a","type":"T"}', `{"id":"b","type":"T","data":"${'y'.repeat(100)}"}`, '{"id":"c","type":"T"}'];
    for (const [framing, text, at] of [
      ['lines', records.join('\n'), [1, 2, 3]],
      ['concat', records.join('\n\n'), [1, 3, 5]],
      ['array', `[\n${records.join(',\n')}\n]`, [2, 3, 4]],
    ] as const) {
      const seen: { record: number; line: number; problem?: string }[] = [];
      const inspector = new LogInspector({ skipInvalid: true, onRecord: (r) => seen.push({ record: r.record, line: r.line, ...(r.problem ? { problem: r.problem.message } : {}) }) });
      const framer = new LogFramer(framing, inspector.record, inspector.structural, 50);
      framer.push(text);
      framer.end();
      const r = inspector.finish('log', framing);
      const place = framing === 'lines' ? `line ${at[1]}` : `the record starting on line ${at[1]}`;
      expect(seen, framing).toEqual([
        { record: 1, line: at[0] },
        { record: 2, line: at[1], problem: `${place} is ${records[1].length} characters long, longer than the 50 characters a record may be` },
        { record: 3, line: at[2] },
      ]);
      expect(r.ok && r.report.events).toBe(2);
    }
  });

  it('not complete at the end of the file is a record too', () => {
    const seen: number[] = [];
    const inspector = new LogInspector({ skipInvalid: true, onRecord: (r) => seen.push(r.record) });
    const framer = new LogFramer('concat', inspector.record, inspector.structural);
    framer.push('{"id":"a","type":"T"}\n{"id":"b",\n  "type":"T"');
    framer.end();
    const r = inspector.finish('log', 'concat');
    expect(seen).toEqual([1, 2]);
    expect(anomaliesOf(r)).toEqual([{ kind: 'malformed', line: 2, record: 2, message: 'the record starting on line 2 is not complete at the end of the file (a missing "}" or "]")' }]);
  });
});
