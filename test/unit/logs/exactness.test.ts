/**
 * Exact positions and times (logs.md, "Numbers and times"): positions never pass through a
 * 64-bit float, sequences of any length order numerically, identity is (source, id), times
 * without a zone read the same on every machine, leap seconds and nanoseconds count.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectLog } from '../../../src/logs/inspectLog';
import type { InspectionReport } from '../../../src/logs/types';

const lines = (...records: object[]) => records.map((r) => JSON.stringify(r)).join('\n') + '\n';
const inspect = async (text: string): Promise<InspectionReport> => {
  const r = await inspectLog([text], { source: 'test', skipInvalid: true });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.report;
};
const ce = (source: string, id: string, sequence: string, extra: object = {}) => ({ specversion: '1.0', id, source, type: 'com.example.tick', sequence, data: {}, ...extra });

describe('positions are exact', () => {
  it('purestream seqs 2^53-1 … 2^53+3 written as bare numbers: the real gap, nothing else', async () => {
    // 2^53 = 9007199254740992: through a float, 2^53+1 reads as 2^53 and the gap moves
    const seqs = ['9007199254740991', '9007199254740992', '9007199254740994', '9007199254740995'];
    const text = seqs.map((s, i) => `{"seq":${s},"id":"e${i}","type":"Tick","at":${i},"data":{}}`).join('\n');
    const r = await inspect(text);
    expect(r.anomalies.map((a) => [a.kind, a.line, a.message])).toEqual([['gap', 3, 'seq 9007199254740993 is missing']]);
    expect(r.anomalies[0].position).toBe('9007199254740994');
  });

  it('20-digit zero-padded and 56-digit CloudEvents sequences compare numerically, a real gap in each', async () => {
    const padded = ['00000000000000000009', '00000000000000000010', '00000000000000000012'].map((s, i) => ce('/a', `a${i}`, s));
    const long = ['10000000000000000000000000000000000000000000000000000001', '10000000000000000000000000000000000000000000000000000002', '10000000000000000000000000000000000000000000000000000004'].map((s, i) =>
      ce('/b', `b${i}`, s),
    );
    const r = await inspect(lines(...padded, ...long));
    expect(r.anomalies.map((a) => [a.kind, a.line, a.message])).toEqual([
      ['gap', 3, 'sequence 11 of source "/a" is missing'],
      ['gap', 6, 'sequence 10000000000000000000000000000000000000000000000000000003 of source "/b" is missing'],
    ]);
    // reports write positions as the decimal strings the log wrote
    expect(r.anomalies.map((a) => a.position)).toEqual(['00000000000000000012', '10000000000000000000000000000000000000000000000000000004']);
  });

  it('decimal strings that are not hex: "10" after "9" is in order; a source with other text compares as text and never has gaps', async () => {
    const r = await inspect(lines(ce('/a', 'x1', '9'), ce('/a', 'x2', '10'), ce('/h', 'h1', 'A-09'), ce('/h', 'h2', 'A-11')));
    expect(r.anomalies).toEqual([]);
  });

  it('a sequence is compared within its source only', async () => {
    const r = await inspect(lines(ce('/a', 'a1', '5'), ce('/b', 'b1', '1'), ce('/a', 'a2', '6'), ce('/b', 'b2', '2')));
    expect(r.anomalies).toEqual([]);
  });

  it('Kafka offsets may skip (compaction): never a gap; a stream revision that skips is', async () => {
    const kafka = lines(...[0, 1, 5].map((offset) => ({ topic: 't', partition: 0, offset, ts: 1767225600000 + offset, key: 'k', payload: JSON.stringify({ type: 'T' }) })));
    expect((await inspect(kafka)).anomalies).toEqual([]);
    const kurrent = lines(...[0, 1, 3].map((n) => ({ eventStreamId: 's', eventNumber: n, eventType: 'T', eventId: `id-${n}`, data: {} })));
    expect((await inspect(kurrent)).anomalies.map((a) => [a.kind, a.message])).toEqual([['gap', 'position 2 in stream "s" is missing']]);
  });
});

describe('identity is (source, id)', () => {
  it('the same id from two sources is two events; the same id again in one source is a duplicate', async () => {
    const r = await inspect(lines(ce('/a', 'same', '1'), ce('/b', 'same', '1'), ce('/a', 'same', '1')));
    // the third is the first again (a redelivery): counted once
    expect(r.events).toBe(2);
    expect(r.sources).toEqual([{ source: '/a', events: 1 }, { source: '/b', events: 1 }]);
    expect(r.anomalies.map((a) => [a.kind, a.line, a.identical])).toEqual([['duplicate-id', 3, true]]);
  });

  it('a reused id with other content is a duplicate that is not identical', async () => {
    const r = await inspect(lines(ce('/a', 'x', '1'), ce('/a', 'x', '2', { data: { other: true } })));
    expect(r.anomalies.map((a) => [a.kind, a.identical])).toEqual([['duplicate-id', false]]);
  });
});

describe('times', () => {
  const zoneless = lines(
    { id: 'a', type: 'T', stream: 's', time: '2026-03-29T01:30:00' },
    { id: 'b', type: 'T', stream: 's', time: '2026-03-29T02:30:00' },
    { id: 'c', type: 'T', stream: 's', time: '2026-03-29T01:45:00' },
  );

  it('zone-less times are read as UTC, with one no-zone anomaly per file', async () => {
    const r = await inspect(zoneless);
    expect(r.timeRange).toEqual({ first: '2026-03-29T01:30:00Z', last: '2026-03-29T02:30:00Z' });
    expect(r.anomalies.map((a) => [a.kind, a.line, a.count])).toEqual([
      ['no-zone', 1, 3],
      ['time-reversal', 3, undefined],
    ]);
  });

  it('give byte-identical --json under three TZ values', () => {
    const dir = mkdtempSync(join(tmpdir(), 'purestream-tz-'));
    const file = join(dir, 'zoneless.jsonl');
    writeFileSync(file, zoneless);
    const outputs = ['UTC', 'America/New_York', 'Asia/Kolkata'].map((tz) => {
      const run = spawnSync(process.execPath, ['bin/purestream.mjs', 'inspect', file, '--json'], { env: { ...process.env, TZ: tz }, encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(0);
      return run.stdout;
    });
    expect(outputs[1]).toBe(outputs[0]);
    expect(outputs[2]).toBe(outputs[0]);
  });

  it('a leap second is the end of its minute; a nanosecond backwards is a time-reversal', async () => {
    const r = await inspect(
      lines(
        { id: 'a', type: 'T', stream: 's', time: '2016-12-31T23:59:59.5Z' },
        { id: 'b', type: 'T', stream: 's', time: '2016-12-31T23:59:60.25Z' },
        { id: 'c', type: 'T', stream: 's', time: '2017-01-01T00:00:00Z' },
        { id: 'd', type: 'T', stream: 'n', time: '2026-01-01T00:00:00.000000002Z' },
        { id: 'e', type: 'T', stream: 'n', time: '2026-01-01T00:00:00.000000001Z' },
      ),
    );
    expect(r.anomalies.map((a) => [a.kind, a.line, a.message])).toEqual([
      ['time-reversal', 5, 'time 2026-01-01T00:00:00.000000001Z after 2026-01-01T00:00:00.000000002Z in stream "n"'],
    ]);
    expect(r.streams.find((s) => s.stream === 's')).toMatchObject({ firstTime: '2016-12-31T23:59:59.5Z', lastTime: '2017-01-01T00:00:00Z' });
    expect(r.timeRange?.first).toBe('2016-12-31T23:59:59.5Z');
  });
});

describe('the canonical time form read quickly agrees with the full reading', () => {
  it('on generated times of every year, fraction length and second (leap seconds too)', async () => {
    const fc = (await import('fast-check')).default;
    const { parseTimeText } = await import('../../../src/logs/json/logTime');
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 60 }), fc.stringMatching(/^(\.\d{1,12})?$/), (y, mo, d, h, mi, s, frac) => {
        const canonical = `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}${frac}Z`;
        // the same time with a space and a +00:00 offset takes the full reading
        expect(parseTimeText(canonical)).toEqual(parseTimeText(canonical.replace('T', ' ').replace('Z', '+00:00')));
      }),
      { seed: 7, numRuns: 5000 },
    );
  });
});
