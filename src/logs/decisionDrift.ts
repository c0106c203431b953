/**
 * Decision drift: each recorded command is decided again with today's rules against the
 * replayed state at the point the command appears in the log (before its events), and the
 * outcome is compared with what was recorded (its events by `causationId`, or its
 * rejection). Consecutive commands of one recorded root batch are decided again as that
 * batch, its nesting rebuilt from each command's batch levels. Pure.
 */
import { commandId, commandOutcomes, decideInput, type AnyDomainModule, type BatchEnvelope, type CommandEnvelope, type DecisionInput, type StateView } from '../../domain/kernel';
import type { BatchLevel, CommandRecord, Drift, DriftOutcome, Positioned, RecordPlace } from './types';

/** Where a command was read: its line and number, and its global position and producer scope where the log has them. */
type Place = RecordPlace & Positioned;

interface Entry {
  readonly id: string;
  readonly place?: Place;
  now: DriftOutcome;
  /** The rejection's message, when rejected now. */
  nowMessage?: string;
  recordedTypes: string[];
  rejected?: string;
}

const envelopeOf = (c: CommandRecord): CommandEnvelope => ({ id: commandId(c.id), type: c.type, data: c.data, at: c.at, ...(c.actor !== undefined ? { actor: c.actor } : {}) });

/** Collects commands, their recorded outcomes, and what the domain decides now. */
export class DecisionDrift {
  private readonly entries = new Map<string, Entry>();
  private pending: CommandRecord[] = [];
  private readonly places = new Map<string, Place>();

  constructor(
    private readonly decider: AnyDomainModule,
    private authorize = false,
  ) {}

  /** Uses the authorization policy when deciding again (as the recorded run did). */
  setAuthorize(authorize: boolean): void {
    this.authorize = authorize;
  }

  /** True when a command with this id was already seen. */
  has(id: string): boolean {
    return this.entries.has(id) || this.pending.some((c) => c.id === id);
  }

  /** A command appears (read at `place`): it is decided against `state` (batch items once the batch is complete). */
  command(c: CommandRecord, state: StateView<unknown>, place?: Place): void {
    if (place) this.places.set(c.id, place);
    if (this.pending.length > 0 && (!c.batch || c.batch[0].id !== this.pending[0].batch?.[0].id)) this.flush(state);
    this.pending.push(c);
    if (!c.batch) this.flush(state);
  }

  /** Decides the commands waiting for the end of their batch; call before the state changes. */
  flush(state: StateView<unknown>): void {
    if (this.pending.length === 0) return;
    const items = this.pending;
    this.pending = [];
    for (const entry of this.decided(items, state)) {
      this.places.delete(entry.id);
      this.entries.set(entry.id, entry);
    }
  }

  /** What the domain decides now for `items` (one command, or the commands of one batch) against `state`; takes nothing. */
  private decided(items: readonly CommandRecord[], state: StateView<unknown>): Entry[] {
    const first = items[0];
    const input: DecisionInput = first.batch ? batchOf(items) : envelopeOf(first);
    const outcome = decideInput(this.decider, input, state, (first.authorize ?? this.authorize) ? { authorize: { now: first.at } } : {});
    return commandOutcomes(outcome).map((o) => {
      const now: DriftOutcome = o.accepted ? o.events.map((e) => e.type) : `rejected: ${o.rejection?.code ?? 'unknown'}`;
      const place = this.places.get(o.command.id);
      const message = o.accepted ? undefined : o.rejection?.message;
      return { id: o.command.id, now, recordedTypes: [], ...(message ? { nowMessage: message } : {}), ...(place ? { place } : {}) };
    });
  }

  /** An event recorded for a command (by its causationId). */
  event(causationId: string | undefined, type: string): void {
    if (causationId !== undefined) this.entries.get(causationId)?.recordedTypes.push(type);
  }

  /** An event of a command (by its causationId) went to a stream left out of the replay: the command is decided against a state that lacks it, so it leaves the drift list. */
  leftOut(causationId: string | undefined): void {
    if (causationId !== undefined) this.entries.delete(causationId);
  }

  /** A rejection recorded for a command. */
  rejection(commandIdValue: string, code: string): void {
    const entry = this.entries.get(commandIdValue);
    if (entry) entry.rejected = code;
  }

  /**
   * The commands whose outcome differs now, in log order. With `state` (an interim report), the
   * commands still waiting for the end of their batch are decided against it as `flush` would,
   * without being taken: the list is the one a flush now would give.
   */
  drift(state?: StateView<unknown>): Drift[] {
    const out: Drift[] = [];
    const waiting = state && this.pending.length > 0 ? this.decided(this.pending, state) : [];
    const take = (e: Entry) => {
      // a copy: events read later add to a command's recorded types, and a report taken now keeps what it says
      const recorded: DriftOutcome = e.rejected !== undefined ? `rejected: ${e.rejected}` : [...e.recordedTypes];
      if (!sameOutcome(recorded, e.now)) out.push({ commandId: e.id, recorded, now: e.now, ...(e.nowMessage !== undefined ? { nowMessage: e.nowMessage } : {}), ...(e.place ? placeOf(e.place) : {}) });
    };
    for (const e of this.entries.values()) take(e);
    for (const e of waiting) take(e);
    return out;
  }
}

/** A drift entry's place: the command's line and record, and its position where it has one. */
const placeOf = (p: Place): Pick<Drift, 'line' | 'record' | 'globalPosition' | 'source'> => ({ line: p.line, record: p.record, ...(p.globalPosition !== undefined ? { globalPosition: p.globalPosition } : {}), ...(p.source !== undefined ? { source: p.source } : {}) });

interface MutableBatch {
  kind: 'batch';
  id: string;
  mode: BatchLevel['mode'];
  items: (MutableBatch | CommandEnvelope)[];
}

/** Rebuilds a (nested) batch from its commands' batch levels, in order. */
function batchOf(commands: readonly CommandRecord[]): BatchEnvelope {
  const root: MutableBatch = { kind: 'batch', id: commands[0].batch![0].id, mode: commands[0].batch![0].mode, items: [] };
  for (const c of commands) {
    let container = root;
    for (const level of c.batch!.slice(1)) {
      const last = container.items[container.items.length - 1];
      if (last && 'kind' in last && last.kind === 'batch' && last.id === level.id) container = last;
      else {
        const inner: MutableBatch = { kind: 'batch', id: level.id, mode: level.mode, items: [] };
        container.items.push(inner);
        container = inner;
      }
    }
    container.items.push(envelopeOf(c));
  }
  return root;
}

const sameOutcome = (a: DriftOutcome, b: DriftOutcome): boolean =>
  typeof a === 'string' || typeof b === 'string' ? a === b : a.length === b.length && a.every((t, i) => t === b[i]);
