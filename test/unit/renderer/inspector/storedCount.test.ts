/** The Logs summary's stored count: a live read's progress gives it at each tick without asking the logs worker; a finished log's is asked once. */
import { describe, expect, it } from 'vitest';
import { storedCount, type AskedCount } from '../../../../renderer/lib/inspector/storedCount';
import type { LogSource } from '../../../../renderer/lib/workspace/logsProtocol';

const log: LogSource = { db: 'workspace', logId: 3 };

describe('storedCount', () => {
  it('takes a live read\'s count from its progress at every tick, asking nothing', () => {
    for (const stored of [4096, 8192, 9000]) expect(storedCount({ source: log, live: { stored } }, undefined)).toEqual({ total: stored });
  });

  it('asks a finished log\'s count once: not again while the answer is on its way, nor once it came', () => {
    // the summary's ticks as LogSummary runs them: ask when told to, remember the ask, then the answer
    let asked: AskedCount | undefined;
    let asks = 0;
    const tick = () => {
      const plan = storedCount({ source: log }, asked);
      if (plan.ask) {
        asks++;
        asked = { source: plan.ask };
      }
      return plan;
    };
    expect(tick()).toEqual({ ask: log });
    expect(tick()).toEqual({});
    asked = { source: log, total: 9001 };
    expect(tick()).toEqual({ total: 9001 });
    expect(tick()).toEqual({ total: 9001 });
    expect(asks).toBe(1);
  });

  it('asks once more when the live read ends (its last batch stored), and for another log', () => {
    expect(storedCount({ source: log }, undefined)).toEqual({ ask: log });
    expect(storedCount({ source: { db: 'workspace', logId: 4 } }, { source: log, total: 7 })).toEqual({ ask: { db: 'workspace', logId: 4 } });
    expect(storedCount({ source: { db: 'scratch', logId: 3 } }, { source: log, total: 7 })).toEqual({ ask: { db: 'scratch', logId: 3 } });
    expect(storedCount(undefined, undefined)).toEqual({});
  });
});
