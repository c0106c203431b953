/**
 * A map can say a mapped stream position is dense from a first revision (`"dense":
 * {"streamPosition": 1}`, an extension): a homegrown engine's skipped `meta.version` is then a
 * `gap` per stream, as under a store's profile (trial A M4); without it, nothing is missing.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLogMap } from '../../../src/logs/profiles/logMap';
import { cli } from './cliHarness';

const opts = { cwd: new URL('../../fixtures/logs/verdict-trial/', import.meta.url).pathname };

describe('a map with "dense": {"streamPosition": N}', () => {
  it('reports a skipped revision as a gap in its stream; the same log without "dense" has none', async () => {
    const dense = await cli(['inspect', 'homegrown-gap.ndjson', '--map', 'homegrown-dense.map.json', '--json'], opts);
    const report = JSON.parse(dense.out);
    expect(report.anomalies.filter((a: { kind: string }) => a.kind === 'gap')).toEqual([expect.objectContaining({ kind: 'gap', line: 7, message: 'position 2 in stream "order/o-19" is missing', stream: 'order/o-19' })]);
    const loose = JSON.parse((await cli(['inspect', 'homegrown-gap.ndjson', '--map', 'homegrown.map.json', '--json'], opts)).out);
    expect(loose.anomalies.filter((a: { kind: string }) => a.kind === 'gap')).toEqual([]);
  });

  it('with a domain, a stream whose first revision here is past the first began before the read: its invariants are not checked, as under a store profile', async () => {
    // o-19's first record here is its revision 3 (its placing and cancelling are not in the file)
    const lines = readFileSync(join(opts.cwd, 'homegrown-gap.ndjson'), 'utf8').split('\n').filter((l) => l !== '' && !/"order\/o-19","version":1,/.test(l));
    const log = join(mkdtempSync(join(tmpdir(), 'purestream-dense-')), 'late.ndjson');
    writeFileSync(log, lines.join('\n') + '\n');
    const report = JSON.parse((await cli(['inspect', log, '--map', 'homegrown-dense.map.json', '--domain', './orders.ts', '--json'], opts)).out);
    expect(report.streamsBeforeRead).toBe(1);
    expect(report.notes.join('\n')).toContain('its first event here is revision 3 of the log\'s stream "order/o-19", past a stream\'s first (1)');
    // o-19's shipping after its cancelling is not reported: its state before the read is unknown
    expect(report.violations.map((v: { stream: string }) => v.stream)).not.toContain('order:o-19');
    expect(readLogMap({ format: 'purestream/map@1', fields: { streamPosition: '/meta/version' }, dense: { streamPosition: 1 } })).toEqual({ ok: true, map: expect.objectContaining({ dense: { streamPosition: '1' } }) });
  });

  it('names the problem of a bad "dense" by its JSON path', () => {
    expect(readLogMap({ format: 'purestream/map@1', dense: { streamPosition: -1 } })).toEqual({ ok: false, problems: ['dense.streamPosition: expected the first revision of every stream (a whole number, usually 0 or 1), got -1'] });
    expect(readLogMap({ format: 'purestream/map@1', dense: { globalPosition: 1 } })).toEqual({ ok: false, problems: ['dense."globalPosition": unknown member (expected streamPosition: the first revision of every stream, a whole number, usually 0 or 1)'] });
    expect(readLogMap({ format: 'purestream/map@1', dense: true })).toMatchObject({ ok: false, problems: [expect.stringMatching(/^dense: expected an object/)] });
  });
});
