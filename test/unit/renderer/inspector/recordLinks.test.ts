/** Where a stored record leads: its cause and what it caused (a copy of the on-call trial's Marten export; Message DB's addresses). */
import { readFileSync } from 'node:fs';
import initSqlJs from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { importRecords } from '../../../../renderer/lib/inspector/importRecords';
import { DatabaseLogs } from '../../../../renderer/lib/inspector/logStore';
import { recordDetail } from '../../../../renderer/lib/inspector/recordDetail';
import { MAX_CAUSED, recordLinks } from '../../../../renderer/lib/inspector/recordLinks';
import { createWorkspace } from '../../../../src/store/workspace';

let sqlJs: Awaited<ReturnType<typeof initSqlJs>>;
beforeAll(async () => {
  sqlJs = await initSqlJs();
});
const fixture = (path: string) => readFileSync(new URL(`../../../fixtures/${path}`, import.meta.url), 'utf8');

async function stored(text: string) {
  const db = createWorkspace(sqlJs);
  const { logId } = await importRecords(new DatabaseLogs(db), [text], { name: 'log', source: 'log' });
  return { db, logId };
}

describe('recordLinks', () => {
  it("links a payment to the authorization that caused it, and the authorization to both captures; an HTTP request's id is no record", async () => {
    const { db, logId } = await stored(fixture('logs/oncall/marten-incident.jsonl'));
    // line 22: the second capture (x-retry: 1) of the order's authorization, line 20
    expect(recordLinks(db, logId, 22)).toEqual({ cause: { seq: 20, type: 'payment_authorized', stream: '6d7675c8-25bf-7797-88e2-0220836f5825' }, caused: [], causedCount: 0 });
    expect(recordLinks(db, logId, 20)?.caused.map((r) => r.seq)).toEqual([21, 22]);
    // the order was caused by a request kept elsewhere; it caused the stock reservation and the authorization
    const order = recordLinks(db, logId, 17)!;
    expect(order.causeMissing).toBe(true);
    expect(order.cause).toBeUndefined();
    expect(order.caused.map((r) => [r.seq, r.type])).toEqual([[18, 'stock_reserved'], [20, 'payment_authorized']]);
    // a root names no cause
    expect(recordLinks(db, logId, 2)).toEqual({ caused: [], causedCount: 0 });
    expect(recordLinks(db, logId, 999)).toBeUndefined();
  });

  it('lists the first MAX_CAUSED of what a record caused and counts the rest', async () => {
    const lines = [JSON.stringify({ id: 'cmd', type: 'Started', stream: 's' }), ...Array.from({ length: MAX_CAUSED + 5 }, (_, i) => JSON.stringify({ id: `e${i}`, type: 'Happened', stream: 's', causationId: 'cmd' }))];
    const { db, logId } = await stored(lines.join('\n'));
    const links = recordLinks(db, logId, 1)!;
    expect(links.caused).toHaveLength(MAX_CAUSED);
    expect(links.causedCount).toBe(MAX_CAUSED + 5);
  });

  it("follows a Message DB record's causation address, <stream>/<position>, both ways", async () => {
    const { db, logId } = await stored(fixture('logs/profiles/message-db-messages.jsonl'));
    // record 2, Deposited, was caused by account:command-123/0, the Deposit command (record 1)
    expect(recordLinks(db, logId, 2, true)?.cause?.seq).toBe(1);
    expect(recordLinks(db, logId, 1, true)?.caused.map((r) => r.seq)).toContain(2);
    expect(recordLinks(db, logId, 2, false)?.causeMissing).toBe(true);
  });
});

describe('recordDetail: metadata', () => {
  it('gives the metadata the profile read (Marten headers), which the file shows only in its text', async () => {
    const { db, logId } = await stored(fixture('logs/oncall/marten-incident.jsonl'));
    expect(recordDetail(db, logId, 22, undefined)?.metadata).toEqual({ 'user-id': 'svc-payments', 'x-retry': '1', 'webhook-id': 'wh_809d2d4c5a', traceparent: '00-38538f732129aee0e4dfa8e9c36c6458-45e5c4fc0581075a-01' });
    const plain = await stored(JSON.stringify({ id: 'e1', type: 'Happened', stream: 's', data: {} }));
    expect(recordDetail(plain.db, plain.logId, 1, undefined)).not.toHaveProperty('metadata');
  });
});
