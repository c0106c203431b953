/**
 * A stand-in for Electron's binary (no real one can be downloaded here): a Node script that
 * records its arguments, working folder and the environment variables the launch path sets,
 * one JSON line per start, into the file named by PURESTREAM_STANDIN_RECORD. Also a minimal
 * zip writer and a local download mirror, so Electron's own installer can fetch the stand-in.
 */
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import type { AddressInfo } from 'node:net';

/** One start of the stand-in. */
export interface StandInCall {
  readonly argv: readonly string[];
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** The stand-in's source: records and exits 0; `--version` prints Electron's version. */
export const standInSource = (): string =>
  `#!${process.execPath}
const fs = require('node:fs');
const keys = ['ELECTRON_EXEC_PATH', 'ELECTRON_RUN_AS_NODE', 'ELECTRON_RENDERER_URL', 'NODE_ENV_ELECTRON_VITE', 'ELECTRON_OVERRIDE_DIST_PATH'];
const env = Object.fromEntries(keys.map((k) => [k, process.env[k]]));
fs.appendFileSync(process.env.PURESTREAM_STANDIN_RECORD, JSON.stringify({ argv: process.argv.slice(2), cwd: process.cwd(), env }) + '\\n');
if (process.argv.includes('--version')) console.log('v45.5.0');
`;

/** Writes the stand-in as an executable file. */
export function writeStandIn(file: string): void {
  writeFileSync(file, standInSource());
  chmodSync(file, 0o755);
}

/** The calls recorded so far. */
export const readCalls = (record: string): StandInCall[] =>
  existsSync(record) ? readFileSync(record, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as StandInCall) : [];

/** A zip (stored, no compression) of files with Unix modes, as Electron's release zips are. */
export function zipOf(files: readonly { name: string; data: Buffer; mode: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const name = Buffer.from(f.name);
    const crc = crc32(f.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(f.data.length, 18);
    local.writeUInt32LE(f.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by Unix: the external attributes hold the mode
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(f.data.length, 20);
    central.writeUInt32LE(f.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(((0o100000 | f.mode) << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, f.data);
    centrals.push(central, name);
    offset += local.length + name.length + f.data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** A download mirror on 127.0.0.1 serving `files` by path (anything else is a 404). */
export async function serveMirror(files: Readonly<Record<string, Buffer>>): Promise<{ url: string; server: Server; requests: string[] }> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const body = files[req.url ?? ''];
    res.writeHead(body ? 200 : 404, { 'content-type': 'application/octet-stream' });
    res.end(body ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server, requests };
}

/** The SHA-256 line Electron's SHASUMS256.txt has for a file. */
export const shasumLine = (name: string, data: Buffer): string => `${createHash('sha256').update(data).digest('hex')} *${name}\n`;
