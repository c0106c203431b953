/**
 * A live read that began after its source's start (Connect… from the end or a position), imported
 * with a domain module whose `evolve` cannot fold a stream's first event here into no state: the
 * streams began before the read (nothing in a CloudEvents log shows a stream starts here) and are
 * left out of the replay with one note, the import finishes, and the stored reading
 * keeps `partial` so the log is read the same way again. Read from the start, the module's fault
 * stops the import with its message and the line, as before. The module is stood in for by the
 * commerce domain whose evolve throws a ModuleFault (what a module's guarded call throws) on no state.
 */
import { readFileSync } from 'node:fs';
import initSqlJs from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnyDomainModule } from '../../../../domain/kernel';
import { bundledDomain } from '../../../../src/engine/module/bundled';
import { ModuleFault } from '../../../../src/engine/module/moduleProblem';
import { importRecords } from '../../../../renderer/lib/inspector/importRecords';
import { DatabaseLogs } from '../../../../renderer/lib/inspector/logStore';
import { createWorkspace } from '../../../../src/store/workspace';

const commerce = bundledDomain('commerce')!;
/** Throws as a module's guarded evolve does when it reads a field of no state. */
const startless: AnyDomainModule = {
  ...commerce,
  evolve: (state, event) => {
    if (state === undefined) throw new ModuleFault({ kind: 'threw', module: 'shop.ts', member: 'evolve', message: `shop.ts: evolve threw while evolving a ${event.type} event: TypeError: no state` });
    return commerce.evolve(state, event);
  },
};

let sqlJs: Awaited<ReturnType<typeof initSqlJs>>;
beforeAll(async () => {
  sqlJs = await initSqlJs();
});

const log = readFileSync(new URL('../../../../samples/logs/flash-sale-oversell.cloudevents.json', import.meta.url), 'utf8');

describe('a partial live read with a module that cannot start a stream', () => {
  it('partial: every stream left out, one note, the import finishes and keeps partial in its reading', async () => {
    const logs = new DatabaseLogs(createWorkspace(sqlJs));
    const { logId, report } = await importRecords(logs, [log], { domain: startless, name: 'tail', source: 'nats://x/S', partial: true });
    expect(report.notes).toHaveLength(1);
    expect(report.notes![0]).toMatch(
      /^(\d+) streams began before the read; their invariants are not checked, nor their commands decided again, as their earlier events were not read \(first: stream ".*" at line \d+ \(position \d+\): the read began after the log's start, and nothing in the log shows where a stream begins \(no stream revisions\); a read --from start checks them\); all \1 were left out of the replay where evolve failed on their events without the earlier ones \(first: shop\.ts: evolve threw while evolving a \w+ event: TypeError: no state\)$/,
    );
    expect(report.streamsBeforeRead).toBeGreaterThan(1);
    expect([report.violations, report.drift, report.finalState]).toEqual([[], [], {}]);
    expect(logs.stored(logId).reading).toMatchObject({ partial: true });
  });

  it('read from the start: the fault stops the import with its message and the line', async () => {
    const logs = new DatabaseLogs(createWorkspace(sqlJs));
    await expect(importRecords(logs, [log], { domain: startless, name: 'whole', source: 'whole.json' })).rejects.toThrow(/^shop\.ts: evolve threw while evolving a \w+ event: TypeError: no state, replaying line \d+ of the log/);
  });
});
