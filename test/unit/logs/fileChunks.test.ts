import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileChunks } from '../../../src/logs/node/fileChunks';
import { logFileChunks, threadedFileChunks } from '../../../src/logs/node/threadedFileChunks';

const dir = mkdtempSync(join(tmpdir(), 'purestream-chunks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const collect = async (chunks: AsyncIterable<string>) => {
  const out: string[] = [];
  for await (const c of chunks) out.push(c);
  return out;
};

describe('reading a log file on a reader thread', () => {
  // 3.5 MB with multi-byte characters across chunk boundaries
  const text = Array.from({ length: 40_000 }, (_, i) => `{"seq":${i},"note":"héllo – ${'ü'.repeat(i % 50)} 🎉"}`).join('\n');
  const file = join(dir, 'big.jsonl');
  writeFileSync(file, text);

  it('gives the same text as reading it on the calling thread', async () => {
    const threaded = await collect(threadedFileChunks(file));
    expect(threaded.length).toBeGreaterThan(3);
    expect(threaded.join('')).toBe(text);
    expect(threaded.join('')).toBe((await collect(fileChunks(file))).join(''));
  });

  it('stops the thread when the reader stops early, and reads small files on the calling thread', async () => {
    for await (const chunk of threadedFileChunks(file)) {
      expect(chunk.length).toBeGreaterThan(0);
      break;
    }
    const small = join(dir, 'small.jsonl');
    writeFileSync(small, '{"seq":1}\n');
    expect((await collect(logFileChunks(small))).join('')).toBe('{"seq":1}\n');
  });

  it('rejects with the file system code when the file cannot be read', async () => {
    await expect(collect(threadedFileChunks(join(dir, 'missing.jsonl')))).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(collect(logFileChunks(join(dir, 'missing.jsonl')))).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(collect(threadedFileChunks(dir))).rejects.toMatchObject({ code: 'EISDIR' });
  });
});
