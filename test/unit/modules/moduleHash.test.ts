/**
 * A module's source hash (src/modules/bundleModule: what a checkpoint names the module by): its own
 * files, so an edit changes it — also when the module is reached through a symbolic link, whose
 * target esbuild lists instead of the path given.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleModule } from '../../../src/modules/bundleModule';
import { counter, folderWith } from './moduleFiles';

const hashOf = async (file: string) => (await bundleModule(file, (p) => p)).sourceHash;

describe("a module's source hash", () => {
  it('changes with the module, the same for the same text, through a symbolic link too', async () => {
    const dir = folderWith({ 'counter.ts': counter() });
    const direct = await hashOf(join(dir, 'counter.ts'));
    expect(direct).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(await hashOf(join(dir, 'counter.ts'))).toBe(direct);

    mkdirSync(join(dir, 'linked'));
    symlinkSync(join(dir, 'counter.ts'), join(dir, 'linked', 'counter.ts'));
    const linked = await hashOf(join(dir, 'linked', 'counter.ts'));
    writeFileSync(join(dir, 'counter.ts'), counter("return reject('closed', 'no more adds');"));
    const edited = await hashOf(join(dir, 'linked', 'counter.ts'));
    expect(edited).not.toBe(linked);
    expect(await hashOf(join(dir, 'counter.ts'))).not.toBe(direct);
  });
});
