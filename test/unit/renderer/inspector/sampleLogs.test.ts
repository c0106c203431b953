/** A stored log is the bundled sample only when it was kept as the sample (opened from the samples menu), never by its name alone. */
import { describe, expect, it } from 'vitest';
import { shippedSamplePath } from '../../../../renderer/lib/inspector/sampleLogs';

const samples = [{ file: 'flash-sale-oversell.cloudevents.json' }];

describe('shippedSamplePath', () => {
  it('names a log kept as a bundled sample by its path from the checkout', () => {
    expect(shippedSamplePath('samples/logs/flash-sale-oversell.cloudevents.json', samples)).toBe('samples/logs/flash-sale-oversell.cloudevents.json');
  });

  it('leaves a file of the user\'s named as a sample a file (the workspace keeps its bare name), and a sample the app does not ship', () => {
    expect(shippedSamplePath('flash-sale-oversell.cloudevents.json', samples)).toBeUndefined();
    expect(shippedSamplePath('samples/logs/gone.json', samples)).toBeUndefined();
    expect(shippedSamplePath('nats://host:4222/ORDERS', samples)).toBeUndefined();
    expect(shippedSamplePath(undefined, samples)).toBeUndefined();
  });
});
