/** A mistyped command is answered with the command it most likely meant. */
import { describe, expect, it } from 'vitest';
import { didYouMean } from '../../../src/engine/text/didYouMean';
import { main } from '../../../src/cli/main';
import { recordingIO } from './cliHarness';

const COMMANDS = ['run', 'compare', 'inspect', 'export', 'sweep', 'domains', 'publish', 'enact', 'compare-real'];

describe('did you mean', () => {
  it('names the nearest command for a typo, a swap or a missing letter; nothing for what is far from all', () => {
    expect(didYouMean('inpsect', COMMANDS)).toBe('inspect');
    expect(didYouMean('insect', COMMANDS)).toBe('inspect');
    expect(didYouMean('Domain', COMMANDS)).toBe('domains');
    expect(didYouMean('compare-rael', COMMANDS)).toBe('compare-real');
    expect(didYouMean('rn', COMMANDS)).toBeUndefined();
    expect(didYouMean('deploy', COMMANDS)).toBeUndefined();
  });

  it('the command line says it before the usage, exit 2', async () => {
    const io = recordingIO();
    expect(await main(['inpsect', 'x.jsonl'], io)).toBe(2);
    expect(io.stderr.split('\n')[0]).toBe('purestream: unknown command "inpsect"; did you mean "inspect"?');
  });
});
