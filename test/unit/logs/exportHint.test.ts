/**
 * Common export mistakes are said with what to do instead (the on-call trial's files,
 * test/fixtures/logs/oncall): a CSV export of mt_events (165 bare "not JSON" lines before), a
 * gzip-compressed export ("is it a binary file?" before), and psql's `\copy` of `row_to_json`,
 * whose text format doubles the backslashes of a payload.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { copyEscapes, csvLine } from '../../../src/logs/json/exportHint';
import { inspectLog } from '../../../src/logs/inspectLog';
import { fileChunks } from '../../../src/logs/node/fileChunks';
import { Utf8Chunks } from '../../../src/logs/framing/utf8Chunks';
import { inspectLogFile } from '../../../src/logs/node/inspectLogFile';
import type { InspectResult } from '../../../src/logs/types';

const oncall = (name: string) => new URL(`../../fixtures/logs/oncall/${name}`, import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'purestream-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const problems = (r: InspectResult) => (r.ok ? r.report.anomalies : r.problems).map((a) => `${a.line}: ${a.message}`);

describe('a CSV export', () => {
  it('is said to be one, with the JSON Lines export of its table to run instead', async () => {
    const r = await inspectLog(fileChunks(oncall('marten-export.head.csv')), { source: 'marten-export.csv' });
    expect(problems(r)).toEqual([
      '1: not JSON: a CSV header (seq_id, id, stream_id, version, …): the file is a CSV export; export JSON Lines instead, one object per row: psql -At -c "select row_to_json(t) from mt_events t order by seq_id" > log.jsonl',
      ...[2, 3, 4].map((line) => `${line}: not JSON: a CSV row: the file is a CSV export; export JSON Lines instead, one object per row: psql -At -c "select row_to_json(t) from <table> t" > log.jsonl`),
    ]);
  });

  it('is told from JSON that failed and from prose', () => {
    expect(csvLine('{"seq_id":1,"id":"a",')).toBeUndefined();
    expect(csvLine('Processing orders, please wait, then retry')).toBeUndefined();
    expect(csvLine('global_position,position,time,stream_name,type,data')).toContain('from messages t order by global_position');
    expect(csvLine('a,b,c')).toContain('from <table> t');
  });
});

describe("psql's \\copy of row_to_json", () => {
  it('a line it broke by doubling backslashes says so after the parse error; the lines it did not break are read', async () => {
    const r = await inspectLog(fileChunks(oncall('marten-copy.lines25-27.jsonl')), { source: 'marten-copy.jsonl', skipInvalid: true });
    expect(problems(r)).toEqual([
      `2: not JSON: Expected ',' or '}' after property value at column 370; psql's \\copy writes its text format, which doubles every backslash (\\" became \\\\" here): export JSON Lines instead, one object per row: psql -At -c "select row_to_json(t) from <table> t" > log.jsonl`,
    ]);
    expect(r.ok && r.report.events).toBe(2);
    // a doubled backslash in valid JSON is a payload's own
    expect(copyEscapes('{"path":"C:\\\\"}')).toContain('doubles every backslash');
  });
});

describe('a compressed export', () => {
  it('gzip is named, with how to decompress it, on the calling thread and on the framing thread', async () => {
    const file = join(dir, 'marten-export.jsonl.gz');
    writeFileSync(file, gzipSync(readFileSync(oncall('marten-redelivery.jsonl'))));
    const message = `${file} is gzip-compressed (it starts with gzip's bytes 1f 8b), not UTF-8 text: decompress it first (gunzip -k ${JSON.stringify(file)}) and inspect the JSON it holds`;
    await expect(inspectLogFile(file, { source: 'marten-export.jsonl.gz' })).rejects.toThrow(message);
    await expect(inspectLogFile(file, { source: 'marten-export.jsonl.gz' }, 0)).rejects.toThrow(message);
  });

  it('gzip is named however the bytes are chunked', () => {
    const bytes = gzipSync(Buffer.from('{"id":"e1","type":"T"}\n'));
    const utf8 = new Utf8Chunks('log.jsonl.gz');
    expect(() => {
      for (const b of bytes) utf8.decode(Uint8Array.of(b));
    }).toThrow(/^log\.jsonl\.gz is gzip-compressed/);
  });

  it('a binary file that is no known compressed format is still asked about', async () => {
    const file = join(dir, 'image.bin');
    writeFileSync(file, Buffer.from([0xa0, 0x01, 0x02]));
    await expect(inspectLogFile(file, { source: 'image.bin' })).rejects.toThrow('is not UTF-8 text: byte 0xa0 at byte offset 0, line 1; a log is JSON text in UTF-8 — is it a binary file?');
  });
});
