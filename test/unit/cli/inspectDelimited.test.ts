/**
 * A file of lines that are not JSON is said once per kind of line, not once per record (trial A
 * m10): a semicolon- or tab-separated export with a header is said to be a CSV export (its header,
 * then its rows as one group), and other lines that are not JSON are grouped as records without a
 * type are, the first one's message said with the count and the other lines.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './cliHarness';

const csv = new URL('../../fixtures/logs/verdict-trial/homegrown.csv', import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), 'purestream-delimited-'));
const EXPORT = 'export JSON Lines instead, one object per row: psql -At -c "select row_to_json(t) from <table> t" > log.jsonl';

describe('inspect a file of delimited text', () => {
  it('semicolon-separated with a header: two lines say it is a CSV export and how to export JSON Lines, then the verdict', async () => {
    const r = await cli(['inspect', csv]);
    expect(r.code).toBe(1);
    expect(r.err.split('\n')).toEqual([
      `${csv}:1: malformed: not JSON: a CSV header (semicolon-separated: eid, kind, stream, version, …): the file is a CSV export; ${EXPORT}`,
      `${csv}:2: malformed: not JSON: a CSV row: the file is a CSV export; ${EXPORT} (3 records; also lines 3, 4)`,
      `${csv}: the log was not inspected: none of its 4 records can be read: the file is an export of a table, not JSON records (export JSON Lines as said above)`,
      '',
    ]);
  });

  it('tab-separated likewise', async () => {
    const tsv = join(tmp, 'homegrown.tsv');
    writeFileSync(tsv, readFileSync(csv, 'utf8').replace(/;/g, '\t'));
    const r = await cli(['inspect', tsv]);
    expect(r.err.split('\n').slice(0, 2)).toEqual([
      `${tsv}:1: malformed: not JSON: a CSV header (tab-separated: eid, kind, stream, version, …): the file is a CSV export; ${EXPORT}`,
      `${tsv}:2: malformed: not JSON: a CSV row: the file is a CSV export; ${EXPORT} (3 records; also lines 3, 4)`,
    ]);
  });

  it('lines that are not JSON for the same reason are one group, however JSON.parse quotes each', async () => {
    const prose = join(tmp, 'notes.txt');
    writeFileSync(prose, 'ev-1000 placed o-17\nev-1001 placed o-18\nev-1002 paid o-17\n');
    const r = await cli(['inspect', prose]);
    expect(r.err.split('\n')[0]).toMatch(/^.*notes\.txt:1: malformed: not JSON: .* \(3 records; also lines 2, 3\)$/);
    expect(r.err.split('\n')).toHaveLength(3);
  });
});
