/**
 * Common export mistakes are said with what to do instead (the on-call trial's files,
 * test/fixtures/logs/oncall): a CSV export of mt_events (165 bare "not JSON" lines before), a
 * gzip-compressed export ("is it a binary file?" before), and psql's `\copy` of `row_to_json`,
 * whose text format doubles the backslashes of a payload.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { copyEscapes, csvLine, psqlTableLine } from '../../../src/logs/json/exportHint';
import { main } from '../../../src/cli/main';
import { recordingIO } from '../cli/cliHarness';
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
      // the rows after the header: the table it named
      ...[2, 3, 4].map((line) => `${line}: not JSON: a CSV row: the file is a CSV export; export JSON Lines instead, one object per row: psql -At -c "select row_to_json(t) from mt_events t order by seq_id" > log.jsonl`),
    ]);
  });

  it('is told from JSON that failed and from prose', () => {
    expect(csvLine('{"seq_id":1,"id":"a",')).toBeUndefined();
    expect(csvLine('Processing orders, please wait, then retry')).toBeUndefined();
    expect(csvLine('global_position,position,time,stream_name,type,data')).toContain('from messages t order by global_position');
    expect(csvLine('a,b,c')).toContain('from <table> t');
  });
});

const trial2 = (name: string) => new URL(`../../fixtures/logs/trial2/${name}`, import.meta.url).pathname;
const EMT_JSON_LINES = 'export JSON Lines instead, one object per row: psql -At -c "select row_to_json(t) from emt_messages t order by global_position" > log.jsonl';

describe("psql's table output (the Emmett-team trial's emmett-export.table.txt)", () => {
  it('its header, dashes, rows and row count are said alike, once, with the JSON Lines export of the table its header names', async () => {
    const r = await inspectLog(fileChunks(trial2('emmett-export.table.txt')), { source: 'emmett-export.table.txt' });
    const message = `not JSON: psql's table output (a header, | between columns, "(N rows)"): ${EMT_JSON_LINES}`;
    expect(problems(r)).toEqual(Array.from({ length: 16 }, (_, i) => `${i + 1}: ${message}`));
  });

  it('on the command line: one problem line, and the export to run instead of --skip-invalid; read past, why nothing was read says the same', async () => {
    const io = recordingIO();
    copyFileSync(trial2('emmett-export.table.txt'), join(io.cwd, 'emmett-export.table.txt'));
    expect(await main(['inspect', 'emmett-export.table.txt'], io)).toBe(1);
    expect(io.stderr.trim().split('\n')).toEqual([
      `emmett-export.table.txt:1: malformed: not JSON: psql's table output (a header, | between columns, "(N rows)"): ${EMT_JSON_LINES} (16 records; also lines 2, 3, 4, 5, 6, 7, 8, 9, …)`,
      'emmett-export.table.txt: the log was not inspected: none of its 16 records can be read: the file is an export of a table, not JSON records (export JSON Lines as said above)',
    ]);
    const skipped = recordingIO();
    copyFileSync(trial2('emmett-export.table.txt'), join(skipped.cwd, 'emmett-export.table.txt'));
    expect(await main(['inspect', 'emmett-export.table.txt', '--skip-invalid'], skipped)).toBe(1);
    expect(skipped.stderr).toBe(`0 events read from emmett-export.table.txt: 16 records malformed, the first on line 1: not JSON: psql's table output (a header, | between columns, "(N rows)"): ${EMT_JSON_LINES}\n`);
  });

  it('is told from JSON that failed and from prose; without its header a row names no table', () => {
    expect(psqlTableLine('{"a": "x | y | z"')).toBeUndefined();
    expect(psqlTableLine('Processing orders, please wait')).toBeUndefined();
    expect(psqlTableLine(' seq_id | id | stream_id | version ')).toContain('from mt_events t order by seq_id');
    expect(psqlTableLine('--------+----+-----')).toContain('from <table> t');
    expect(psqlTableLine('(1 row)')).toContain('from <table> t');
  });
});

describe('a CSV export of Emmett’s table (its metadata column a bare {})', () => {
  it('its rows are said to be CSV, with the export of the table the header named', async () => {
    const r = await inspectLog(fileChunks(trial2('emmett-export.psqlcsv.csv')), { source: 'emmett-export.psqlcsv.csv' });
    expect(problems(r).slice(0, 2)).toEqual([
      `1: not JSON: a CSV header (stream_position, global_position, transaction_id, created, …): the file is a CSV export; ${EMT_JSON_LINES}`,
      `2: not JSON: a CSV row: the file is a CSV export; ${EMT_JSON_LINES}`,
    ]);
    expect(problems(r)).toHaveLength(14);
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
