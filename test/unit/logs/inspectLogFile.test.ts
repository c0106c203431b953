/**
 * A big log file is framed and scanned on a worker thread (src/logs/node/framingThread): the
 * inspection must report exactly what reading the same file on the calling thread reports —
 * on every fixture, and on generated logs with what the scanner must hand back (other key
 * orders, escapes, stream and causation members, duplicates, gaps, malformed and deep records,
 * blank lines, CRLF, a BOM) — with and without a domain.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledDomain } from '../../../src/engine/module/bundled';
import { inspectLog, type InspectOptions } from '../../../src/logs/inspectLog';
import { fileChunks } from '../../../src/logs/node/fileChunks';
import { inspectLogFile } from '../../../src/logs/node/inspectLogFile';
import { seededRandom } from '../../../src/engine/random';
import { InspectCancelled } from '../../../src/logs/types';
import { BatchBuilder, readBatch } from '../../../src/logs/framing/framedBatch';
import { NO_MAP } from '../../../src/logs/profiles/logMap';

const commerce = bundledDomain('commerce')!;
const dir = mkdtempSync(join(tmpdir(), 'purestream-framed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fixtures = fileURLToPath(new URL('../../fixtures/logs/', import.meta.url));
const fixtureFiles = [
  ...readdirSync(fixtures).filter((f) => /\.(jsonl|ndjson|json)$/.test(f)).map((f) => join(fixtures, f)),
  ...readdirSync(join(fixtures, 'profiles')).filter((f) => !f.endsWith('.expect.json') && !f.endsWith('.md')).map((f) => join(fixtures, 'profiles', f)),
];

/** The whole result as text (the final state built), for comparing two readings. */
const asText = (r: unknown): string => JSON.stringify(r);

async function bothWays(path: string, options: Omit<InspectOptions, 'source'>): Promise<[string, string]> {
  const here = await inspectLog(fileChunks(path), { source: 'log', ...options });
  const framed = await inspectLogFile(path, { source: 'log', ...options }, 0);
  return [asText(framed), asText(here)];
}

/** A purestream log of `n` events with a bit of everything the scanner meets. */
function generatedLog(seed: number, n: number): string {
  const random = seededRandom(seed, 1);
  const lines: string[] = [];
  let seq = 0;
  for (let i = 0; i < n; i++) {
    const roll = i < 100 ? random.int(8, 69) : random.int(0, 99);
    seq += roll < 3 ? 2 : roll < 5 ? 0 : 1;
    const sku = `sku-${random.int(1, 5)}`;
    const data = roll % 4 === 0 ? { sku, qty: random.int(1, 9), warehouse: 'main' } : { sku, qty: random.int(1, 9), warehouse: 'main', orderId: `o-${random.int(1, 20)}` };
    const type = roll % 4 === 0 ? 'ItemRestocked' : roll % 4 === 1 ? 'StockReserved' : roll % 4 === 2 ? 'StockReleased' : 'Mystery';
    const id = roll < 8 ? `e${random.int(1, i + 1)}` : `e${i + 1}`;
    if (roll < 70) lines.push(`{"seq":${seq},"id":"${id}","type":"${type}","at":${i * 7},"data":${JSON.stringify(data)}}`);
    else if (roll < 78) lines.push(`{"id":"${id}", "seq": ${seq}, "type":"${type}","at":${i * 7},"data":${JSON.stringify(data)},"stream":"stock:${sku}@main","causationId":"e${random.int(1, i + 1)}"}`);
    else if (roll < 82) lines.push(`{"seq":${seq},"id":"e\\u0031${i}","type":"${type}","at":${i * 7},"data":${JSON.stringify(data)}}`);
    else if (roll < 85) lines.push(`{"seq":${seq},"id":"${id}","type":"${type}","at":"2026-01-01T00:00:0${random.int(0, 9)}Z","data":${JSON.stringify(data)}}`);
    else if (roll < 87) lines.push(`{"seq":${seq},"id":"${id}","type":"${type}","at":${i},"data":{"sku":`);
    else if (roll < 88) lines.push('');
    else if (roll < 89) lines.push(`{"seq":${seq},"id":"${id}","type":"${type}","at":${i},"data":{"sku":"x","deep":${'['.repeat(600)}${']'.repeat(600)}}}`);
    else if (roll < 91) lines.push(`{"seq":${seq},"id":"${id}","type":"${type}","at":${i * 7},"data":${JSON.stringify(data)}}\r`);
    else lines.push(`{"seq":${seq},"id":"${id}","type":"${type}","at":${i * 7},"data":${JSON.stringify(data)},"correlationId":"c${random.int(1, 3)}"}`);
  }
  return `\ufeff${lines.join('\n')}\n`;
}

describe('a log file framed on a worker thread', () => {
  it('reports what reading it on the calling thread reports, on every fixture, with and without a map naming fields', async () => {
    expect(fixtureFiles.length).toBeGreaterThan(20);
    const fields = { ...NO_MAP, fields: { id: null, stream: '/type' } };
    for (const file of fixtureFiles) {
      for (const options of [{ skipInvalid: true }, { skipInvalid: true, map: fields }]) {
        const [framed, here] = await bothWays(file, options);
        expect(framed, `${file} ${options.map ? 'with fields' : ''}`).toBe(here);
      }
    }
  });

  it('reports the same on generated purestream logs, with and without a domain, refused or not', async () => {
    for (const seed of [1, 2, 3]) {
      const file = join(dir, `generated-${seed}.jsonl`);
      // the last one spans several batches (a batch is a chunk of about 1 MB)
      writeFileSync(file, generatedLog(seed, seed === 3 ? 25_000 : 3000));
      const renames = { ...NO_MAP, types: new Map([['Mystery', 'StockReleased'], ['StockReserved', 'OrderShipped']]) };
      // a map naming fields: the scanner steps aside on both threads, and both read every record through the map
      const fields = { ...NO_MAP, fields: { stream: '/data/sku', type: '/data/warehouse', id: null } };
      const fieldsAndRenames = { ...renames, fields: { stream: '/data/orderId' } };
      for (const options of [{ skipInvalid: true }, { skipInvalid: false }, { skipInvalid: true, domain: commerce }, { skipInvalid: true, domain: commerce, framing: 'lines' as const }, { skipInvalid: true, domain: commerce, map: renames }, { skipInvalid: true, map: fields }, { skipInvalid: false, map: fields }, { skipInvalid: true, domain: commerce, map: fieldsAndRenames }]) {
        const [framed, here] = await bothWays(file, options);
        expect(framed, `seed ${seed} ${JSON.stringify(Object.keys(options))}`).toBe(here);
        if (options.skipInvalid) expect(JSON.parse(here).report).toMatchObject({ profile: 'purestream', events: expect.any(Number) });
      }
    }
  });

  it('reports the same on hostile files: other framings, whitespace only, broken UTF-8, a line past the longest a record may be', async () => {
    const record = (i: number) => JSON.stringify({ seq: i, id: `e${i}`, type: 'ItemRestocked', at: i, data: { sku: 'tee', qty: 1, warehouse: 'main' } });
    const files: [string, string | Buffer][] = [
      ['array.json', `[\n${Array.from({ length: 500 }, (_, i) => record(i + 1)).join(',\n')}\n]`],
      ['pretty.json', Array.from({ length: 300 }, (_, i) => JSON.stringify(JSON.parse(record(i + 1)), null, 2)).join('\n')],
      ['rs.json-seq', Array.from({ length: 300 }, (_, i) => `\u001e${record(i + 1)}\n`).join('')],
      ['wrapper.json', `{"events":[${Array.from({ length: 300 }, (_, i) => record(i + 1)).join(',')}]}`],
      ['blank.jsonl', ' \n\t\n'.repeat(50_000)],
      ['utf8.jsonl', Buffer.concat([Buffer.from(`${record(1)}\n{"seq":2,"id":"e2","type":"T","at":2,"data":{"s":"`), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(`"}}\n${record(3)}\n`)])],
      ['overlong.jsonl', `${record(1)}\n{"seq":2,"id":"e2","type":"T","at":2,"data":{"s":"${'x'.repeat(17 << 20)}"}}\n${record(3)}\n`],
    ];
    for (const [name, content] of files) {
      const file = join(dir, name);
      writeFileSync(file, content);
      for (const options of [{ skipInvalid: true }, { skipInvalid: true, domain: commerce }]) {
        const [framed, here] = await bothWays(file, options);
        expect(framed, name).toBe(here);
      }
    }
  });

  it('stops when cancelled, and rejects with the file system code when the file cannot be read', async () => {
    const file = join(dir, 'cancel.jsonl');
    writeFileSync(file, generatedLog(9, 20_000));
    await expect(inspectLogFile(file, { source: 'log', isCancelled: () => true }, 0)).rejects.toBeInstanceOf(InspectCancelled);
    await expect(inspectLogFile(join(dir, 'missing.jsonl'), { source: 'log' }, 0)).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(inspectLogFile(dir, { source: 'log' }, 0)).rejects.toMatchObject({ code: 'EISDIR' });
    await expect(inspectLogFile(dir, { source: 'log' })).rejects.toMatchObject({ code: 'EISDIR' });
  });
});

describe('a framed batch', () => {
  it('hands over plain event records scanned, the rest as text, and problems in their place', () => {
    const builder = new BatchBuilder();
    builder.record('{"seq":1,"id":"e1","type":"T","at":5,"data":{"a":1}}', 1);
    builder.problem('line 2 is too long', 2);
    builder.record('{"seq":2,"id":"e\\u0032","type":"T","at":6,"data":{}}', 3);
    builder.record('', 4);
    builder.record('{"id":"e3","seq":3,"type":"U","at":7,"data":{"b":[1]},"stream":"s-1"}', 5);
    const seen: string[] = [];
    const reader = {
      takesScanned: true,
      record: (text: string, line: number) => seen.push(`text ${line} ${text.length}`),
      structural: (message: string, line: number) => seen.push(`problem ${line} ${message}`),
      scanned: (e: { id?: string; type: string; stream?: string; globalPosition?: string; data: unknown }, line: number, fingerprint: number) =>
        seen.push(`event ${line} ${e.id} ${e.type} ${e.stream} ${e.globalPosition} ${JSON.stringify(e.data)} ${typeof fingerprint}`),
    };
    readBatch(structuredClone(builder.take(100)), reader);
    expect(seen).toEqual(['event 1 e1 T undefined 1 {"a":1} number', 'problem 2 line 2 is too long', 'text 3 52', 'text 4 0', 'event 5 e3 U s-1 3 {"b":[1]} number']);
    // an inspection that does not take scanned records (another profile, a caller wanting texts) gets every text
    seen.length = 0;
    builder.record('{"seq":1,"id":"e1","type":"T","at":5,"data":{"a":1}}', 1);
    readBatch(builder.take(200), { ...reader, takesScanned: false });
    expect(seen).toEqual(['text 1 52']);
  });
});

