/**
 * Benchmark of `inspect` against DuckDB (issue 18): the 1,000,000-event commerce log (~130 MB of
 * JSON Lines, generated once and cached under bench/.data/) checked by both, each a whole
 * process, rounds alternating. Purestream runs `purestream inspect FILE --domain commerce --json`
 * (the build made ahead of time, the report to /dev/null); DuckDB (`@duckdb/node-api`, a dev
 * dependency for this bench only) runs bench/duckdbChecks.mjs on the same file: type counts,
 * duplicate ids, seq gaps and reversals, each stock stream's running sum and the streams that
 * went negative. Figures: seconds per round and their medians, each round's ratio and the ratio
 * of the medians (target <= 1.0, goal 0.6), and purestream's peak RSS (MB, from /usr/bin/time;
 * target < 1.5 GB). Without DuckDB, purestream's figures alone and a message saying so. For
 * scale, bench/jsChecks.mjs does DuckDB's checks alone in the least JavaScript can (one thread,
 * JSON.parse per line): its median and its ratio to DuckDB say how far any JavaScript reading is.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { seededRandom } from '../src/engine/random';


const EVENTS = 1_000_000;
const DATA_DIR = new URL('./.data/', import.meta.url).pathname;
/** The generated 1,000,000-event log (cached; bench/uiLog.ts opens it in the app too). */
export const LOG = `${DATA_DIR}commerce-1m-v3.jsonl`;
const ROUNDS = 5;
const BIN = fileURLToPath(new URL('../bin/purestream.mjs', import.meta.url));
const DUCKDB_CHECKS = fileURLToPath(new URL('./duckdbChecks.mjs', import.meta.url));
const JS_CHECKS = fileURLToPath(new URL('./jsChecks.mjs', import.meta.url));

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

interface Timed {
  readonly seconds: number;
  /** Peak resident set size in MB, when /usr/bin/time could measure it. */
  readonly peakMb?: number;
  readonly stdout: string;
}

const TIME = '/usr/bin/time';

/** Runs `node ARGS` as its own process (stdout to a file when given, else kept); wall time and peak RSS. */
function timed(args: readonly string[], stdoutFile?: string): Timed {
  const dir = mkdtempSync(join(tmpdir(), 'purestream-bench-'));
  try {
    const rss = join(dir, 'rss');
    const measured = existsSync(TIME);
    const command = measured ? [TIME, '-f', '%M', '-o', rss, process.execPath, ...args] : [process.execPath, ...args];
    const shell = `${command.map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ')}${stdoutFile ? ` > '${stdoutFile}'` : ''}`;
    const t = process.hrtime.bigint();
    const r = spawnSync('/bin/sh', ['-c', shell], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const seconds = Number(process.hrtime.bigint() - t) / 1e9;
    if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr.trim().split('\n').pop()}`);
    const peakKb = measured ? Number(readFileSync(rss, 'utf8').trim().split('\n').pop()) : NaN;
    return { seconds, stdout: r.stdout, ...(Number.isFinite(peakKb) ? { peakMb: Math.round(peakKb / 1024) } : {}) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round2 = (x: number) => Number(x.toFixed(2));

const inspectArgs = [BIN, 'inspect', LOG, '--domain', 'commerce', '--json'];
const duckdbAvailable = (): boolean => {
  try {
    createRequire(import.meta.url).resolve('@duckdb/node-api');
    return true;
  } catch {
    return false;
  }
};

/** What purestream's report says (one run's --json output). */
function reportFacts(file: string): { events: number; violations: number; violatingStreams: number; anomalies: number; stateHash: string } {
  const r = JSON.parse(readFileSync(file, 'utf8')) as { events: number; violations: { stream: string }[]; anomalies: unknown[]; stateHash: string };
  return { events: r.events, violations: r.violations.length, violatingStreams: new Set(r.violations.map((v) => v.stream)).size, anomalies: r.anomalies.length, stateHash: r.stateHash };
}

/** Runs the benchmark; returns its figures (times in s, sizes in MB). */
export default async function inspectBench(): Promise<Record<string, unknown>> {
  if (!existsSync(LOG)) await generate(LOG);
  const { buildCli } = await import('../scripts/buildCli.mjs');
  await buildCli();
  const sizeMb = Math.round(statSync(LOG).size / 1e6);
  const withDuckdb = duckdbAvailable();
  // warm the file cache (both alike); keep one report to say what it found
  const out = join(mkdtempSync(join(tmpdir(), 'purestream-bench-')), 'report.json');
  timed(inspectArgs, out);
  const found = reportFacts(out);
  rmSync(resolve(out, '..'), { recursive: true, force: true });
  const duckdbFound = withDuckdb ? (JSON.parse(timed([DUCKDB_CHECKS, LOG]).stdout) as { negativeStockStreams: number; duplicateIds: number }) : undefined;
  const inspects: Timed[] = [];
  const duckdbs: Timed[] = [];
  const plainJs: Timed[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    inspects.push(timed(inspectArgs, '/dev/null'));
    if (withDuckdb) duckdbs.push(timed([DUCKDB_CHECKS, LOG]));
    plainJs.push(timed([JS_CHECKS, LOG]));
  }
  const jsSeconds = median(plainJs.map((r) => r.seconds));
  const inspectSeconds = median(inspects.map((r) => r.seconds));
  const peaks = inspects.flatMap((r) => (r.peakMb === undefined ? [] : [r.peakMb]));
  const peakRssMb = peaks.length > 0 ? Math.max(...peaks) : undefined;
  const common = {
    name: 'inspect 1M-event log vs DuckDB',
    events: found.events,
    sizeMb,
    rounds: ROUNDS,
    inspectSeconds: round2(inspectSeconds),
    inspectRounds: inspects.map((r) => round2(r.seconds)),
    /** bench/jsChecks.mjs: DuckDB's checks alone, in plain JavaScript on one thread (for scale, not a contender). */
    plainJsChecksSeconds: round2(jsSeconds),
    peakRssMb, peakRssTargetMb: 1536, anomalies: found.anomalies, violations: found.violations, violatingStreams: found.violatingStreams, stateHash: found.stateHash };
  if (!withDuckdb) return { ...common, duckdb: 'skipped: @duckdb/node-api is not installed (npm install --include=dev)', ok: peakRssMb === undefined || peakRssMb < 1536 };
  const duckdbSeconds = median(duckdbs.map((r) => r.seconds));
  const ratio = inspectSeconds / duckdbSeconds;
  return {
    ...common,
    duckdbSeconds: round2(duckdbSeconds),
    duckdbRounds: duckdbs.map((r) => round2(r.seconds)),
    duckdbPeakRssMb: Math.max(...duckdbs.map((r) => r.peakMb ?? 0)) || undefined,
    /** DuckDB's count of stock streams whose running sum went below zero (every moment, not only the first per stream). */
    duckdbNegativeStockStreams: duckdbFound?.negativeStockStreams,
    /** Each round's inspect over DuckDB's run just after it: how much the machine drifted shows here. */
    roundRatios: inspects.map((r, i) => round2(r.seconds / duckdbs[i].seconds)),
    ratio: round2(ratio),
    /** The plain-JavaScript checks over DuckDB: the least any JavaScript reading of the file takes. */
    plainJsChecksRatio: round2(jsSeconds / duckdbSeconds),
    ratioTarget: 1.0,
    ratioGoal: 0.6,
    ok: ratio <= 1.0 && (peakRssMb === undefined || peakRssMb < 1536),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) console.log(JSON.stringify(await inspectBench(), null, 2));
