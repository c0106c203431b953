/** A stored log is the bundled sample only when it was kept as the sample (opened from the samples menu), never by its name alone. */
import { readFileSync } from 'node:fs';
import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { DatabaseLogs } from '../../../../renderer/lib/inspector/logStore';
import { shippedSamplePath } from '../../../../renderer/lib/inspector/sampleLogs';
import { LogImport } from '../../../../renderer/src/worker/logs/logImport';
import { listLogs } from '../../../../src/store/logs';
import { createWorkspace } from '../../../../src/store/workspace';

const samples = [{ file: 'flash-sale-oversell.cloudevents.json' }];

describe('shippedSamplePath', () => {
  it('names a log kept as a bundled sample by its path from the checkout', () => {
    expect(shippedSamplePath('samples/logs/flash-sale-oversell.cloudevents.json', samples)).toBe('samples/logs/flash-sale-oversell.cloudevents.json');
  });

  it('leaves a file of the user\'s named as a sample a file (the workspace keeps its bare name), and a sample the app does not ship', () => {
    expect(shippedSamplePath('flash-sale-oversell.cloudevents.json', samples)).toBeUndefined();
    expect(shippedSamplePath('samples/logs/gone.json', samples)).toBeUndefined();
    expect(shippedSamplePath('nats://host:4222/ORDERS', samples)).toBeUndefined();
    expect(shippedSamplePath(undefined, samples)).toBeUndefined();
  });
});

describe('a bundled sample read again', () => {
  it('keeps its path from the checkout as its source, so reopened from the workspace it is still the sample', async () => {
    const db = createWorkspace(await initSqlJs());
    const imports = new LogImport(new DatabaseLogs(db));
    const path = 'samples/logs/flash-sale-oversell.cloudevents.json';
    const text = readFileSync(new URL(`../../../../${path}`, import.meta.url), 'utf8');
    const first = await imports.run({ kind: 'text', text }, { name: samples[0].file, source: path, domain: 'commerce' }, () => {});
    // what the Reading menu asks: the name and the reading, no source
    const again = await imports.again(first.source.logId, { name: samples[0].file, domain: null }, () => {});
    const stored = listLogs(db);
    expect(stored.map((l) => [l.logId, l.source])).toEqual([[again.source.logId, path]]);
    expect(shippedSamplePath(stored[0].source, samples)).toBe(path);
  });
});
