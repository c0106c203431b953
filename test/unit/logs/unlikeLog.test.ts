/**
 * Any JSON with a `type` member reads as one event under the generic profile (a package.json
 * does): the command line's report and the app's verdict say that it may not be an event log
 * when no record gave an id, a time or a stream.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main';
import { unlikeLog } from '../../../src/logs/nothingRead';
import { logHealth } from '../../../renderer/lib/inspector/logHealth';
import type { InspectionSummary } from '../../../renderer/lib/workspace/logsProtocol';

const dir = mkdtempSync(join(tmpdir(), 'purestream-unlike-'));
const NONE = { id: null, type: '/type', stream: null, streamPosition: null, globalPosition: null, source: null, time: null, data: '', metadata: null, causationId: null, correlationId: null };

describe('a log that may not be one', () => {
  it('inspect of a package.json: read, exit 0, with a note that it may not be an event log', async () => {
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'x', version: '1.0.0', type: 'module' }, null, 2));
    let out = '';
    const code = await main(['inspect', 'package.json'], { out: (t) => void (out += t), err: () => undefined, errIsTTY: false, cwd: dir });
    expect(code).toBe(0);
    expect(out).toContain('  note: no record has an id, a time or a stream: this may not be an event log (a map, --map, can name its fields)\n');
  });

  it('no note when any record has an id, a time or a stream, or a known profile read it', () => {
    expect(unlikeLog({ profile: 'generic', events: 3, fieldsUsed: NONE })).toBeDefined();
    expect(unlikeLog({ profile: 'generic', events: 3, fieldsUsed: { ...NONE, id: '/id' } })).toBeUndefined();
    expect(unlikeLog({ profile: 'generic', events: 3, fieldsUsed: { ...NONE, time: '/at' } })).toBeUndefined();
    expect(unlikeLog({ profile: 'cloudevents', events: 3, fieldsUsed: NONE })).toBeUndefined();
    expect(unlikeLog({ profile: 'generic', events: 0, fieldsUsed: NONE })).toBeUndefined();
  });

  it('the Logs view does not call it healthy', () => {
    const report = { events: 1, commands: 0, anomalies: [], violations: [], drift: [], domain: null, profile: 'generic', fieldsUsed: NONE, tombstones: 0, systemEvents: 0, otherRecords: 0 } as unknown as InspectionSummary;
    expect(logHealth(report)).toMatchObject({ tone: 'warn', label: 'not an event log?', text: '1 event read, but no record has an id, a time or a stream: this may not be an event log (Mapping… can name its fields).' });
  });
});
