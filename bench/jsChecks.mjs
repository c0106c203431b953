// DuckDB's checks (bench/duckdbChecks.mjs) in the least JavaScript can do them: one thread, the
// file read whole, JSON.parse per line, a Map and a Set — type counts, duplicate ids, seq gaps and
// reversals, each stock stream's running sum and the streams that went negative. Nothing else
// purestream's inspection does (no profile, no payload schemas or checks, no replay of every
// aggregate, no report). It shows how close to DuckDB a JavaScript reading can get on one core.
// Usage: node bench/jsChecks.mjs FILE   (prints the figures as JSON, like duckdbChecks.mjs)
import { readFileSync } from 'node:fs';

const text = readFileSync(process.argv[2], 'utf8');
const types = new Map();
const ids = new Set();
const level = new Map();
const negative = new Set();
let duplicateIds = 0;
let gaps = 0;
let reversals = 0;
let previous;
for (let start = 0; start < text.length; ) {
  let end = text.indexOf('\n', start);
  if (end < 0) end = text.length;
  const line = text.slice(start, end);
  start = end + 1;
  if (line.trim() === '') continue;
  const e = JSON.parse(line);
  types.set(e.type, (types.get(e.type) ?? 0) + 1);
  if (ids.has(e.id)) duplicateIds++;
  else ids.add(e.id);
  if (previous !== undefined) {
    if (e.seq > previous + 1) gaps++;
    else if (e.seq <= previous) reversals++;
  }
  previous = e.seq;
  if (e.type === 'ItemRestocked' || e.type === 'StockReserved' || e.type === 'StockReleased') {
    const stream = `stock:${e.data.sku}@${e.data.warehouse}`;
    const now = (level.get(stream) ?? 0) + (e.type === 'StockReserved' ? -e.data.qty : e.data.qty);
    level.set(stream, now);
    if (now < 0) negative.add(stream);
  }
}
console.log(JSON.stringify({ types: Object.fromEntries([...types].sort()), duplicateIds, gaps, reversals, negativeStockStreams: negative.size }));
