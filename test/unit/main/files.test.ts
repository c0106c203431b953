import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync, truncateSync, promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_BYTES, parseRecent, readUserFile, withRecent, writeFileAtomic, type WriteIo } from '../../../src/main/files';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'purestream-files-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('main-process file handlers', () => {
  it('read a scenario as text and a workspace as bytes', async () => {
    writeFileSync(join(dir, 's.json'), '{"a":1}');
    const text = await readUserFile(join(dir, 's.json'), 'scenario');
    expect(text).toEqual({ ok: true, value: { path: join(dir, 's.json'), name: 's.json', text: '{"a":1}' } });
    const sqlite = Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(4080)]);
    writeFileSync(join(dir, 'w.purestream'), sqlite);
    const bytes = await readUserFile(join(dir, 'w.purestream'), 'workspace');
    expect(bytes.ok && bytes.value.bytes?.length).toBe(4096);
  });
  it('refuse a corrupt workspace (not SQLite, or truncated) and leave it untouched', async () => {
    for (const [name, content] of [['json.purestream', Buffer.from('{"not":"sqlite"}')], ['cut.purestream', Buffer.from('SQLite format 3\0', 'latin1')]] as const) {
      writeFileSync(join(dir, name), content);
      expect(await readUserFile(join(dir, name), 'workspace')).toEqual({ ok: false, error: `${join(dir, name)}: not a Purestream workspace (not an SQLite file)` });
      expect(readFileSync(join(dir, name))).toEqual(content);
    }
  });
  it.each([
    [undefined, 'no file path was given'],
    ['', 'no file path was given'],
    ['relative/file.json', 'relative/file.json: the path must be absolute'],
    ['/tmp/a\0b', 'the file path contains a NUL byte'],
    [42, 'no file path was given'],
  ])('refuse the bad path %j', async (path, error) => {
    expect(await readUserFile(path, 'scenario')).toEqual({ ok: false, error });
  });
  it('refuse a missing file, a folder and a binary file with the file named', async () => {
    expect(await readUserFile(join(dir, 'nope.json'), 'scenario')).toEqual({ ok: false, error: `${join(dir, 'nope.json')}: no such file` });
    mkdirSync(join(dir, 'folder'));
    expect(await readUserFile(join(dir, 'folder'), 'scenario')).toEqual({ ok: false, error: `${join(dir, 'folder')}: not a regular file` });
    writeFileSync(join(dir, 'bin.json'), Buffer.from([1, 0, 2]));
    expect(await readUserFile(join(dir, 'bin.json'), 'log')).toEqual({ ok: false, error: `${join(dir, 'bin.json')}: not a text file` });
  });
  it('refuse a huge file without reading it', async () => {
    const big = join(dir, 'big.json');
    writeFileSync(big, '');
    truncateSync(big, MAX_BYTES.scenario + 1);
    const result = await readUserFile(big, 'scenario');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/too large for a scenario/);
  });
  it('write atomically and leave nothing behind on failure', async () => {
    const target = join(dir, 'out.json');
    writeFileSync(target, 'old');
    expect(await writeFileAtomic(target, 'new')).toEqual({ ok: true, value: target });
    expect(readFileSync(target, 'utf8')).toBe('new');
    const missingDir = join(dir, 'missing', 'out.json');
    const failed = await writeFileAtomic(missingDir, 'x');
    expect(failed.ok).toBe(false);
    expect(await writeFileAtomic(target, { not: 'text' })).toEqual({ ok: false, error: 'nothing to save: the contents must be text or bytes' });
    expect(readdirSync(dir)).toEqual(['out.json']);
    expect(readFileSync(target, 'utf8')).toBe('new');
  });
  it('fsync the new file before renaming it over the old one, then the folder', async () => {
    const target = join(dir, 'durable.json');
    writeFileSync(target, 'old');
    const steps: string[] = [];
    const io: WriteIo = {
      open: (async (path: string, flags: string) => {
        const handle = await fs.open(path, flags);
        const name = path === dir ? 'folder' : 'temp';
        steps.push(`open ${name}`);
        return Object.assign(Object.create(handle), {
          writeFile: async (data: string) => (steps.push(`write ${name}`), handle.writeFile(data)),
          sync: async () => (steps.push(`fsync ${name}`), handle.sync()),
          close: async () => (steps.push(`close ${name}`), handle.close()),
        });
      }) as WriteIo['open'],
      rename: async (from, to) => (steps.push('rename'), fs.rename(from, to)),
      rm: fs.rm,
    };
    expect(await writeFileAtomic(target, 'new', io)).toEqual({ ok: true, value: target });
    expect(steps).toEqual(['open temp', 'write temp', 'fsync temp', 'close temp', 'rename', 'open folder', 'fsync folder', 'close folder']);
    expect(readFileSync(target, 'utf8')).toBe('new');
  });
  it('keep the old file whole when the write fails before the rename', async () => {
    const target = join(dir, 'keep.json');
    writeFileSync(target, 'old');
    const io: WriteIo = {
      open: (async (path: string, flags: string) => {
        const handle = await fs.open(path, flags);
        return Object.assign(Object.create(handle), { writeFile: handle.writeFile.bind(handle), close: handle.close.bind(handle), sync: async () => Promise.reject(new Error('EIO: i/o error, fsync')) });
      }) as WriteIo['open'],
      rename: fs.rename,
      rm: fs.rm,
    };
    expect(await writeFileAtomic(target, 'new', io)).toEqual({ ok: false, error: `${target}: EIO: i/o error, fsync` });
    expect(readFileSync(target, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['keep.json']);
  });
  it('keep recent files unique per kind, newest first, and survive a corrupt list', () => {
    const a = { path: '/a', kind: 'scenario' } as const;
    const b = { path: '/b', kind: 'workspace' } as const;
    expect(withRecent([a, b], b)).toEqual([b, a]);
    expect(withRecent([a], { path: '/a', kind: 'log' })).toEqual([{ path: '/a', kind: 'log' }, a]);
    expect(withRecent(Array.from({ length: 10 }, (_, i) => ({ path: `/f${i}`, kind: 'log' as const })), a)).toHaveLength(10);
    expect(parseRecent('{corrupt')).toEqual([]);
    expect(parseRecent(JSON.stringify([a, '/old-format', { path: 'relative', kind: 'log' }, { path: '/x\u0000y', kind: 'log' }, { path: '/k', kind: 'secrets' }, null]))).toEqual([a]);
    expect(parseRecent(undefined)).toEqual([]);
  });
});
