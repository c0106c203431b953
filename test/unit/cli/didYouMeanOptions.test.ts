/**
 * Enumerated values mistyped on the command line are answered with the one most likely meant
 * (the Emmett-team trial: `--profile emmet`), and a profile asked for that reads nothing from
 * records of another says which profile they look like — in the CLI's words and the app's.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main';
import { inspectLogFile } from '../../../src/logs/node/inspectLogFile';
import { whyNothingRead } from '../../../src/logs/nothingRead';
import { reportJsonChunks } from '../../../src/logs/reportJson';
import { recordingIO } from './cliHarness';

const trialLog = new URL('../../fixtures/logs/trial2/emmett-export.jsonl', import.meta.url).pathname;

async function cli(args: readonly string[], fixtures: readonly string[] = []) {
  const io = recordingIO(fixtures);
  copyFileSync(trialLog, join(io.cwd, 'emmett-export.jsonl'));
  const code = await main([...args], io);
  return { code, out: io.stdout, err: io.stderr.trim() };
}

describe('did you mean, for the values of options', () => {
  it.each([
    [['inspect', 'emmett-export.jsonl', '--profile', 'emmet'], '--profile must be one of purestream, cloudevents, kurrentdb, kafka, kinesis, eventbridge, debezium, emmett, marten, message-db, axon, jetstream, generic, got "emmet"; did you mean "emmett"?'],
    [['inspect', 'emmett-export.jsonl', '--framing', 'line'], '--framing must be one of auto, lines, array, concat, wrapper, got "line"; did you mean "lines"?'],
    [['inspect', 'emmett-export.jsonl', '--format', 'event'], '--format must be one of auto, events, json, cloudevents, got "event"; did you mean "events"?'],
    [['inspect', 'emmett-export.jsonl', '--fail-on', 'violation'], '--fail-on takes anomalies, violations, drift, stale (comma-separated), got "violation"; did you mean "violations"?'],
    [['inspect', 'emmett-export.jsonl', '--domain', 'comerce'], 'unknown domain "comerce"; did you mean "commerce"? (bundled: commerce, profiles; a domain module is a path: ./bank.ts)'],
    [['inspect', 'postgres://u@h/shop?store=emmet'], 'postgres://u@h/shop?store=emmet: store=emmet is not a store Purestream reads: emmett, marten, message-db; did you mean "emmett"?'],
    [['inspect', 'emmett-export.jsonl', '--profle', 'emmett'], 'unknown option --profle; did you mean "--profile"?'],
    [['export', 'flash-sale.json', '--run', 'one queue', '--format', 'cloudevent'], '--format must be events or cloudevents, got "cloudevent"; did you mean "cloudevents"?'],
    [['run', 'flash-sale.json', '--run', '8 worker'], '--run "8 worker": flash-sale.json has no run of that name; its runs: "one queue", "8 workers"; did you mean "8 workers"?'],
  ])('%j', async (args, message) => {
    const r = await cli(args, ['flash-sale.json']);
    expect(r.err).toBe(`purestream ${args[0]}: ${message}`);
    expect(r.code).toBe(2);
  });

  it('no guess for a value far from all', async () => {
    expect((await cli(['inspect', 'emmett-export.jsonl', '--profile', 'eventstore'])).err).not.toContain('did you mean');
  });
});

describe('a profile asked for that reads nothing of records of another', () => {
  it('refused: a note first names the profile they look like', async () => {
    const r = await cli(['inspect', 'emmett-export.jsonl', '--profile', 'marten']);
    expect(r.code).toBe(1);
    expect(r.err.split('\n')[0]).toBe('emmett-export.jsonl: note: these records look like emmett, not marten; drop --profile or use --profile emmett');
  });

  it('read past its problems: the reason nothing was read names it, in the CLI’s words and the app’s; --json leaves it out', async () => {
    const r = await cli(['inspect', 'emmett-export.jsonl', '--profile', 'marten', '--skip-invalid']);
    expect([r.code, r.err]).toEqual([1, '0 events read from emmett-export.jsonl: these records look like emmett, not marten; drop --profile or use --profile emmett']);
    const result = await inspectLogFile(trialLog, { source: 'emmett-export.jsonl', profile: 'marten', skipInvalid: true });
    if (!result.ok) throw new Error('refused');
    expect(whyNothingRead(result.report, 'app')).toBe('these records look like emmett, not marten; set Profile to auto or to emmett');
    expect(JSON.parse([...reportJsonChunks(result.report)].join(''))).not.toHaveProperty('detectedProfile');
  });

  it('records that look like no known profile, or like the one asked for, get no such word', async () => {
    const asked = await inspectLogFile(trialLog, { source: 'emmett-export.jsonl', profile: 'emmett', skipInvalid: true });
    expect(asked.ok && asked.report.detectedProfile).toBeUndefined();
    const auto = await inspectLogFile(trialLog, { source: 'emmett-export.jsonl', skipInvalid: true });
    expect(auto.ok && [auto.report.profile, auto.report.events, auto.report.detectedProfile]).toEqual(['emmett', 13, undefined]);
  });
});
