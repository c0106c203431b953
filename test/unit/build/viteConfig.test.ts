/** `npm start` / `npm run web` start quietly: loading the web build's Vite config warns about nothing, and builds print no plugin timings. */
import { describe, expect, it } from 'vitest';
import { createLogger, loadConfigFromFile } from 'vite';
import { rendererBuild } from '../../../vite.renderer.mjs';

describe('the web build config', () => {
  it("loads without Vite's configLoader: 'native' warning (its imports carry their extensions)", async () => {
    const warnings: string[] = [];
    const logger = { ...createLogger('warn'), warn: (m: string) => void warnings.push(m), warnOnce: (m: string) => void warnings.push(m) };
    const loaded = await loadConfigFromFile({ command: 'build', mode: 'production' }, 'vite.config.ts', undefined, 'warn', logger);
    expect(loaded?.config.root).toMatch(/renderer$/);
    expect(warnings).toEqual([]);
  });

  it('turns off Rolldown\'s "[PLUGIN_TIMINGS]" report, for the web and the desktop renderer alike', () => {
    expect(rendererBuild.rolldownOptions?.checks).toEqual({ bundlerTimings: false });
  });
});
