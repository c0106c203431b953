/** `--out` failures (run, export): one line naming the option and the place, never the system's text or the temporary file, and nothing left behind. */
import { chmodSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main';
import { filesIn, recordingIO } from './cliHarness';

const commands = [
  ['run', 'flash-sale.json'],
  ['export', 'flash-sale.json', '--run', 'one queue'],
] as const;

/** Runs `args --out out` in a fresh folder holding the fixture and a few obstacles. */
async function writeTo(args: readonly string[], out: string) {
  const io = recordingIO(['flash-sale.json']);
  writeFileSync(join(io.cwd, 'a-file'), '');
  mkdirSync(join(io.cwd, 'a-folder'));
  const code = await main([...args, '--out', out], io);
  return { code, err: io.stderr, out: io.stdout, files: filesIn(io), inFolder: readdirSync(join(io.cwd, 'a-folder')), cwd: io.cwd };
}

describe('--out that cannot be written', () => {
  for (const args of commands) {
    it(`${args[0]}: a missing folder, a folder, a file as a folder, a name ending in / — exit 1, one line, no temporary file left`, async () => {
      const cases: [string, string][] = [
        ['/nonexistentdir/x.jsonl', '--out /nonexistentdir/x.jsonl: folder /nonexistentdir does not exist'],
        ['missing/dir/x.json', '--out missing/dir/x.json: folder missing/dir does not exist'],
        ['.', '--out .: is a folder'],
        ['a-folder', '--out a-folder: is a folder'],
        ['a-file/x.json', '--out a-file/x.json: a-file is not a folder'],
        ['new-folder/', '--out new-folder/: names a folder (it ends with "/"): give a file name'],
      ];
      for (const [out, line] of cases) {
        const r = await writeTo(args, out);
        expect([r.code, r.err, r.out], out).toEqual([1, `${line}\n`, '']);
        expect(r.files, out).toEqual(['a-file', 'a-folder', 'flash-sale.json']);
        expect(r.inFolder, out).toEqual([]);
        expect(readdirSync(join(r.cwd, '..')).filter((f) => f.endsWith('.tmp')), out).toEqual([]);
      }
    });

    it(`${args[0]}: a folder it may not write in is "permission denied"`, async () => {
      const io = recordingIO(['flash-sale.json']);
      // root writes anywhere a mode forbids: /sys refuses new files even to root (Linux)
      const locked = join(io.cwd, 'locked');
      mkdirSync(locked);
      chmodSync(locked, 0o555);
      const out = process.getuid?.() === 0 ? '/sys/x.json' : 'locked/x.json';
      const code = await main([...args, '--out', out], io);
      expect([code, io.stderr]).toEqual([1, `--out ${out}: cannot write the file: permission denied\n`]);
      expect(readdirSync(locked)).toEqual([]);
    });
  }
});
