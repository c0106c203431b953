/**
 * A Marten store under conjoined tenancy (the on-call trial's marten-tenants.jsonl: the same stream
 * ids and versions under the tenants `acme` and `globex`): a stream is its tenant and its id, as
 * Marten identifies it — `acme/<id>` — so one tenant's versions are never "out of order" after the
 * other's (the trial counted 26 false out-of-order and time-reversal anomalies), and with a domain
 * each tenant's aggregates are its own (`acme/stock:<sku>`), never summed across tenants.
 */
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderWith } from './moduleFiles';
import { cli as runCli } from '../cli/cliHarness';

const fixture = (path: string) => new URL(`../../fixtures/${path}`, import.meta.url).pathname;

const cli = (cwd: string, ...argv: string[]) => runCli(argv, { cwd });

const folder = () => {
  const dir = folderWith({ 'shop.ts': readFileSync(fixture('modules/shop/shop.ts'), 'utf8') });
  copyFileSync(fixture('logs/oncall/marten-tenants.jsonl'), join(dir, 'marten-tenants.jsonl'));
  return dir;
};

const po = '1b883c91-0ca9-7830-836f-6f5ede49eca0';

describe('a Marten store with tenants', () => {
  it('names a stream by its tenant and id: no false out-of-order or time-reversal, each tenant’s stream from version 1', async () => {
    const r = await cli(folder(), 'inspect', 'marten-tenants.jsonl', '--json');
    expect([r.code, r.err]).toEqual([0, '']);
    const report = JSON.parse(r.out);
    expect(report).toMatchObject({ profile: 'marten', events: 80, streamCount: 26, anomalies: [] });
    expect(report.fieldsUsed.stream).toBe('/tenant_id + "/" + /stream_id (or /stream_key)');
    for (const tenant of ['acme', 'globex']) expect(report.streams.find((s: { stream: string }) => s.stream === `${tenant}/${po}`)).toMatchObject({ firstPosition: '1' });
  });

  it("with a domain, each tenant's aggregates are its own", async () => {
    const r = await cli(folder(), 'inspect', 'marten-tenants.jsonl', '--domain', './shop.ts', '--json');
    expect([r.code, r.err]).toEqual([0, '']);
    const report = JSON.parse(r.out);
    const state = report.finalState as Record<string, { onHand?: number }>;
    expect(Object.keys(state).every((k) => k.startsWith('acme/') || k.startsWith('globex/'))).toBe(true);
    // both tenants received the same 5 kettles: each holds its own, not 10
    expect(state['acme/stock:KETTLE-02'].onHand).toBe(state['globex/stock:KETTLE-02'].onHand);
    expect(state['acme/stock:KETTLE-02'].onHand).toBeLessThanOrEqual(5);
    expect(report.notes[0]).toContain(`stream "acme/${po}" (line 1) is "acme/stock:KETTLE-02" to the domain`);
  });
});
