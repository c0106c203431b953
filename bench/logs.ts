/**
 * Logs of other systems (issue "Any event log"): the same 1,000,000 commerce events as the
 * `inspect` benchmark, written as CloudEvents (one structured event per line) and as a generic
 * JSON log of another producer's field names, each inspected without a domain — the facts every
 * log has — as the command line does it (file decoded on a reader thread). The purestream log is
 * inspected without a domain too, beside them. Rounds alternate the logs; figures are medians (s).
 */
import { createReadStream, createWriteStream, existsSync, renameSync } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { inspectLogFile } from '../src/logs/node/inspectLogFile';
import { generate, LOG } from './inspect';

export const name = 'logs';

const ROUNDS = 3;
const CLOUDEVENTS = LOG.replace(/\.jsonl$/, '.cloudevents.jsonl');
const GENERIC = LOG.replace(/\.jsonl$/, '.generic.jsonl');

/** Writes `target` from the purestream log, one record at a time through `convert`. */
async function derive(target: string, convert: (r: { seq: number; id: string; type: string; at: number; data: Record<string, unknown> }) => object): Promise<void> {
  if (existsSync(target)) return;
  if (!existsSync(LOG)) await generate(LOG);
  const out = createWriteStream(`${target}.tmp`);
  let buffer = '';
  for await (const line of createInterface({ input: createReadStream(LOG), crlfDelay: Infinity })) {
    if (!line) continue;
    buffer += JSON.stringify(convert(JSON.parse(line))) + '\n';
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
  renameSync(`${target}.tmp`, target);
}

const entity = (d: Record<string, unknown>) => String(d.orderId !== undefined ? `order:${String(d.orderId)}` : `stock:${String(d.sku)}`);
const iso = (at: number) => new Date(Date.UTC(2026, 0, 1) + at).toISOString();

const toCloudEvent = (r: { seq: number; id: string; type: string; at: number; data: Record<string, unknown> }) => ({
  specversion: '1.0',
  id: r.id,
  source: '/shop/orders',
  type: `com.shop.${r.type}`,
  time: iso(r.at),
  subject: entity(r.data),
  sequence: String(r.seq).padStart(20, '0'),
  datacontenttype: 'application/json',
  data: r.data,
});

const toGeneric = (r: { seq: number; id: string; type: string; at: number; data: Record<string, unknown> }) => ({ eventId: r.id, eventType: r.type, aggregateId: entity(r.data), version: r.seq, timestamp: iso(r.at), payload: r.data });

const seconds = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e9;
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round2 = (x: number) => Number(x.toFixed(2));

async function inspectOnce(path: string): Promise<{ seconds: number; events: number; profile: string }> {
  const t = process.hrtime.bigint();
  const result = await inspectLogFile(path, { source: path, skipInvalid: true });
  if (!result.ok) throw new Error(`${path} was refused`);
  return { seconds: seconds(t), events: result.report.events, profile: result.report.profile };
}

/** Runs the benchmark. */
export async function run(): Promise<Record<string, unknown>> {
  await derive(CLOUDEVENTS, toCloudEvent);
  await derive(GENERIC, toGeneric);
  const logs = { purestream: LOG, cloudevents: CLOUDEVENTS, generic: GENERIC } as const;
  const times: Record<string, number[]> = { purestream: [], cloudevents: [], generic: [] };
  const seen: Record<string, { events: number; profile: string }> = {};
  for (const path of Object.values(logs)) await inspectOnce(path); // warm the file cache and the JIT
  for (let i = 0; i < ROUNDS; i++)
    for (const [kind, path] of Object.entries(logs)) {
      const r = await inspectOnce(path);
      times[kind].push(r.seconds);
      seen[kind] = { events: r.events, profile: r.profile };
    }
  return Object.fromEntries(Object.entries(times).map(([kind, ts]) => [kind, { ...seen[kind], noDomainSeconds: round2(median(ts)), rounds: ts.map(round2) }]));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) console.log(JSON.stringify(await run(), null, 2));
