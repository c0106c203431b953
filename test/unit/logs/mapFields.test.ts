/**
 * A map's `fields` pointers override the profile's reading of those common fields whatever
 * profile reads the log — detected or forced, one that reads records itself (purestream,
 * cloudevents), one that derives a field (kafka), the purestream scanner on this thread or on
 * the framing thread — and `fieldsUsed` says what was really read (logs.md, "Map file").
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { inspectLog, type InspectOptions } from '../../../src/logs/inspectLog';
import { inspectLogFile } from '../../../src/logs/node/inspectLogFile';
import { readLogMap, type LogMap } from '../../../src/logs/profiles';
import type { InspectionReport, InspectResult } from '../../../src/logs/types';

const fixtures = fileURLToPath(new URL('../../fixtures/logs/', import.meta.url));
const acme = readFileSync(join(fixtures, 'acme-orders.ndjson'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'purestream-map-fields-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function mapOf(value: unknown): LogMap {
  const read = readLogMap(value);
  if (!read.ok) throw new Error(read.problems.join('\n'));
  return read.map;
}

const fields = (f: Record<string, string | null>) => mapOf({ format: 'purestream/map@1', fields: f });

function report(r: InspectResult): InspectionReport {
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return r.report;
}

const inspect = async (text: string, options: Partial<InspectOptions> = {}) => inspectLog([text], { source: 'log', ...options });

describe("a map's fields, whatever the profile", () => {
  it('acme-orders.ndjson, detected as cloudevents, with type from /source: the types are the sources, and fieldsUsed says so', async () => {
    const r = report(await inspect(acme, { map: fields({ type: '/source' }) }));
    expect(r.profile).toBe('cloudevents');
    expect(r.types).toEqual({ 'https://shop.acme.example/inventory': 2, 'https://shop.acme.example/orders': 2 });
    expect(r.fieldsUsed.type).toBe('/source');
    // the same as forcing a profile that reads through pointers
    const generic = report(await inspect(acme, { map: fields({ type: '/source' }), profile: 'generic' }));
    expect(generic.types).toEqual(r.types);
  });

  it('a map pointing type at /nope reads no event, detected or forced, and fieldsUsed does not claim the pointer', async () => {
    for (const profile of [undefined, 'cloudevents', 'generic'] as const) {
      const r = await inspect(acme, { map: fields({ type: '/nope' }), ...(profile ? { profile } : {}) });
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.problems[0]).toMatchObject({ kind: 'unmapped', line: 1 });
      expect(r.problems[0].message).toContain("tried the map's /nope");
      const skipped = report(await inspect(acme, { map: fields({ type: '/nope' }), skipInvalid: true, ...(profile ? { profile } : {}) }));
      expect(skipped.events).toBe(0);
      expect(skipped.fieldsUsed.type).toBeNull();
    }
  });

  it('null says the log has none, over what the profile would read', async () => {
    const r = report(await inspect(acme, { map: fields({ stream: null, id: null }) }));
    expect(r.streamCount).toBe(0);
    expect(r.fieldsUsed).toMatchObject({ stream: null, id: null, type: '/type' });
  });

  it('a field the profile derives (kafka: source from topic and partition, stream from the key, else the source) is the map\'s', async () => {
    const log = ['{"topic":"orders","partition":0,"offset":1,"key":"o-1","payload":{"type":"Placed","region":"eu"}}', '{"topic":"orders","partition":1,"offset":1,"key":null,"payload":{"type":"Placed","region":"us"}}'].join('\n');
    const r = report(await inspect(log, { map: fields({ source: '/payload/region', stream: '/nope' }) }));
    expect(r.profile).toBe('kafka');
    expect(r.sources).toEqual([
      { source: 'eu', events: 1 },
      { source: 'us', events: 1 },
    ]);
    expect(r.streamCount).toBe(0);
    expect(r.fieldsUsed).toMatchObject({ source: '/payload/region', stream: null });
  });

  it('a purestream log: the envelope scanner does not bypass the map, on this thread or on the framing thread', async () => {
    const lines = ['{"format":"purestream/events@1"}'];
    for (let i = 1; i <= 40; i++) lines.push(JSON.stringify({ seq: i, id: `e${i}`, type: 'ItemRestocked', at: i, data: { sku: `sku-${i % 3}`, qty: 1, warehouse: 'w' } }));
    const path = join(dir, 'events.jsonl');
    writeFileSync(path, lines.join('\n') + '\n');
    const map = fields({ stream: '/data/sku', type: '/data/warehouse' });
    const here = report(await inspectLog([readFileSync(path, 'utf8')], { source: 'log', map }));
    const framed = report(await inspectLogFile(path, { source: 'log', map }, 0));
    for (const r of [here, framed]) {
      expect(r.profile).toBe('purestream');
      expect(r.types).toEqual({ w: 40 });
      expect(r.streams.map((s) => s.stream).sort()).toEqual(['sku-0', 'sku-1', 'sku-2']);
      expect(r.fieldsUsed).toMatchObject({ stream: '/data/sku', type: '/data/warehouse', globalPosition: '/seq' });
    }
    // without a map, the scanner's reading stands
    expect(report(await inspectLogFile(path, { source: 'log' }, 0)).types).toEqual({ ItemRestocked: 40 });
  });
});
