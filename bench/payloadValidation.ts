/**
 * The one payload validator (src/engine/module/payloadSchema.ts: @cfworker/json-schema, which
 * interprets schemas and so runs under the app's CSP) on 1,000,000 `OrderPlaced` payloads, next
 * to ajv's compiled validator for scale (ajv generates code at run time — `new Function` — which
 * the CSP forbids in the page and its workers; precompiled ahead of time it cannot cover a module
 * loaded while the app runs). Times in ns per payload.
 */
import Ajv from 'ajv';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundledDomain } from '../src/engine/module/bundled';

export const name = 'payloadValidation';

const N = 1_000_000;

/** Runs the benchmark. */
export function run(): Record<string, unknown> {
  const commerce = bundledDomain('commerce')!;
  const schema = commerce.eventSchemas.OrderPlaced;
  const payloads = Array.from({ length: N }, (_, i) => ({ orderId: `o-${i}`, customerId: `u-${i % 5000}`, sku: `sku-${i % 200}`, qty: 1 + (i % 3), warehouse: 'main' }));
  const time = (test: (v: unknown) => boolean) => {
    const t = performance.now();
    let valid = 0;
    for (const p of payloads) if (test(p)) valid++;
    if (valid !== N) throw new Error('a valid payload was refused');
    return Math.round(((performance.now() - t) * 1e6) / N);
  };
  const check = commerce.eventCheck('OrderPlaced')!;
  const compiled = new Ajv().compile(JSON.parse(JSON.stringify(schema)));
  time((v) => check.test(v)); // warm up both
  time((v) => compiled(v) as boolean);
  return { payloads: N, cfworkerNsPerPayload: time((v) => check.test(v)), ajvCompiledNsPerPayload: time((v) => compiled(v) as boolean) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) console.log(JSON.stringify(run(), null, 2));
