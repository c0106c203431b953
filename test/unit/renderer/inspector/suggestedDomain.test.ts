/** The Logs view's "Replay with X": the domain a log names by its header or its CloudEvents source, offered while none is chosen. */
import { describe, expect, it } from 'vitest';
import { suggestedDomain } from '../../../../renderer/lib/inspector/suggestedDomain';

const bundled = ['bank', 'commerce', 'library'];
const none = { domain: null };

describe('suggestedDomain', () => {
  it("offers the domain a header names, saying so", () => {
    expect(suggestedDomain({ ...none, headerDomain: 'commerce' }, undefined, bundled, [])).toEqual({ domain: 'commerce', reason: "named by the log's header" });
  });

  it("offers the domain a CloudEvents source /purestream/<id> names, saying so", () => {
    expect(suggestedDomain({ ...none, sourceDomain: 'commerce' }, undefined, bundled, [])).toEqual({ domain: 'commerce', reason: "named by the log's CloudEvents source" });
  });

  it('offers the open module of that id by its file name', () => {
    const modules = [{ name: 'other.ts', id: 'other' }, { name: 'shop.ts', id: 'my-shop' }];
    expect(suggestedDomain({ ...none, sourceDomain: 'my-shop' }, undefined, bundled, modules)).toEqual({ domain: 'shop.ts', reason: "named by the log's CloudEvents source" });
  });

  it('offers the first of several open modules of that id, saying which it is and which others have the id', () => {
    const modules = [{ name: 'other.ts', id: 'other' }, { name: 'shop.ts', id: 'my-shop' }, { name: 'shop2.ts', id: 'my-shop' }];
    expect(suggestedDomain({ ...none, headerDomain: 'my-shop' }, undefined, bundled, modules)).toEqual({
      domain: 'shop.ts',
      reason: "named by the log's header",
      notice: '2 open modules have the id "my-shop" (shop.ts, shop2.ts): shop.ts, the first on the Domains view, is used (close it there to use shop2.ts)',
    });
  });

  it('offers nothing for an id neither bundled nor open', () => {
    expect(suggestedDomain({ ...none, sourceDomain: 'unknown' }, undefined, bundled, [{ name: 'shop.ts', id: 'my-shop' }])).toBeUndefined();
    expect(suggestedDomain({ ...none, headerDomain: 'unknown' }, undefined, bundled, [])).toBeUndefined();
  });

  it('offers nothing once a domain is chosen or the log was read with one, nor without a report', () => {
    expect(suggestedDomain({ ...none, sourceDomain: 'commerce' }, 'bank', bundled, [])).toBeUndefined();
    expect(suggestedDomain({ domain: 'commerce', sourceDomain: 'commerce' }, undefined, bundled, [])).toBeUndefined();
    expect(suggestedDomain({ ...none }, undefined, bundled, [])).toBeUndefined();
    expect(suggestedDomain(undefined, undefined, bundled, [])).toBeUndefined();
  });

  it("prefers the header's domain to the source's (a report carries one at most, but the header is the stronger word)", () => {
    expect(suggestedDomain({ ...none, headerDomain: 'bank', sourceDomain: 'commerce' }, undefined, bundled, [])).toEqual({ domain: 'bank', reason: "named by the log's header" });
  });
});
