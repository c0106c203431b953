/** Counts in readable text say `1 event`, `1 record`, `1 anomaly`: never `1 events`. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main';
import { whyNothingRead } from '../../../src/logs/nothingRead';
import { logHealth } from '../../../renderer/lib/inspector/logHealth';
import type { InspectionSummary } from '../../../renderer/lib/workspace/logsProtocol';

const dir = mkdtempSync(join(tmpdir(), 'purestream-plurals-'));

async function inspect(file: string, errIsTTY: boolean) {
  let out = '';
  let err = '';
  const code = await main(['inspect', file], { out: (t) => void (out += t), err: (t) => void (err += t), errIsTTY, cwd: dir });
  return { code, out, err };
}

describe('singular counts', () => {
  it('inspect of a one-record log: "1 event", and "1 record" in the progress line', async () => {
    const file = join(dir, 'one.jsonl');
    writeFileSync(file, '{"id":"e-1","type":"Ticked","time":"2024-01-01T00:00:00Z"}\n');
    const r = await inspect(file, true);
    expect(r.code).toBe(0);
    expect(r.out).toContain(': 1 event, 0 commands');
    expect(r.err).toContain('1 record');
    expect(`${r.out}${r.err}`).not.toMatch(/\b1 (events|records)\b/);
  });

  it('why nothing was read: "1 tombstone", "1 record"', () => {
    const base = { events: 0, commands: 0, anomalies: [], tombstones: 1, systemEvents: 0, otherRecords: 0 } as unknown as Parameters<typeof whyNothingRead>[0];
    expect(whyNothingRead(base)).toBe('it holds only 1 tombstone');
    const malformed = { ...base, tombstones: 0, anomalies: [{ kind: 'malformed', line: 1, message: 'not JSON' }] } as unknown as Parameters<typeof whyNothingRead>[0];
    expect(whyNothingRead(malformed)).toMatch(/^1 record malformed, on line 1: not JSON; /);
  });

  it("the app's verdict on a log: 1 event read, 1 anomaly, 1 invariant violation", () => {
    const report = (events: number, anomalies: number, violations: number) =>
      ({ events, commands: 0, anomalies: Array.from({ length: anomalies }, () => ({ kind: 'gap', line: 1, message: '' })), violations: Array.from({ length: violations }, () => ({})), drift: [], domain: 'commerce', tombstones: 0, systemEvents: 0, otherRecords: 0 }) as unknown as InspectionSummary;
    expect(logHealth(report(1, 0, 0))).toMatchObject({ tone: 'ok', label: 'healthy', text: '1 event read: no anomalies, every invariant holds.' });
    expect(logHealth(report(1, 1, 0)).text).toBe('1 anomaly in 1 event.');
    expect(logHealth(report(1, 1, 1)).text).toBe('1 invariant violation and 1 anomaly in 1 event.');
    expect(logHealth(report(2_000, 2, 0)).text).toBe('2 anomalies in 2,000 events.');
  });
});
