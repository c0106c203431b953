// The checks `purestream inspect --domain commerce` makes, done by DuckDB on the same JSON Lines
// file, as a developer would: type counts, duplicate ids, seq gaps and reversals, and each stock
// stream's running sum with the streams that went negative. Prints the figures as JSON.
// Usage: node bench/duckdbChecks.mjs FILE
import { DuckDBInstance } from '@duckdb/node-api';

const file = process.argv[2];
const db = await DuckDBInstance.create(':memory:');
const c = await db.connect();
const one = async (sql) => (await c.runAndReadAll(sql)).getRowObjectsJS();
await c.run(`CREATE TABLE e AS SELECT row_number() OVER () AS n, * FROM read_json('${file.replace(/'/g, "''")}', format = 'newline_delimited', columns = { "seq": 'BIGINT', "id": 'VARCHAR', "type": 'VARCHAR', "at": 'BIGINT', "data": 'JSON' })`);
const types = await one('SELECT type, count(*) AS n FROM e GROUP BY type ORDER BY type');
const duplicates = await one('SELECT count(*) AS n FROM (SELECT id FROM e GROUP BY id HAVING count(*) > 1)');
const order = await one('SELECT count(*) FILTER (WHERE seq > prev + 1) AS gaps, count(*) FILTER (WHERE seq <= prev) AS reversals FROM (SELECT seq, lag(seq) OVER (ORDER BY n) AS prev FROM e)');
const negative = await one(`
  WITH moves AS (
    SELECT n, 'stock:' || (data->>'sku') || '@' || (data->>'warehouse') AS stream,
      CASE type WHEN 'StockReserved' THEN -CAST(data->>'qty' AS INTEGER) ELSE CAST(data->>'qty' AS INTEGER) END AS delta
    FROM e WHERE type IN ('ItemRestocked', 'StockReserved', 'StockReleased')
  ), running AS (SELECT stream, sum(delta) OVER (PARTITION BY stream ORDER BY n) AS level FROM moves)
  SELECT count(DISTINCT stream) AS streams FROM running WHERE level < 0`);
console.log(JSON.stringify({ types: Object.fromEntries(types.map((t) => [t.type, Number(t.n)])), duplicateIds: Number(duplicates[0].n), gaps: Number(order[0].gaps), reversals: Number(order[0].reversals), negativeStockStreams: Number(negative[0].streams) }));
