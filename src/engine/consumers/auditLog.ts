/**
 * The `audit-log` interpreter: appends every event it receives, duplicates included (it is not
 * idempotent unless configured so), so the log shows exactly what the delivery policy delivered.
 */
import type { LogEntry } from '../types';
import type { EnactResult, Interpreter, InterpreterContext } from './interpreter';
import { alreadyEnacted, ENACTED } from './results';

/** One audit line: the event's identity and the virtual time it was received (`at`). */
export interface AuditEntry {
  readonly seq: number;
  readonly id: string;
  readonly type: string;
  readonly stream: string;
  readonly at: number;
}

/** Appends every received event; `output()` is the log in receiving order. */
export class AuditLog implements Interpreter {
  readonly kind = 'audit-log';
  private readonly entries: AuditEntry[] = [];
  private readonly seenIds: Set<string> | undefined;

  constructor(idempotent = false) {
    this.seenIds = idempotent ? new Set() : undefined;
  }

  /** Appends the event (an idempotent audit log skips an id it already holds). */
  enact(event: LogEntry, now: number): EnactResult {
    if (this.seenIds?.has(event.id)) return alreadyEnacted(event.id);
    this.seenIds?.add(event.id);
    this.entries.push({ seq: event.seq, id: event.id, type: event.type, stream: event.stream, at: now });
    return ENACTED;
  }

  /** The audit log, oldest first. */
  output(): readonly AuditEntry[] {
    return this.entries.slice();
  }
}

/** Factory for the registry. */
export const createAuditLog = (context: InterpreterContext): AuditLog => new AuditLog(context.idempotent);
