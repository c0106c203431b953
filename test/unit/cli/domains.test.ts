import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { main } from '../../../src/cli/main';

const capture = async (argv: string[]) => {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t), errIsTTY: false, cwd: process.cwd() });
  return { code, out, err };
};

describe('purestream domains', () => {
  it('lists both domains with every command and event type of the spec (--json)', async () => {
    const { code, out } = await capture(['domains', '--json']);
    expect(code).toBe(0);
    const doc = JSON.parse(out);
    const byId = Object.fromEntries(doc.domains.map((d: { id: string }) => [d.id, d]));
    const types = (d: { commands: { type: string }[]; events: { type: string }[] }) => [d.commands.map((c) => c.type), d.events.map((e) => e.type)];
    expect(types(byId.commerce)).toEqual([
      ['RestockItem', 'PlaceOrder', 'CancelOrder', 'ShipOrder'],
      ['ItemRestocked', 'OrderPlaced', 'StockReserved', 'OrderCancelled', 'StockReleased', 'OrderShipped'],
    ]);
    expect(types(byId.profiles)).toEqual([
      ['AddProfile', 'UpdateProfile', 'AddGalleryImage', 'RemoveGalleryImage'],
      ['ProfileAdded', 'ProfileUpdated', 'GalleryImageAdded', 'GalleryImageRemoved'],
    ]);
    const placeOrder = byId.commerce.commands.find((c: { type: string }) => c.type === 'PlaceOrder');
    expect(placeOrder.fields.map((f: { name: string; optional: boolean }) => `${f.name}${f.optional ? '?' : ''}`)).toEqual(['orderId', 'customerId', 'sku', 'qty', 'warehouse?']);
  });
  it('prints a readable list without --json', async () => {
    const { out } = await capture(['domains']);
    expect(out).toContain('PlaceOrder { orderId, customerId, sku, qty, warehouse? }');
    expect(out).toContain('AddProfile { profileId, userId, title, bio, name { first, last } }');
  });
  it('answers --help and refuses unknown commands and options with exit 2', async () => {
    expect((await capture(['--help'])).out).toContain('purestream run <scenario.json>');
    expect((await capture(['frobnicate'])).code).toBe(2);
    expect((await capture(['domains', '--yaml'])).code).toBe(2);
  });
  it('runs as `npx purestream` without a build step', () => {
    const out = execFileSync(process.execPath, ['bin/purestream.mjs', 'domains', '--json'], { encoding: 'utf8' });
    expect(JSON.parse(out).domains).toHaveLength(2);
  });
});
