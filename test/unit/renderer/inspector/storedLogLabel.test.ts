/** The Logs view's list of stored logs says what each inspection read, in one sense for every log (events read, records not understood). */
import { describe, expect, it } from 'vitest';
import { storedLogLabel } from '../../../../renderer/lib/inspector/storedLogLabel';

describe('storedLogLabel', () => {
  it('anomalies.jsonl (a header, 8 events, a line that is not JSON, 10 records stored): "8 events · 1 malformed"', () => {
    expect(storedLogLabel(10, { events: 8, commands: 0, malformed: 1, more: false })).toBe('8 events · 1 malformed');
  });

  it('broken.json (nothing stored, one unclosed record): "0 events · 1 malformed", not "0 records"', () => {
    expect(storedLogLabel(0, { events: 0, commands: 0, malformed: 1, more: false })).toBe('0 events · 1 malformed');
  });

  it('commands counted beside events; a cut anomaly list says there may be more; no inspection kept: the records stored', () => {
    expect(storedLogLabel(5, { events: 1, commands: 2, malformed: 0, more: false })).toBe('1 event · 2 commands');
    expect(storedLogLabel(20_000, { events: 9_000, commands: 0, malformed: 10_000, more: true })).toBe('9,000 events · 10,000+ malformed');
    expect(storedLogLabel(3, undefined)).toBe('3 records stored');
  });
});
