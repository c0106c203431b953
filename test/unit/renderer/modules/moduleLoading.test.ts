import { describe, expect, it } from 'vitest';
import { loadingText } from '../../../../renderer/lib/modules/moduleLoading';

describe('loadingText: what the Domains view says while a module opens', () => {
  it('names the module and what is being done to it, never "No module open"', () => {
    expect(loadingText('payments.ts', 'start')).toBe('Checking payments.ts in its worker: bundling it, running it and reading its commands, events and invariants…');
    expect(loadingText('payments.ts', 'module')).toBe(loadingText('payments.ts', 'start'));
    expect(loadingText('payments.ts', 'compiler')).toBe('Preparing the module compiler (once per session), then checking payments.ts…');
  });
});
