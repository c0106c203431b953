/**
 * The interpreter registry: consumer configs name an interpreter kind; this makes one.
 * Adding an interpreter is one module plus one line in INTERPRETERS.
 */
import type { ConsumerConfig } from '../types';
import { createAuditLog } from './auditLog';
import type { Interpreter, InterpreterContext, InterpreterFactory } from './interpreter';
import { createNotifier } from './notifier';
import { createSqlInterpreter } from './sql';
import { createStateStore } from './stateStore';

const INTERPRETERS = {
  'state-store': createStateStore,
  sql: createSqlInterpreter,
  notifier: createNotifier,
  'audit-log': createAuditLog,
} as const satisfies Readonly<Record<string, InterpreterFactory>>;

/** A known interpreter kind. */
export type InterpreterKind = keyof typeof INTERPRETERS;

/** Every known interpreter kind, in display order (the scenario validator checks against it). */
export const interpreterKinds: readonly InterpreterKind[] = Object.keys(INTERPRETERS) as InterpreterKind[];

/** True when `kind` names a known interpreter. */
export const isInterpreterKind = (kind: string): kind is InterpreterKind => Object.prototype.hasOwnProperty.call(INTERPRETERS, kind);

/** Makes the interpreter of one consumer; the config's name and `idempotent` override the context's. */
export function createInterpreter(config: ConsumerConfig, context: InterpreterContext): Interpreter {
  if (!isInterpreterKind(config.interpreter)) {
    throw new Error(`consumer '${config.name}': unknown interpreter '${config.interpreter}' (known: ${interpreterKinds.join(', ')})`);
  }
  return INTERPRETERS[config.interpreter]({ ...context, consumer: config.name, idempotent: config.idempotent });
}
