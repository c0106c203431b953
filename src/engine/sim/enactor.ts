/**
 * What a consumer lane calls to enact one event: the run's state store or any interpreter
 * (sql, notifier, audit log, another state store, ...). Results are small numbers on the hot path.
 */
import type { Interpreter } from '../consumers/interpreter';
import type { LogEntry } from '../types';

export const ENACTED = 0;
export const IGNORED = 1;
export const FAILED = 2;
export type EnactCode = typeof ENACTED | typeof IGNORED | typeof FAILED;

/** Enacts events for one consumer. */
export interface Enactor {
  enact(entry: LogEntry, now: number): EnactCode;
  output(): unknown;
}

/** An enactor over an interpreter. */
export function interpreterEnactor(interpreter: Interpreter): Enactor {
  return {
    enact(entry, now) {
      const r = interpreter.enact(entry, now);
      return r.type === 'enacted' ? ENACTED : r.type === 'ignored' ? IGNORED : FAILED;
    },
    output: () => interpreter.output(),
  };
}
