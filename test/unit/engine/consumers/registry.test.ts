import { beforeAll, describe, expect, it } from 'vitest';
import type { SqlJsStatic } from 'sql.js';
import { bundledDomain } from '../../../../src/engine/module/bundled';
import type { InterpreterContext } from '../../../../src/engine/consumers/interpreter';
import { createInterpreter, interpreterKinds, isInterpreterKind } from '../../../../src/engine/consumers/registry';
import type { ConsumerConfig } from '../../../../src/engine/types';
import { commerceCommands, loadSqlJs, logOf } from './fixtures';

const commerce = bundledDomain('commerce')!;

let sqlJs: SqlJsStatic;
beforeAll(async () => {
  sqlJs = await loadSqlJs();
});

const consumer = (interpreter: string, idempotent: boolean): ConsumerConfig => ({
  name: `c-${interpreter}`,
  interpreter,
  events: '*',
  latencyMs: 0,
  workers: 1,
  failureRate: 0,
  delivery: 'exactly-once',
  duplicateRate: 0,
  idempotent,
  deadLetter: true,
  downtime: [],
});
const context = (): InterpreterContext => ({ decider: commerce, consumer: 'ignored', idempotent: false, services: { sqlJs } });

describe('interpreter registry', () => {
  it('lists the known kinds', () => {
    expect(interpreterKinds).toEqual(['state-store', 'sql', 'notifier', 'audit-log']);
    expect(isInterpreterKind('sql')).toBe(true);
    expect(isInterpreterKind('toString')).toBe(false);
  });

  it('makes each kind, honouring the config\'s idempotent flag', () => {
    const [e] = logOf(commerce, commerceCommands);
    for (const kind of interpreterKinds) {
      const idempotent = createInterpreter(consumer(kind, true), context());
      expect(idempotent.kind).toBe(kind);
      idempotent.enact(e, 0);
      expect(idempotent.enact(e, 1).type).toBe('ignored');
      const plain = createInterpreter(consumer(kind, false), context());
      plain.enact(e, 0);
      expect(plain.enact(e, 1).type).toBe('enacted');
      idempotent.dispose?.();
      plain.dispose?.();
    }
  });

  it('refuses an unknown interpreter, naming the consumer and the known kinds', () => {
    expect(() => createInterpreter(consumer('kafka', false), context())).toThrow(
      "consumer 'c-kafka': unknown interpreter 'kafka' (known: state-store, sql, notifier, audit-log)",
    );
  });
});
