import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commerce } from '../../../domain';
import { inspectLog } from '../../../src/logs/inspectLog';
import { LOG_FORMATS } from '../../../src/logs/types';

const good = [
  '{"format":"purestream/events@1","domain":"commerce"}',
  '{"seq":1,"id":"e1","type":"ItemRestocked","at":0,"data":{"sku":"tee","qty":2,"warehouse":"main"}}',
  '{"seq":2,"id":"c1.1","type":"OrderPlaced","at":"2026-01-01T00:00:00Z","data":{"orderId":"o1","customerId":"u","sku":"tee","qty":3,"warehouse":"main"},"causationId":"c1"}',
  '{"kind":"command","id":"c1","type":"PlaceOrder","at":0,"data":{"orderId":"o1","customerId":"u","sku":"tee","qty":3,"warehouse":"main"}}',
  '{"kind":"rejection","commandId":"c1","code":"out-of-stock","at":1}',
  '{"specversion":"1.0","id":"x","source":"/a","type":"a.b.OrderShipped","data":{"orderId":"o1"}}',
  '{"specversion":"1.0","id":"y","source":"/a","type":"ItemRestocked","data_base64":"eyJza3UiOiJhIiwicXR5IjoxLCJ3YXJlaG91c2UiOiJ3In0="}',
];

/** Lines that are valid records, mutations of them (cut, doubled, bytes flipped), or noise. */
const line = fc.oneof(
  fc.constantFrom(...good),
  fc.tuple(fc.constantFrom(...good), fc.nat(), fc.nat()).map(([l, a, b]) => l.slice(0, a % l.length) + l.slice(b % l.length)),
  fc.tuple(fc.constantFrom(...good), fc.nat(), fc.string({ maxLength: 3 })).map(([l, a, s]) => l.slice(0, a % l.length) + s + l.slice(a % l.length)),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.string(),
);

const inspectText = (chunks: string[], format: (typeof LOG_FORMATS)[number], skipInvalid: boolean) =>
  inspectLog(chunks, { domain: commerce, source: 'fuzz', format, skipInvalid, history: true });

/** A result is clean (a report) or clear (problems with a line and a message). */
const expectCleanOrClear = (r: Awaited<ReturnType<typeof inspectText>>, lineCount: number) => {
  if (r.ok) {
    expect(r.report.stateHash).toMatch(/^[0-9a-f]{64}$/);
    for (const a of r.report.anomalies) expect(a.record).toBeGreaterThanOrEqual(1);
    for (const a of r.report.anomalies) expect(a.line).toBeGreaterThanOrEqual(1);
    return;
  }
  expect(r.problems.length).toBeGreaterThan(0);
  for (const p of r.problems) {
    expect(p.line).toBeGreaterThanOrEqual(1);
    expect(p.line).toBeLessThanOrEqual(lineCount + 1);
    expect(p.message.length).toBeGreaterThan(0);
  }
};

describe('log readers under fuzzing', () => {
  it('arbitrary lines of records, broken records and noise end in a report or clear problems', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 30 }), fc.constantFrom(...LOG_FORMATS), fc.boolean(), fc.nat(), async (lines, format, skip, cutAt) => {
        const text = lines.join('\n');
        const at = text.length === 0 ? 0 : cutAt % text.length;
        expectCleanOrClear(await inspectText([text.slice(0, at), text.slice(at)], format, skip), text.split('\n').length);
      }),
      { seed: 42, numRuns: 2000 },
    );
  });

  it('arbitrary bytes (decoded as UTF-8) never crash or hang', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), fc.constantFrom(...LOG_FORMATS), fc.boolean(), async (bytes, format, skip) => {
        const text = new TextDecoder().decode(bytes);
        expectCleanOrClear(await inspectText([text], format, skip), text.split('\n').length);
      }),
      { seed: 1234, numRuns: 2000 },
    );
  });

  it('arbitrary JSON arrays of records and values never crash', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.constantFrom(...good.map((g) => JSON.parse(g))), fc.jsonValue()), { maxLength: 20 }), fc.boolean(), async (values, skip) => {
        const text = JSON.stringify(values, null, 1);
        expectCleanOrClear(await inspectText([text], 'auto', skip), text.split('\n').length);
      }),
      { seed: 99, numRuns: 1000 },
    );
  });
});
