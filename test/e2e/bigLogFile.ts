/** A big valid log for the browser tests, generated into a temp file. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A valid commerce log of `n` events (restocks and orders over 50 skus), written to a temp file named `name`. */
export function bigLog(n: number, name = 'big-100k.jsonl'): string {
  const lines: string[] = [];
  for (let seq = 1; seq <= n; seq++) {
    const sku = `sku-${seq % 50}`;
    const data = seq % 3 === 1 ? { type: 'ItemRestocked', data: { sku, qty: 5, warehouse: 'main' } } : { type: 'OrderPlaced', data: { orderId: `o-${seq}`, customerId: `u-${seq % 700}`, sku, qty: 1, warehouse: 'main' } };
    lines.push(JSON.stringify({ seq, id: `e${seq}`, type: data.type, at: seq * 5, data: data.data }));
  }
  const path = join(mkdtempSync(join(tmpdir(), 'purestream-biglog-')), name);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}
