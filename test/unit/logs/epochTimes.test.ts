/**
 * A numeric time whose unit no profile fixes (a map's `time` pointer, the generic profile's
 * `/ts`) is an epoch count read by its magnitude — seconds below 1e11, ms below 1e14, µs below
 * 1e17, else ns — so `"time": "/ts_us"` holding 1733000000000000 is 2024, not the year 56886
 * (README, "Numeric times"); a nanosecond count past 2^53 keeps every digit.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { epochUnit } from '../../../src/logs/json/logTime';
import { inspectLog } from '../../../src/logs/inspectLog';
import { readLogMap, type LogMap } from '../../../src/logs/profiles';
import type { InspectionReport } from '../../../src/logs/types';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/logs/integration-trial/${name}`, import.meta.url), 'utf8');

function mapOf(value: unknown): LogMap {
  const read = readLogMap(value);
  if (!read.ok) throw new Error(read.problems.join('\n'));
  return read.map;
}

async function inspect(text: string, map?: LogMap): Promise<InspectionReport> {
  const r = await inspectLog([text], { source: 'log.ndjson', ...(map ? { map } : {}) });
  if (!r.ok) throw new Error(r.reason);
  return r.report;
}

describe('numeric epoch times by magnitude', () => {
  it('epoch-micros.ndjson with "time": "/ts_us": times in 2024 to the microsecond, and the time reversal in o-17 found', async () => {
    const report = await inspect(fixture('epoch-micros.ndjson'), mapOf(JSON.parse(fixture('epoch-micros.map.json'))));
    expect(report.fieldsUsed.time).toBe('/ts_us');
    expect(report.timeRange).toEqual({ first: '2024-11-30T20:53:20Z', last: '2024-11-30T20:55:20.123456Z' });
    expect(report.streams.find((s) => s.stream === 'o-17')).toMatchObject({ firstTime: '2024-11-30T20:53:20Z', lastTime: '2024-11-30T20:53:50.000001Z' });
    expect(report.anomalies.map((a) => [a.kind, a.line])).toEqual([['time-reversal', 3]]);
  });

  it('seconds, milliseconds and nanoseconds (past 2^53, every digit kept) read as the same instant', async () => {
    const rec = (id: string, ts: string) => `{"id":"${id}","type":"Ticked","stream":"s-${id}","ts":${ts}}`;
    const report = await inspect([rec('s', '1733000000'), rec('ms', '1733000000000'), rec('ns', '1733000000123456789')].join('\n'));
    expect(report.fieldsUsed.time).toBe('/ts');
    expect(report.streams.map((s) => [s.stream, s.firstTime])).toEqual([
      ['s-s', '2024-11-30T20:53:20Z'],
      ['s-ms', '2024-11-30T20:53:20Z'],
      ['s-ns', '2024-11-30T20:53:20.123456789Z'],
    ]);
  });

  it('a string of digits is read the same way; a count of 0 is the epoch', async () => {
    const report = await inspect(['{"id":"a","type":"T","stream":"a","ts":"1733000000000000"}', '{"id":"b","type":"T","stream":"b","ts":0}'].join('\n'));
    expect(report.streams.map((s) => s.firstTime)).toEqual(['2024-11-30T20:53:20Z', '1970-01-01T00:00:00Z']);
  });

  it('epochUnit: the ranges meet at 1e11, 1e14 and 1e17, negative counts by their size', () => {
    expect([1e11 - 1, 1e11, 1e14 - 1, 1e14, 9.9e16, 1e17, -1733000000000].map(epochUnit)).toEqual(['s', 'ms', 'ms', 'us', 'us', 'ns', 'ms']);
  });
});
