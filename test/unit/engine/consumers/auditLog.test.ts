import { describe, expect, it } from 'vitest';
import { bundledDomain } from '../../../../src/engine/module/bundled';
import { AuditLog } from '../../../../src/engine/consumers/auditLog';
import { commerceCommands, logOf, profilesCommands } from './fixtures';

const commerce = bundledDomain('commerce')!;
const profiles = bundledDomain('profiles')!;

describe('audit-log interpreter', () => {
  it('appends every event it receives, duplicates included, with the time it received them', () => {
    const log = logOf(commerce, commerceCommands);
    const audit = new AuditLog();
    audit.enact(log[0], 3);
    audit.enact(log[2], 4);
    audit.enact(log[0], 9);
    expect(audit.output()).toEqual([
      { seq: 1, id: 'c1.1', type: 'ItemRestocked', stream: 'stock:tee@main', at: 3 },
      { seq: 3, id: 'c3.1', type: 'OrderPlaced', stream: 'order:o1', at: 4 },
      { seq: 1, id: 'c1.1', type: 'ItemRestocked', stream: 'stock:tee@main', at: 9 },
    ]);
  });

  it('keeps one line per event id when configured idempotent', () => {
    const [e] = logOf(profiles, profilesCommands);
    const audit = new AuditLog(true);
    audit.enact(e, 1);
    expect(audit.enact(e, 2).type).toBe('ignored');
    expect(audit.output()).toHaveLength(1);
  });

  it('returns a copy: callers cannot change its log', () => {
    const audit = new AuditLog();
    audit.enact(logOf(commerce, commerceCommands)[0], 0);
    (audit.output() as unknown[]).pop();
    expect(audit.output()).toHaveLength(1);
  });
});
