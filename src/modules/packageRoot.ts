/** Purestream's own folder (the one holding its package.json), from the sources or from the command line built into dist/cli. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function find(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'purestream') return dir;
    if (dirname(dir) === dir) throw new Error(`purestream's package.json not found above ${from}`);
  }
}

/** The package root, found once. */
export const PACKAGE_ROOT = find(dirname(fileURLToPath(import.meta.url)));
