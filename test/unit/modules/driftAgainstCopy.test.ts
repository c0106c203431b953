/**
 * Decision drift against an edited copy of one's own module (the trial's B2): a module without
 * `id` is named after its file, so `seats-v2.ts` reads the log of `seats.ts` as another domain.
 * The domain chosen with --domain is used; the report says what the header names, in a note.
 * Fixtures: the trial's files (test/fixtures/modules/seats), the log exported from
 * `seats.scenario.json`'s "4 workers" run.
 */
import { describe, expect, it } from 'vitest';
import { cli as runCli } from '../cli/cliHarness';

const seats = new URL('../../fixtures/modules/seats/', import.meta.url).pathname;
/** The log by its full path (a log file is read from the process's folder; the module from `cwd`). */
const LOG = `${seats}seats-4w.jsonl`;

const cli = (...argv: string[]) => runCli(argv, { cwd: seats });

const NOTE = 'the log\'s header names domain "seats"; it was replayed with domain "seats-v2", as chosen (a domain module without `id` is named after its file; `id: "seats"` in it names the same domain)';

describe('inspect LOG --domain an edited copy of the module that wrote it', () => {
  it('replays with the copy, shows the drift of the changed rule and says what the header names (text)', async () => {
    const r = await cli('inspect', LOG, '--domain', './seats-v2.ts');
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out).toContain('seats-4w.jsonl — purestream profile, lines, domain seats-v2: 24 events, 31 commands, 7 rejections\n');
    expect(r.out).toContain(`\n  note: ${NOTE}\n`);
    expect(r.out).toContain('\n  anomalies: none\n');
    expect(r.out).toContain('\n  decision drift (5):\n    c19  recorded: SeatBooked  now: rejected: full (all 20 seats taken)\n');
    expect(r.out).not.toContain('malformed');
  });

  it('--json: the note under `notes`, no anomaly, the drift entries', async () => {
    const r = await cli('inspect', LOG, '--domain', './seats-v2.ts', '--json');
    expect([r.code, r.err]).toEqual([0, '']);
    const report = JSON.parse(r.out);
    expect([report.domain, report.notes, report.anomalies]).toEqual(['seats-v2', [NOTE], []]);
    expect(report.drift.map((d: { commandId: string; now: unknown }) => [d.commandId, d.now])).toEqual(['c19', 'c20', 'c21', 'c22', 'c23'].map((c) => [c, 'rejected: full']));
    expect((await cli('inspect', LOG, '--domain', './seats-v2.ts', '--fail-on', 'drift')).code).toBe(3);
  });

  it('the module that wrote the log: no note, no drift', async () => {
    const report = JSON.parse((await cli('inspect', LOG, '--domain', './seats.ts', '--json')).out);
    expect([report.domain, report.notes, report.anomalies, report.drift]).toEqual(['seats', undefined, [], []]);
    // read in the module's worker, --fail-on stale sees the four workers' stale bookings as the report counts them
    expect(report.staleDecisions.count).toBe(22);
    expect((await cli('inspect', LOG, '--domain', './seats.ts', '--fail-on', 'drift')).code).toBe(0);
    expect((await cli('inspect', LOG, '--domain', './seats.ts', '--fail-on', 'stale')).code).toBe(3);
  });
});
