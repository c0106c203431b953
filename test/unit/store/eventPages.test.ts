import { beforeAll, describe, expect, it } from 'vitest';
import type { SqlJsStatic } from 'sql.js';
import { countEvents, pageEvents, seekSeq, seqAtIndex } from '../../../src/store/eventPages';
import { appendEvents, deleteLog, importLog, listLogs } from '../../../src/store/logs';
import { createWorkspace, type Workspace } from '../../../src/store/workspace';
import { loadSqlJs, syntheticEvents } from './fixtures';

let sqlJs: SqlJsStatic;
let db: Workspace;
let logId: number;
let otherLog: number;
beforeAll(async () => {
  sqlJs = await loadSqlJs();
  db = createWorkspace(sqlJs);
  logId = importLog(db, { name: 'a', source: 'a.jsonl', imported: 0 }, syntheticEvents(100));
  otherLog = importLog(db, { name: 'b', source: 'b.jsonl', imported: 0 }, syntheticEvents(7));
});

const seqs = (page: { events: readonly { seq: number }[] }) => page.events.map((e) => e.seq);

describe('paging through a stored log', () => {
  it('pages forward from the start with keyset queries', () => {
    const first = pageEvents(db, logId, { limit: 10 });
    expect(seqs(first)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(first).toMatchObject({ hasPrevious: false, hasNext: true });
    const second = pageEvents(db, logId, { afterSeq: 10, limit: 10 });
    expect(seqs(second)).toEqual([11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    expect(second).toMatchObject({ hasPrevious: true, hasNext: true });
    const last = pageEvents(db, logId, { afterSeq: 95, limit: 10 });
    expect(seqs(last)).toEqual([96, 97, 98, 99, 100]);
    expect(last).toMatchObject({ hasPrevious: true, hasNext: false });
    expect(pageEvents(db, logId, { afterSeq: 90, limit: 10 })).toMatchObject({ hasNext: false });
  });

  it('pages backward, returning the events before a seq in seq order', () => {
    const page = pageEvents(db, logId, { beforeSeq: 11, limit: 4 });
    expect(seqs(page)).toEqual([7, 8, 9, 10]);
    expect(page).toMatchObject({ hasPrevious: true, hasNext: true });
    const start = pageEvents(db, logId, { beforeSeq: 4, limit: 10 });
    expect(seqs(start)).toEqual([1, 2, 3]);
    expect(start).toMatchObject({ hasPrevious: false, hasNext: true });
    expect(seqs(pageEvents(db, logId, { beforeSeq: 101, limit: 2 }))).toEqual([99, 100]);
  });

  it('pages a seq range when both bounds are given', () => {
    const page = pageEvents(db, logId, { afterSeq: 10, beforeSeq: 14, limit: 10 });
    expect(seqs(page)).toEqual([11, 12, 13]);
    expect(page).toMatchObject({ hasPrevious: true, hasNext: true });
  });

  it('filters by type, stream and text, in both directions', () => {
    expect(seqs(pageEvents(db, logId, { type: 'OrderPlaced', limit: 4 }))).toEqual([2, 5, 8, 11]);
    expect(seqs(pageEvents(db, logId, { type: 'OrderPlaced', afterSeq: 11, limit: 3 }))).toEqual([14, 17, 20]);
    expect(seqs(pageEvents(db, logId, { type: 'OrderPlaced', beforeSeq: 14, limit: 2 }))).toEqual([8, 11]);
    expect(seqs(pageEvents(db, logId, { stream: 's0', limit: 5 }))).toEqual([5, 10, 15, 20, 25]);
    expect(seqs(pageEvents(db, logId, { stream: 's0', type: 'ItemRestocked', limit: 5 }))).toEqual([10, 25, 40, 55, 70]);
    expect(seqs(pageEvents(db, logId, { text: 'TEE', limit: 20 }))).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    expect(seqs(pageEvents(db, logId, { text: 'c4', limit: 20 }))).toEqual([4, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49]);
    const filtered = pageEvents(db, logId, { text: 'tee', afterSeq: 80, limit: 5 });
    expect(seqs(filtered)).toEqual([90, 100]);
    expect(filtered).toMatchObject({ hasPrevious: true, hasNext: false });
  });

  it('treats % and _ in the text filter literally', () => {
    expect(pageEvents(db, logId, { text: '%', limit: 5 }).events).toEqual([]);
    expect(pageEvents(db, logId, { text: 'c_', limit: 5 }).events).toEqual([]);
  });

  it('keeps logs apart', () => {
    expect(seqs(pageEvents(db, otherLog, { limit: 100 }))).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(countEvents(db, otherLog)).toBe(7);
  });

  it('counts matching events', () => {
    expect(countEvents(db, logId)).toBe(100);
    expect(countEvents(db, logId, { type: 'OrderShipped' })).toBe(33);
    expect(countEvents(db, logId, { stream: 's1' })).toBe(20);
    expect(countEvents(db, logId, { text: 'tee' })).toBe(10);
    expect(countEvents(db, logId, { type: 'Nope' })).toBe(0);
  });

  it('seeks a seq: the first match at or after it and its index among matches', () => {
    expect(seekSeq(db, logId, 50)).toEqual({ index: 49, seq: 50 });
    expect(seekSeq(db, logId, 50, { type: 'OrderPlaced' })).toEqual({ index: 16, seq: 50 });
    expect(seekSeq(db, logId, 51, { type: 'OrderPlaced' })).toEqual({ index: 17, seq: 53 });
    expect(seekSeq(db, logId, 1000)).toEqual({ index: 100, seq: undefined });
    expect(seqAtIndex(db, logId, 0)).toBe(1);
    expect(seqAtIndex(db, logId, 16, { type: 'OrderPlaced' })).toBe(50);
    expect(seqAtIndex(db, logId, 100)).toBeUndefined();
  });

  it('refuses a bad page size', () => {
    expect(() => pageEvents(db, logId, { limit: 0 })).toThrow('page limit must be a whole number >= 1, got 0');
  });
});

describe('importing logs', () => {
  it('appends to a log and keeps its count', () => {
    const ws = createWorkspace(sqlJs);
    const id = importLog(ws, { name: 'x', source: 'x', imported: 1 }, syntheticEvents(3));
    const more = [...syntheticEvents(5)].slice(3);
    expect(appendEvents(ws, id, more)).toBe(2);
    expect(listLogs(ws)[0].events).toBe(5);
    expect(() => appendEvents(ws, 99, more)).toThrow('no log 99 in this workspace');
  });

  it('refuses a repeated seq and imports nothing of that batch', () => {
    const ws = createWorkspace(sqlJs);
    const events = [...syntheticEvents(3), { ...[...syntheticEvents(2)][1], id: 'again' }];
    expect(() => importLog(ws, { name: 'x', source: 'x', imported: 1 }, events)).toThrow('event again: seq 2 is already in log 1 (seq must be unique per log)');
    expect(listLogs(ws)).toEqual([]);
    expect(countEvents(ws, 1)).toBe(0);
  });

  it('deletes a log with its events', () => {
    const ws = createWorkspace(sqlJs);
    const a = importLog(ws, { name: 'a', source: 'a', imported: 1 }, syntheticEvents(3));
    const b = importLog(ws, { name: 'b', source: 'b', imported: 2 }, syntheticEvents(4));
    expect(deleteLog(ws, a)).toBe(true);
    expect(listLogs(ws).map((l) => l.logId)).toEqual([b]);
    expect(countEvents(ws, a)).toBe(0);
    expect(countEvents(ws, b)).toBe(4);
  });
});
