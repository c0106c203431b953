/** `inspect` says a store's archived rows apart, as the app's Logs view does: text and --json (src/logs/apartText). */
import { describe, expect, it } from 'vitest';
import { cli as runCli } from './cliHarness';

const incident = new URL('../../fixtures/logs/oncall/marten-incident.jsonl', import.meta.url).pathname;

const cli = (...args: string[]) => runCli(['inspect', ...args]);

describe("inspect: a Marten log's archived row", () => {
  it('is an archived record, not another record, and its stream is not counted as one with events (text)', async () => {
    const r = await cli(incident);
    expect(r.code).toBe(0);
    expect(r.out).toContain('marten profile, lines, no domain: 26 events, 0 commands (and 1 archived record, 1 redelivery)\n');
    expect(r.out).toContain('  streams (11 with events, 1 with archived records only): ');
    expect(r.out).not.toContain('other record');
  });

  it('is counted in archivedRecords, its stream in streamsWithoutEvents and streamsArchivedOnly, otherRecords 0 (--json, additive)', async () => {
    const r = await cli(incident, '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report).toMatchObject({ events: 26, otherRecords: 0, archivedRecords: 1, redeliveries: 1, streamCount: 12, streamsWithoutEvents: 1, streamsArchivedOnly: 1 });
    expect(report.streams.find((s: { stream: string }) => s.stream === '6d183329-0394-7983-82d7-31bbfadf52db')).toMatchObject({ events: 0 });
  });

  it('a log without archived rows has none of the new members', async () => {
    const r = await cli(new URL('../../fixtures/logs/profiles/marten-mt-events.jsonl', import.meta.url).pathname, '--json');
    const report = JSON.parse(r.out);
    expect(Object.keys(report)).not.toContain('archivedRecords');
    expect(Object.keys(report)).not.toContain('streamsWithoutEvents');
    expect(Object.keys(report)).not.toContain('streamsArchivedOnly');
  });
});
