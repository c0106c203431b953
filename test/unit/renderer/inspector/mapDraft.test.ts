/**
 * The mapping dialog's draft: the map it stands for, or the problem the banner shows (and that
 * keeps Apply off) — the same check the inspection makes, a chosen domain's event types included.
 */
import { describe, expect, it } from 'vitest';
import { bundledDomain } from '../../../../src/engine/module/bundled';
import { draftOf, mapOf } from '../../../../renderer/src/views/inspector/mapDraft';

const commerce = bundledDomain('commerce')!;
const withRenames = (types: string) => ({ ...draftOf(undefined), types });

describe('mapOf', () => {
  it('a rename to a type the chosen domain lacks is a problem, like a line without "="', () => {
    const odd = mapOf(withRenames('<img src=x onerror=alert(1)> = ../../etc/passwd'), commerce);
    expect(odd).toEqual({ problem: expect.stringContaining('"../../etc/passwd" is not an event type of commerce; commerce\'s event types: ItemRestocked,') });
    expect(mapOf(withRenames('no equals sign'), commerce)).toEqual({ problem: 'type renames, line 1: write "their type = our type"' });
  });

  it("a rename to one of the domain's event types is a map; without a domain any name is", () => {
    expect(mapOf(withRenames('com.acme.orders.v2.order.placed = OrderPlaced'), commerce)).toEqual({ map: { format: 'purestream/map@1', types: { 'com.acme.orders.v2.order.placed': 'OrderPlaced' } } });
    expect(mapOf(withRenames('a = ../../etc/passwd'))).toEqual({ map: { format: 'purestream/map@1', types: { a: '../../etc/passwd' } } });
  });

  it('a payload mapping for a type the domain lacks is a problem', () => {
    expect(mapOf({ ...draftOf(undefined), data: '{"Nope":{"x":"/x"}}' }, commerce)).toEqual({ problem: expect.stringContaining('data."Nope": not an event type of commerce') });
  });
});

describe('dense stream positions', () => {
  it('a map saying revisions are dense from 1 is drafted and built back the same (trial A M4)', () => {
    const map = { format: 'purestream/map@1', fields: { streamPosition: '/meta/version' }, dense: { streamPosition: 1 } };
    const draft = draftOf(map);
    expect(draft.denseFrom).toBe('1');
    expect(mapOf(draft)).toEqual({ map });
    expect(draftOf(undefined).denseFrom).toBe('');
    expect(mapOf({ ...draftOf(undefined), denseFrom: '0' })).toEqual({ map: { format: 'purestream/map@1', dense: { streamPosition: 0 } } });
  });
});
