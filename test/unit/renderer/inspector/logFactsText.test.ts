/** The Summary's record count adds up, and its causation facts do not read as wrong (logs.md: roots are events with no causation id). */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import initSqlJs from 'sql.js';
import { apartRecords, mayLackApartCounts, withApartCounts } from '../../../../renderer/lib/inspector/apartRecords';
import { importRecords } from '../../../../renderer/lib/inspector/importRecords';
import { DatabaseLogs } from '../../../../renderer/lib/inspector/logStore';
import { causationText, emptyStreamText, recordsText, streamsText } from '../../../../renderer/lib/inspector/logFactsText';
import { createWorkspace } from '../../../../src/store/workspace';

const base = { events: 212, commands: 153, tombstones: 0, systemEvents: 0, otherRecords: 0, anomalies: [] };

describe('recordsText', () => {
  it('says what the records that are neither events nor commands are, so the parts add up to the records stored', () => {
    expect(recordsText({ ...base, rejections: 46 }, 411)).toBe('411 records: 212 events · 153 commands · 46 rejections');
    // a purestream log's header is read, not counted
    expect(recordsText({ ...base, rejections: 45 }, 411)).toBe("411 records: 212 events · 153 commands · 45 rejections · 1 other (the log's header)");
    expect(recordsText(base, 365)).toBe('365 records: 212 events · 153 commands');
    // the same record read again (a redelivery) is counted once: said apart, so the parts still add up
    expect(recordsText({ ...base, events: 211, rejections: 46, redeliveries: 1 }, 411)).toBe('411 records: 211 events · 153 commands · 46 rejections · 1 redelivery');
  });

  it('counts unread records, tombstones and system events as parts, and only the parts while the total is unknown', () => {
    const report = { ...base, tombstones: 2, systemEvents: 1, anomalies: [{ kind: 'malformed', line: 3, message: 'not JSON' }, { kind: 'gap', line: 4, message: '' }] } as const;
    expect(recordsText(report, 369)).toBe('369 records: 212 events · 153 commands · 2 tombstones · 1 system event · 1 not read');
    expect(recordsText(report, undefined)).toBe('212 events · 153 commands · 2 tombstones · 1 system event · 1 not read');
  });

  it('a capped anomaly list does not guess the unread records: they go with the others', () => {
    expect(recordsText({ ...base, anomalies: [{ kind: 'malformed', line: 3, message: '' }], anomalyCount: 5000 }, 370)).toBe('370 records: 212 events · 153 commands · 5 others (records not read, headers)');
  });
});

describe('causationText', () => {
  it('says that every event has a cause when there is no root, and what each count is', () => {
    const facts = causationText({ roots: 0, orphans: 0, maxDepth: 1, correlations: 107 }, 212);
    expect(facts.text).toBe('0 root events (every event has a cause) · 0 orphans · longest chain 1 link · 107 correlations');
    expect(facts.title).toContain('Root events: events with no causation id.');
  });

  it('roots are the events with no cause', () => {
    expect(causationText({ roots: 1, orphans: 2, maxDepth: 0, correlations: 1 }, 3).text).toMatch(/^1 root event \(with no cause\) · 2 orphans \(causes not in the log\) · /);
    expect(causationText({ roots: 0, orphans: 0, maxDepth: 0, correlations: 0 }, 0).text).toMatch(/^0 root events · /);
  });
});

describe("a store's archived rows", () => {
  it('are said to be archived records, and a stream holding only them is not counted as one with events (the trial: a Marten row archived weeks before)', async () => {
    const db = createWorkspace(await initSqlJs());
    const text = readFileSync(new URL('../../../fixtures/logs/oncall/marten-incident.jsonl', import.meta.url), 'utf8');
    const { logId, report } = await importRecords(new DatabaseLogs(db), [text], { name: 'marten-incident.jsonl', source: 'marten-incident.jsonl' });
    const apart = apartRecords(db, logId);
    expect(apart).toEqual({ archived: 1, other: 0, streams: { '6d183329-0394-7983-82d7-31bbfadf52db': { archived: 1, other: 0 } } });
    // the report counts them apart itself, as the command line says them
    expect(report).toMatchObject({ otherRecords: 0, archivedRecords: 1, streamCount: 12, streamsWithoutEvents: 1, streamsArchivedOnly: 1 });
    expect(recordsText(report, 28)).toBe('28 records: 26 events · 0 commands · 1 archived record · 1 redelivery');
    expect(streamsText(report)).toBe('11 streams with events · 1 with archived records only');
    const empty = report.streams.find((s) => s.events === 0)!;
    expect(emptyStreamText(empty, apart)).toBe('(archived)');
    expect(emptyStreamText(report.streams[0], apart)).toBe('');
  });

  it('a report stored before they were counted apart (in otherRecords) counts them from the stored records', async () => {
    const db = createWorkspace(await initSqlJs());
    const text = readFileSync(new URL('../../../fixtures/logs/oncall/marten-incident.jsonl', import.meta.url), 'utf8');
    const { logId, report } = await importRecords(new DatabaseLogs(db), [text], { name: 'marten-incident.jsonl', source: 'marten-incident.jsonl' });
    const { archivedRecords: _a, streamsWithoutEvents: _w, streamsArchivedOnly: _o, ...rest } = report;
    const old = { ...rest, otherRecords: 1 };
    expect(mayLackApartCounts(old)).toBe(true);
    const upgraded = withApartCounts(old, apartRecords(db, logId));
    expect(upgraded).toMatchObject({ otherRecords: 0, archivedRecords: 1, streamsWithoutEvents: 1, streamsArchivedOnly: 1 });
    expect(recordsText(upgraded, 28)).toBe('28 records: 26 events · 0 commands · 1 archived record · 1 redelivery');
    expect(streamsText(upgraded)).toBe('11 streams with events · 1 with archived records only');
    // a report that counts them is as it was
    expect(mayLackApartCounts(report)).toBe(false);
    expect(withApartCounts(report, apartRecords(db, logId))).toBe(report);
  });

  it('keep the count as it is when the report counts no stream without events', () => {
    expect(streamsText({ streamCount: 3 })).toBe('3 streams');
    expect(streamsText({ streamCount: 3, streamsWithoutEvents: 1 })).toBe('2 streams with events · 1 with records counted apart only (no event)');
    expect(streamsText({ streamCount: 4, streamsWithoutEvents: 2, streamsArchivedOnly: 1 })).toBe('2 streams with events · 2 with archived or other records only (no event)');
  });
});
