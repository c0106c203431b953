/** Reports are unchanged by speed work: every golden case's report is byte-identical to its stored file (test/golden). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { goldenReport } from '../../../golden/goldenReport';
import { goldenCases } from '../../../golden/scenarios';

describe('golden reports', () => {
  for (const c of goldenCases()) {
    it(`${c.name}: the same bytes as test/golden/${c.name}.report.json`, async () => {
      const stored = readFileSync(new URL(`../../../golden/${c.name}.report.json`, import.meta.url), 'utf8');
      expect(await goldenReport(c)).toBe(stored);
    }, 60_000);
  }
});
