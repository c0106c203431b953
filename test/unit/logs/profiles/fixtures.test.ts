/**
 * Every profile of logs.md on a fixture in its engine's real shape (test/fixtures/logs/profiles,
 * each with the facts a correct reader reports, and the source of its shape in the README there):
 * read without a domain, auto-detected framing and profile.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inspectLog } from '../../../../src/logs/inspectLog';
import type { InspectionReport } from '../../../../src/logs/types';

const dir = new URL('../../../fixtures/logs/profiles/', import.meta.url);
const expectations = readdirSync(dir).filter((f) => f.endsWith('.expect.json'));

interface Expected {
  fixture: string;
  profile: string;
  framing: string;
  events: number;
  tombstones?: number;
  systemEvents?: number;
  types: Record<string, number>;
  streams?: { stream: string; events: number; firstPosition?: string; lastPosition?: string }[];
  sources?: { source: string; events: number }[];
  anomalies: { kind: string; line: number; stream?: string; position?: string; identical?: boolean }[];
}

/** Reads a fixture in chunks of 7 characters, so framing never depends on where chunks end. */
async function inspectFixture(name: string): Promise<InspectionReport> {
  const text = readFileSync(new URL(name, dir), 'utf8');
  const chunks = Array.from({ length: Math.ceil(text.length / 7) }, (_, i) => text.slice(i * 7, i * 7 + 7));
  const result = await inspectLog(chunks, { source: name, skipInvalid: true });
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.problems)}`);
  return result.report;
}

describe('profiles on fixtures in each engine\'s real shape, without a domain', () => {
  for (const file of expectations) {
    const expected = JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as Expected;
    it(`${expected.fixture}: ${expected.profile} profile, ${expected.framing} framing`, async () => {
      const r = await inspectFixture(expected.fixture);
      expect({ profile: r.profile, framing: r.framing }).toEqual({ profile: expected.profile, framing: expected.framing });
      expect(r.types).toEqual(expected.types);
      expect(r.events).toBe(expected.events);
      expect(r.tombstones).toBe(expected.tombstones ?? 0);
      expect(r.systemEvents).toBe(expected.systemEvents ?? 0);
      // sources are listed most events first; the fixtures list them in order of appearance
      if (expected.sources) expect(new Set(r.sources.map((x) => JSON.stringify(x)))).toEqual(new Set(expected.sources.map((x) => JSON.stringify(x))));
      if (expected.streams)
        for (const s of expected.streams) expect(r.streams.find((x) => x.stream === s.stream), `stream ${s.stream}`).toMatchObject(Object.fromEntries(Object.entries(s).filter(([, v]) => v !== null)));
      // anomalies come in file order (a per-file no-zone at its first line)
      const wanted = [...expected.anomalies].sort((a, b) => a.line - b.line);
      expect(r.anomalies.map((a) => ({ kind: a.kind, line: a.line }))).toEqual(wanted.map((a) => ({ kind: a.kind, line: a.line })));
      for (const [i, a] of wanted.entries()) {
        const { kind, line, ...rest } = a as Record<string, unknown>;
        const fields = Object.fromEntries(Object.entries(rest).filter(([k]) => ['stream', 'position', 'identical'].includes(k)));
        expect(r.anomalies[i], `anomaly ${i} (${kind} on line ${line})`).toMatchObject(fields);
      }
    });
  }
});
