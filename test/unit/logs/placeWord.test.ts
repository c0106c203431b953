import { describe, expect, it } from 'vitest';
import { placer } from '../../../src/logs/placeWord';

describe('placer: a record named by its place as the command line and the Logs view both name it', () => {
  it("a file's records are on lines, whatever positions they carry", () => {
    const place = placer({ framing: 'lines', fieldsUsed: { globalPosition: '/seq' } });
    expect(place.word).toBe('line');
    expect(place.one({ line: 12, globalPosition: '83' })).toBe('line 12');
    expect(place.many([{ line: 3 }, { line: 4 }])).toBe('lines 3, 4');
    expect(place.value({ line: 12, globalPosition: '83' })).toBe('12');
  });

  it("a JetStream read names its messages by their stream sequence, not by their number in the read", () => {
    const place = placer({ framing: 'messages', fieldsUsed: { globalPosition: '/seq' } });
    expect(place.word).toBe('sequence');
    expect(place.one({ line: 1, globalPosition: '21' })).toBe('sequence 21');
    expect(place.value({ line: 1, globalPosition: '21' })).toBe('21');
    expect(place.items([{ line: 1, globalPosition: '21' }, { line: 2, globalPosition: '22' }])).toEqual({ word: 'sequence', items: ['21', '22'] });
    // a message read without a sequence has no place under that name
    expect(place.value({ line: 5 })).toBeUndefined();
    expect(place.one({ line: 5 })).toBe('message 5');
  });

  it("a Kafka offset names its partition; a store's global position its column", () => {
    const kafka = placer({ framing: 'messages', fieldsUsed: { globalPosition: '/offset' } });
    expect(kafka.word).toBe('offset');
    expect(kafka.one({ line: 3, globalPosition: '41', source: 'orders-0' })).toBe('offset 41 of orders-0');
    expect(kafka.value({ line: 3, globalPosition: '41', source: 'orders-0' })).toBe('41 of orders-0');
    const emmett = placer({ framing: 'rows', fieldsUsed: { globalPosition: '/global_position' } });
    expect(emmett.word).toBe('global_position');
    expect(emmett.many([{ line: 1, globalPosition: '44' }, { line: 2, globalPosition: '45' }])).toBe('global_position 44, 45');
  });

  it('a live source read without a global position names its records by their number in the read', () => {
    const place = placer({ framing: 'rows', fieldsUsed: { globalPosition: null } });
    expect(place.word).toBe('row');
    expect(place.one({ line: 7 })).toBe('row 7');
    expect(place.value({ line: 7 })).toBe('7');
    expect(place.items([{ line: 7 }, { line: 8 }])).toEqual({ word: 'rows', items: ['7', '8'] });
  });
});
