/**
 * Benchmark of `inspect` on a big log: a 1,000,000-event commerce log (~130 MB, generated once
 * and cached under bench/.data/) inspected in full (validation, anomalies, replay, invariants,
 * state hash, the text report) against a bare streaming fold of the same file (the same chunk
 * reader and line splitter, JSON.parse, a Map update keyed by the entity the event is about,
 * so the Map ends as large as the replayed state). Rounds alternate fold and inspect; the
 * figures are medians. Targets: ratio <= 1.5, peak RSS < 1.5 GB. `jsonFinalStateSeconds` is
 * the extra cost of the `--json` report's `finalState` object (built only when read).
 */
import { createWriteStream, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { commerce } from '../domain';
import { seededRandom } from '../src/engine/random';
import { formatInspection } from '../src/cli/inspectText';
import { inspectLog } from '../src/logs/inspectLog';
import { LineSplitter } from '../src/logs/framing/lineSplitter';
import { fileChunks } from '../src/logs/node/fileChunks';
import { logFileChunks } from '../src/logs/node/threadedFileChunks';
import { nodeSha256 } from '../src/logs/node/nodeHasher';

const EVENTS = 1_000_000;
const DATA_DIR = new URL('./.data/', import.meta.url).pathname;
/** The generated 1,000,000-event log (cached; bench/uiLog.ts opens it in the app too). */
export const LOG = `${DATA_DIR}commerce-1m-v3.jsonl`;
const ROUNDS = 5;

/**
 * Writes the log once: restocks, orders (placed + reserved), shipments and cancellations over
 * 200 skus, as a producer that leaves `stream` to the domain writes them (it is optional).
 */
export async function generate(path: string): Promise<void> {
  mkdirSync(DATA_DIR, { recursive: true });
  const temp = `${path}.tmp`;
  const out = createWriteStream(temp);
  const random = seededRandom(2026, 1);
  const open: { orderId: string; sku: string; qty: number }[] = [];
  let seq = 0;
  let orders = 0;
  let buffer = '';
  const emit = (type: string, data: object) => {
    seq++;
    buffer += `{"seq":${seq},"id":"e${seq}","type":"${type}","at":${seq * 3},"data":${JSON.stringify(data)}}\n`;
  };
  while (seq < EVENTS) {
    const roll = random.int(0, 99);
    const sku = `sku-${random.int(1, 200)}`;
    if (roll < 10 || seq === 0) emit('ItemRestocked', { sku, qty: random.int(10, 50), warehouse: 'main' });
    else if (roll < 55 || open.length === 0) {
      const orderId = `o-${++orders}`;
      const qty = random.int(1, 3);
      emit('OrderPlaced', { orderId, customerId: `u-${random.int(1, 5000)}`, sku, qty, warehouse: 'main' });
      emit('StockReserved', { sku, warehouse: 'main', qty, orderId });
      open.push({ orderId, sku, qty });
    } else {
      const order = open.splice(random.int(0, open.length - 1), 1)[0];
      if (roll < 92) emit('OrderShipped', { orderId: order.orderId });
      else {
        emit('OrderCancelled', { orderId: order.orderId });
        emit('StockReleased', { sku: order.sku, warehouse: 'main', qty: order.qty, orderId: order.orderId });
      }
    }
    if (buffer.length > 1 << 20 && !out.write(buffer)) await once(out, 'drain');
    if (buffer.length > 1 << 20) buffer = '';
  }
  out.end(buffer);
  await once(out, 'finish');
  renameSync(temp, path);
}

/** The baseline: read lines, JSON.parse, update a Map (by stream, else by the order or sku the event is about). */
async function bareFold(path: string): Promise<number> {
  const state = new Map<string, unknown>();
  const splitter = new LineSplitter((text: string) => {
    if (text.length === 0) return;
    const r = JSON.parse(text) as { stream?: string; id: string; data: { orderId?: string; sku?: string } };
    state.set(r.stream ?? r.data.orderId ?? r.data.sku ?? r.id, r.data);
  });
  for await (const chunk of fileChunks(path)) splitter.push(chunk);
  splitter.end();
  return state.size;
}

const seconds = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e9;
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round2 = (x: number) => Number(x.toFixed(2));

/** One `purestream inspect` of the log as the CLI does it (file decoded on a reader thread, native hasher, text report); its time and result. */
async function inspectOnce(path: string) {
  const t = process.hrtime.bigint();
  const result = await inspectLog(logFileChunks(path), { domain: commerce, source: 'commerce-1m.jsonl', hasher: nodeSha256 });
  if (!result.ok) throw new Error(`the bench log was refused: ${JSON.stringify(result.problems.slice(0, 3))}`);
  const text = formatInspection(result.report);
  return { seconds: seconds(t), report: result.report, text };
}

/** Runs the benchmark; returns its figures (times in s, sizes in MB). */
export default async function inspectBench(): Promise<Record<string, unknown>> {
  if (!existsSync(LOG)) await generate(LOG);
  const sizeMb = statSync(LOG).size / 1e6;
  // warm the file cache, and the JIT for both alike
  await bareFold(LOG);
  await inspectOnce(LOG);
  const folds: number[] = [];
  const inspects: number[] = [];
  let streams = 0;
  let last: Awaited<ReturnType<typeof inspectOnce>> | undefined;
  for (let i = 0; i < ROUNDS; i++) {
    const t = process.hrtime.bigint();
    streams = await bareFold(LOG);
    folds.push(seconds(t));
    last = undefined; // let the previous inspection's state go before the next one
    last = await inspectOnce(LOG);
    inspects.push(last.seconds);
  }
  const report = last!.report;
  const t = process.hrtime.bigint();
  const finalStreams = Object.keys(report.finalState!).length;
  const jsonFinalStateSeconds = seconds(t);
  const foldSeconds = median(folds);
  const inspectSeconds = median(inspects);
  const ratio = inspectSeconds / foldSeconds;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  return {
    name: 'inspect 1M-event log',
    events: report.events,
    sizeMb: Math.round(sizeMb),
    streams,
    finalStreams,
    rounds: ROUNDS,
    bareFoldSeconds: round2(foldSeconds),
    inspectSeconds: round2(inspectSeconds),
    bareFoldRounds: folds.map(round2),
    inspectRounds: inspects.map(round2),
    /** Each round's inspect over the fold just before it: how much the machine's speed drifted between rounds shows here. */
    roundRatios: inspects.map((t, i) => round2(t / folds[i])),
    ratio: round2(ratio),
    ratioTarget: 1.5,
    jsonFinalStateSeconds: round2(jsonFinalStateSeconds),
    peakRssMb: Math.round(peakRssMb),
    peakRssTargetMb: 1536,
    violations: report.violations.length,
    anomalies: report.anomalies.length,
    stateHash: report.stateHash,
    ok: ratio <= 1.5 && peakRssMb < 1536,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) console.log(JSON.stringify(await inspectBench(), null, 2));
