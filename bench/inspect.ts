/**
 * Benchmark of `inspect` on a big log: a 1,000,000-event commerce log (~120 MB, generated once
 * and cached under bench/.data/) inspected in full (validation, anomalies, replay, invariants,
 * state hash) against a bare streaming fold of the same file (the same chunk reader and line
 * splitter, JSON.parse, a Map update). Targets: ratio <= 1.5, peak RSS < 1.5 GB.
 */
import { createWriteStream, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { commerce } from '../domain';
import { seededRandom } from '../src/engine/random';
import { inspectLog } from '../src/logs/inspectLog';
import { LineSplitter } from '../src/logs/lineSplitter';
import { fileChunks } from '../src/logs/node/fileChunks';

const EVENTS = 1_000_000;
const DATA_DIR = new URL('./.data/', import.meta.url).pathname;
const LOG = `${DATA_DIR}commerce-1m-v2.jsonl`;

/** Writes the log once: restocks, orders (placed + reserved), shipments and cancellations over 200 skus. */
async function generate(path: string): Promise<void> {
  mkdirSync(DATA_DIR, { recursive: true });
  const temp = `${path}.tmp`;
  const out = createWriteStream(temp);
  const random = seededRandom(2026, 1);
  const open: { orderId: string; sku: string; qty: number }[] = [];
  let seq = 0;
  let orders = 0;
  let buffer = '';
  const emit = (type: string, data: object, stream: string, _cause: string) => {
    seq++;
    buffer += `{"seq":${seq},"id":"e${seq}","type":"${type}","at":${seq * 3},"data":${JSON.stringify(data)},"stream":"${stream}"}\n`;
  };
  while (seq < EVENTS) {
    const roll = random.int(0, 99);
    const sku = `sku-${random.int(1, 200)}`;
    if (roll < 15 || seq === 0) emit('ItemRestocked', { sku, qty: random.int(10, 50), warehouse: 'main' }, `stock:${sku}@main`, `r${seq}`);
    else if (roll < 75 || open.length === 0) {
      const orderId = `o-${++orders}`;
      const qty = random.int(1, 3);
      emit('OrderPlaced', { orderId, customerId: `u-${random.int(1, 5000)}`, sku, qty, warehouse: 'main' }, `order:${orderId}`, `c${orders}`);
      emit('StockReserved', { sku, warehouse: 'main', qty, orderId }, `stock:${sku}@main`, `c${orders}`);
      open.push({ orderId, sku, qty });
    } else {
      const order = open.splice(random.int(0, open.length - 1), 1)[0];
      if (roll < 92) emit('OrderShipped', { orderId: order.orderId }, `order:${order.orderId}`, `s${order.orderId}`);
      else {
        emit('OrderCancelled', { orderId: order.orderId }, `order:${order.orderId}`, `x${order.orderId}`);
        emit('StockReleased', { sku: order.sku, warehouse: 'main', qty: order.qty, orderId: order.orderId }, `stock:${order.sku}@main`, `x${order.orderId}`);
      }
    }
    if (buffer.length > 1 << 20 && !out.write(buffer)) await once(out, 'drain');
    if (buffer.length > 1 << 20) buffer = '';
  }
  out.end(buffer);
  await once(out, 'finish');
  renameSync(temp, path);
}

/** The baseline: read lines, JSON.parse, update a Map (by stream). */
async function bareFold(path: string): Promise<number> {
  const state = new Map<string, unknown>();
  const splitter = new LineSplitter((text) => {
    if (text.length === 0) return;
    const r = JSON.parse(text) as { stream?: string; id: string; data: unknown };
    state.set(r.stream ?? r.id, r.data);
  });
  for await (const chunk of fileChunks(path)) splitter.push(chunk);
  splitter.end();
  return state.size;
}

const seconds = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e9;

/** Runs the benchmark; returns its figures (times in s, sizes in MB). */
export default async function inspectBench(): Promise<Record<string, unknown>> {
  if (!existsSync(LOG)) await generate(LOG);
  const sizeMb = statSync(LOG).size / 1e6;
  await bareFold(LOG); // warm the file cache and the JIT alike for both
  let t = process.hrtime.bigint();
  const streams = await bareFold(LOG);
  const foldSeconds = seconds(t);
  t = process.hrtime.bigint();
  const result = await inspectLog(fileChunks(LOG), { decider: commerce, source: 'commerce-1m.jsonl' });
  const inspectSeconds = seconds(t);
  if (!result.ok) throw new Error(`the bench log was refused: ${JSON.stringify(result.problems.slice(0, 3))}`);
  const ratio = inspectSeconds / foldSeconds;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  return {
    name: 'inspect 1M-event log',
    events: result.report.events,
    sizeMb: Math.round(sizeMb),
    streams,
    bareFoldSeconds: Number(foldSeconds.toFixed(2)),
    inspectSeconds: Number(inspectSeconds.toFixed(2)),
    ratio: Number(ratio.toFixed(2)),
    ratioTarget: 1.5,
    peakRssMb: Math.round(peakRssMb),
    peakRssTargetMb: 1536,
    violations: result.report.violations.length,
    anomalies: result.report.anomalies.length,
    ok: ratio <= 1.5 && peakRssMb < 1536,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) console.log(JSON.stringify(await inspectBench(), null, 2));
