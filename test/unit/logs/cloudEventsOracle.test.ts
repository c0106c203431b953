/**
 * The cloudevents profile checks records without the SDK (no transports in the app's bundle);
 * the official SDK's own validation is the oracle: on generated events they agree, except where
 * logs.md reads more leniently on purpose (a `dataschema` that is not an absolute URI, as Azure
 * Event Grid writes "#"), and where the SDK makes up what is missing (an empty or absent `id`
 * becomes a fresh UUID there; here it is a malformed record).
 */
import { CloudEvent } from 'cloudevents';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cloudEventProblem } from '../../../src/logs/profiles/cloudevents';

const sdkAccepts = (event: Record<string, unknown>): boolean => {
  try {
    return new CloudEvent(event, false).validate();
  } catch {
    return false;
  }
};

const text = fc.oneof(fc.constantFrom('', 'a', 'com.example.x', '/orders', 'urn:x:1', 'https://a.example/p?q=1', 'has space', 'tab\there', '<bad>'), fc.string({ maxLength: 8 }));
const time = fc.oneof(fc.constantFrom('2026-01-01T00:00:00Z', '2026-01-01T00:00:00.123456789+01:00', '2016-12-31T23:59:60Z', 'yesterday', '2026-13-01T00:00:00Z', '2026-02-30T00:00:00Z'), fc.date({ noInvalidDate: true }).map((d) => d.toISOString()));
const event = fc.record(
  {
    id: text.filter((t) => t !== ''),
    source: text,
    type: text,
    subject: fc.oneof(text, fc.constant(null)),
    datacontenttype: fc.oneof(fc.constantFrom('application/json', 'text/plain', ''), fc.constant(null)),
    time,
    data: fc.jsonValue({ maxDepth: 2 }),
    extension: fc.tuple(fc.constantFrom('traceparent', 'sequence', 'Bad', 'with-dash', 'x1'), fc.oneof(fc.string({ maxLength: 4 }), fc.integer(), fc.boolean())),
  },
  { requiredKeys: ['id', 'source', 'type', 'extension'] },
).map(({ extension, ...e }) => ({ specversion: '1.0', ...e, [extension[0]]: extension[1] }) as Record<string, unknown>);

describe('CloudEvents validation agrees with the official SDK', () => {
  it('accepts and refuses the same generated events', () => {
    fc.assert(
      fc.property(event, (e) => {
        expect(cloudEventProblem(e) === undefined, JSON.stringify(e)).toBe(sdkAccepts(e));
      }),
      { seed: 2026, numRuns: 3000 },
    );
  });

  it('reads more leniently only where logs.md says', () => {
    const base = { specversion: '1.0', id: '1', source: '/s', type: 't' };
    expect(sdkAccepts({ ...base, dataschema: '#' })).toBe(false);
    expect(cloudEventProblem({ ...base, dataschema: '#' })).toBeUndefined();
    expect(sdkAccepts({ ...base, id: '' })).toBe(true);
    expect(cloudEventProblem({ ...base, id: '' })).toBe('id: expected a non-empty string, got ""');
  });
});
