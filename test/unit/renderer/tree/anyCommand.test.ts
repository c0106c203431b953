// A domain module that declares no command schemas takes any command type: the editor offers the types the scenario uses.
import { describe, expect, it } from 'vitest';
import type { DomainInfo } from '../../../../domain/kernel';
import { commandTypesUsed, takesAnyCommand } from '../../../../renderer/src/state/treeActions';

describe('commands of a domain that declares no command schemas', () => {
  it('takes any type only when the module declares none (a bundled domain declares its own)', () => {
    expect(takesAnyCommand('./free.mjs', { declaresCommands: false } as DomainInfo)).toBe(true);
    expect(takesAnyCommand('./typed.mjs', { declaresCommands: true } as DomainInfo)).toBe(false);
    expect(takesAnyCommand('commerce')).toBe(false);
    expect(takesAnyCommand('./missing.mjs')).toBe(false);
  });

  it('offers the types the scenario uses, setup first, each once, never a batch or a type inside data', () => {
    const scenario = {
      setup: [{ type: 'Open', data: { type: 'not-a-command' } }],
      commands: [{ type: 'Go' }, { batch: 'all-or-nothing', type: 'x', items: [{ type: 'Stop' }, { type: 'Go' }] }, { repeat: 3, every: 1, template: { type: 'Ping' } }],
    };
    expect(commandTypesUsed(scenario)).toEqual(['Open', 'Go', 'Stop', 'Ping']);
    expect(commandTypesUsed(undefined)).toEqual([]);
  });
});
