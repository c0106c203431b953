/** An unknown option that is really a file whose name starts with "-" says how to give it. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../../src/cli/io';
import { main } from '../../../src/cli/main';
import { recordingIO } from './cliHarness';

const usage = (args: readonly string[]): string => {
  try {
    parseArgs(args, { flags: ['json'], options: ['domain'] });
  } catch (e) {
    if (e instanceof UsageError) return e.message;
    throw e;
  }
  return 'parsed';
};

describe('unknown option', () => {
  it('a word that looks like a file name (it has an extension) gets the hint to put -- before it', () => {
    expect(usage(['-dash.jsonl'])).toBe('unknown option -d (a file whose name starts with "-": put -- before it)');
    expect(usage(['--old-log.json'])).toBe('unknown option --old-log.json (a file whose name starts with "-": put -- before it)');
    // an option that is simply wrong gets no hint
    expect(usage(['--bogus'])).toBe('unknown option --bogus');
    expect(usage(['--bogus=1.5'])).toBe('unknown option --bogus');
    // a misspelled option: the one it most likely is
    expect(usage(['--domian', 'x'])).toBe('unknown option --domian; did you mean "--domain"?');
    expect(usage(['--jsno'])).toBe('unknown option --jsno; did you mean "--json"?');
    expect(usage(['--', '-dash.jsonl'])).toBe('parsed');
  });

  it('through the command line: exit 2 with the hint; after -- the file is read', async () => {
    const io = recordingIO();
    expect(await main(['inspect', '-dash.jsonl'], io)).toBe(2);
    expect(io.stderr).toBe('purestream inspect: unknown option -d (a file whose name starts with "-": put -- before it)\n');
    writeFileSync(join(io.cwd, '-dash.jsonl'), '{"type":"Ticked","id":"t-1"}\n');
    const read = recordingIO();
    expect(await main(['inspect', '--', join(io.cwd, '-dash.jsonl')], read)).toBe(0);
  });
});
