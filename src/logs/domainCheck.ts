/**
 * What a domain adds to an inspection (logs.md): each event's type matched to one of the
 * domain's event types — as named, after removing a `purestream.<domain>.` prefix, or by the
 * last dot-separated segment (a map's `types` renamed it before) — its payload built by the
 * map's `data` pointers when given and checked against the type's schema (`unknown-type`,
 * `invalid-data`), then the replay with invariants per stream and decision drift. Pure.
 */
import type { AnyDomainModule, PayloadCheck } from '../../domain/kernel';
import { isModuleFault, ModuleFault } from '../engine/module/moduleProblem';
import { DecisionDrift } from './decisionDrift';
import type { CarriedState } from './carriedState';
import { LogReplay, type ReplayPlace } from './logReplay';
import { names, StreamStarts } from './streamStarts';
import { mappedPayload, type LogMap } from './profiles/logMap';
import { problem, type JsonObject, type ReadProblem } from './profiles/profile';
import { invalidDataMessage } from './typeFieldHint';
import type { CommandRecord, EventRecord, LogViolation, RecordPlace } from './types';

/**
 * The advice an unknown event type's message ends with; left out when a note says the log names
 * another domain (./headerDomainNote: a rename would not make it that domain's log).
 */
export const RENAME_ADVICE = ' (a map\'s "types" can rename it)';

/** A log event as the domain sees it. */
export interface DomainEvent {
  readonly type: string;
  readonly data: unknown;
  /** The domain's stream of it. */
  readonly stream: string;
}

interface KnownType {
  readonly type: string;
  readonly check: PayloadCheck;
}

/** The domain's view of one log: matching, checking, replay, drift. */
export class DomainCheck {
  readonly replay: LogReplay;
  readonly drift: DecisionDrift;
  private readonly known = new Map<string, KnownType>();
  /** Their type → the domain's (null: unknown), so each distinct type is matched once. */
  private readonly matched = new Map<string, KnownType | null>();
  private readonly prefix: string;
  private readonly pointerOf: ((field: 'type' | 'data') => string | undefined) | undefined;
  /** Streams left out of the replay: they began before the read, and the module's evolve failed on their events (see `apply`). */
  private readonly unreplayed = new Set<string>();
  private firstUnreplayed: { readonly stream: string; readonly place: string; readonly message: string } | undefined;
  /** The streams that began before the read (./streamStarts): replayed from an unknown state, their invariants not checked. */
  private readonly starts: StreamStarts;
  private readonly placeWord: 'line' | 'row' | 'message';
  private readonly positionName: string | undefined;
  /** The streams a checkpoint carried (see `carry`): their earlier events are in their state already. */
  private carried: ReadonlySet<string> | undefined;
  /** Those of them it carried as known (see `carriesEarlier`). */
  private carriedKnown: ReadonlySet<string> | undefined;

  constructor(
    readonly decider: AnyDomainModule,
    private readonly map: LogMap,
    /** `pointerOf`: the JSON Pointer that gave a field of the record last read (asked only of a refused payload, for the hint of ./typeFieldHint); `onViolation` hears each violation as it is found. */
    options: {
      readonly history?: boolean;
      readonly authorize?: boolean;
      readonly partial?: boolean;
      readonly placeWord?: 'line' | 'row' | 'message';
      /** What a live source's global position is called (../placeWord): its records' places are their positions then. */
      readonly positionName?: string;
      readonly pointerOf?: (field: 'type' | 'data') => string | undefined;
      readonly onViolation?: (v: LogViolation) => void;
    } = {},
  ) {
    this.pointerOf = options.pointerOf;
    this.starts = new StreamStarts(options.partial === true);
    this.placeWord = options.placeWord ?? 'line';
    this.positionName = options.placeWord === 'line' ? undefined : options.positionName;
    for (const type of Object.keys(decider.eventSchemas)) this.known.set(type, { type, check: decider.eventCheck(type)! });
    this.prefix = `purestream.${decider.id}.`;
    this.replay = new LogReplay(decider, options.history === true);
    this.replay.onViolation = options.onViolation;
    this.drift = new DecisionDrift(decider, options.authorize === true);
  }

  private match(type: string): KnownType | null {
    let m = this.matched.get(type);
    if (m !== undefined) return m;
    const rest = type.startsWith(this.prefix) ? type.slice(this.prefix.length) : undefined;
    if (!this.decider.declaresEvents) {
      // a module that declares no event types takes every type, as named (without the prefix)
      const own = rest ?? type;
      m = { type: own, check: this.decider.eventCheck(own)! };
    } else m = this.known.get(type) ?? (rest !== undefined ? this.known.get(rest) : undefined) ?? this.known.get(type.slice(type.lastIndexOf('.') + 1)) ?? null;
    this.matched.set(type, m);
    return m;
  }

  /** The event as the domain sees it, or why it cannot (unknown type, invalid data). `record` (as written) and `prepared` (as the profile prepared it) are for the map's `data` pointers. */
  read(e: EventRecord, record: JsonObject | undefined, prepared?: JsonObject): DomainEvent | ReadProblem {
    const known = this.match(e.type);
    if (!known) return problem('unknown-type', `unknown event type ${JSON.stringify(e.type)} for domain ${this.decider.id}${RENAME_ADVICE}`);
    const pointers = this.map.data.get(known.type);
    const data = pointers && record ? mappedPayload(pointers, record, prepared) : e.data;
    if (!known.check.test(data)) {
      const errors = known.check.problems(data, 'data');
      if (pointers) return problem('invalid-data', errors.map((x) => `${x.path}: ${x.message}`).join('; ') || 'data: does not match the schema');
      // the payload as the profile read it: the pointers are known for a record parsed here (not one the profile's scanner read)
      const from = record !== undefined ? this.pointerOf : undefined;
      return problem('invalid-data', invalidDataMessage(errors, { type: known.type, data, typePointer: from?.('type'), dataPointer: from?.('data') }) || 'data: does not match the schema');
    }
    const event = { type: known.type, data };
    let stream: string;
    try {
      // an Emmett-style decider names streams by command: a recorded event's stream is the log's
      const withStream: { readonly type: string; readonly data: unknown; readonly stream?: string } = this.decider.shape === 'emmett' && e.stream !== undefined ? { ...event, stream: e.stream } : event;
      stream = this.replay.streamOf(withStream);
      // a tenant's aggregates are its own (a store's conjoined tenancy): the domain's stream is scoped by the tenant as the log's is
      if (e.tenant !== undefined && !stream.startsWith(`${e.tenant}/`)) stream = `${e.tenant}/${stream}`;
    } catch (err) {
      if (isModuleFault(err)) throw err; // a domain module broke a rule: the inspection stops with its message
      return problem('invalid-data', `the domain cannot tell this event's stream: ${(err as Error).message}`);
    }
    return { ...event, stream };
  }

  /** The profile's first stream revision by contract ('0', '1'; undefined: none), once the profile is known (./streamStarts). */
  useFirstPosition(first: string | undefined): void {
    this.starts.useFirstPosition(first);
  }

  /** The domain's streams that began before the read (./streamStarts). */
  get streamsBeforeRead(): number {
    return this.starts.count;
  }

  /**
   * Starts the replay from the states an earlier read left (./carriedState), before any record: the
   * invariants they break already are not reported again, and the streams stay known or unknown as
   * the checkpoint says (./streamStarts' `carry`).
   */
  carry(carried: CarriedState): void {
    const unknown = new Set(carried.unknown);
    const known = new Set<string>();
    for (const [stream, state] of carried.states) {
      this.replay.seed(stream, state);
      if (!unknown.has(stream)) known.add(stream);
    }
    this.starts.carry(known, unknown, carried.fromStart);
    this.carried = new Set([...known, ...unknown]);
    this.carriedKnown = known;
  }

  /** Whether a checkpoint carried any stream as known (else `carriesEarlier` is false for every event: nothing to ask). */
  get carriesKnown(): boolean {
    return this.carriedKnown !== undefined && this.carriedKnown.size > 0;
  }

  /**
   * Whether the earlier events of the log's stream `logStream`, met here at an event of the
   * domain's `e.stream`, are all in the states a checkpoint carried, so loading them from the store
   * (see `earlier`) would replay none. So when the domain's stream is carried as known and is the
   * log's stream or names it (./streamStarts' `names`): in a read that began after the log's
   * start its state is known only where the chain of reads met that log stream from its first
   * revision or loaded its earlier events, and every event of it since was read by the chain, so
   * each stream they fold into is carried too. A stream carried as unknown, or one the domain
   * gathers from several of the log's, is not (its earlier events are loaded as before).
   */
  carriesEarlier(e: DomainEvent, logStream: string | undefined): boolean {
    return logStream !== undefined && this.carriedKnown !== undefined && this.carriedKnown.has(e.stream) && names(e.stream, logStream);
  }

  /** Every stream whose state is unknown at the end of the read, those a checkpoint carried included (the next checkpoint's). */
  unknownStreams(): string[] {
    return this.starts.unknownStreams();
  }

  /**
   * Replays one event, filed in the log under `logStream` at revision `position` (when it says);
   * a problem when the domain cannot apply it. The invariants of a stream that began before the
   * read are not checked, nor its commands decided again; a domain module's evolve that throws on
   * it or returns no state leaves it out of the replay from there on (its state lacks the earlier
   * events): said in one note. Any other fault of a module stops the inspection with its message.
   */
  apply(e: DomainEvent, causationId: string | undefined, place: ReplayPlace, logStream?: string, position?: string): ReadProblem | undefined {
    this.drift.flush(this.replay.view);
    if (this.unreplayed.size > 0 && this.unreplayed.has(e.stream)) {
      this.drift.leftOut(causationId);
      return undefined;
    }
    const unknown = this.starts.event(e.stream, logStream, position, () => this.placeText(place));
    try {
      this.replay.apply(e, e.stream, place, !unknown);
    } catch (err) {
      if (isModuleFault(err)) {
        const kind = err.problem.kind;
        // a live source's record by its position there (`sequence 5`), a file's by its line
        const at = this.positionName !== undefined && place.position !== undefined ? `the record at ${this.placeText(place)}` : `${this.placeWord} ${place.line} of the log${place.position !== undefined ? ` (position ${place.position})` : ''}`;
        if (!unknown || (kind !== 'threw' && kind !== 'returned')) throw new ModuleFault({ ...err.problem, message: `${err.problem.message}, replaying ${at}${this.denseHint(kind, position)}` });
        this.unreplayed.add(e.stream);
        this.firstUnreplayed ??= { stream: e.stream, place: this.placeText(place), message: err.problem.message };
        this.drift.leftOut(causationId);
        return undefined;
      }
      return problem('invalid-data', `the domain cannot apply this event: ${(err as Error).message}`);
    }
    if (unknown) this.drift.leftOut(causationId);
    else this.drift.event(causationId, e.type);
    return undefined;
  }

  /**
   * Where a module's fold failed on an event with a revision past 0 and no first revision is known
   * (a map's own pointers under a profile without revisions by contract, `generic`): how to say the
   * stream may have begun before the read.
   */
  private denseHint(kind: string, position: string | undefined): string {
    if ((kind !== 'threw' && kind !== 'returned') || position === undefined || !/^0*[1-9][0-9]*$/.test(position) || this.starts.firstKnown) return '';
    return `. If each stream's revisions count up from 0 (or 1), say so in the map ("dense": {"streamPosition": 0}): a stream whose first revision here is past that began before the read and is replayed from an unknown state`;
  }

  /**
   * Replays one event of a stream from before the read, loaded from the store (../sources: a store
   * queried by stream), so the stream's events in the read are replayed on its whole history: its
   * log stream is then known to begin at its first revision (./streamStarts). Into the state only —
   * no violation, drift or history (they are before the read). Its module's fault stops the
   * inspection, as any event's of a stream replayed from its start does.
   */
  earlier(e: DomainEvent, logStream: string | undefined, position: string | undefined, place: ReplayPlace): boolean {
    this.drift.flush(this.replay.view);
    if (this.unreplayed.size > 0 && this.unreplayed.has(e.stream)) return false;
    // a stream a checkpoint carried has its earlier events in its state already
    if (this.carried?.has(e.stream)) return false;
    const at = () => `${this.positionName ?? 'position'} ${place.position ?? '?'} (an earlier event of its stream, loaded from the store)`;
    const unknown = this.starts.event(e.stream, logStream, position, at);
    try {
      this.replay.apply(e, e.stream, place, unknown ? false : 'quiet');
      return true;
    } catch (err) {
      if (!isModuleFault(err)) return false;
      const kind = err.problem.kind;
      if (!unknown || (kind !== 'threw' && kind !== 'returned')) throw new ModuleFault({ ...err.problem, message: `${err.problem.message}, replaying the record at ${at()}` });
      // a stream the domain gathers from several of the log's: its state is unknown all the same
      this.unreplayed.add(e.stream);
      this.firstUnreplayed ??= { stream: e.stream, place: at(), message: err.problem.message };
      return false;
    }
  }

  /** `line 12 (position 1101)`, or a live source's record by its position there (`seq_id 1101`): a replayed event's place as messages name it. */
  private placeText(place: ReplayPlace): string {
    if (this.positionName !== undefined && place.position !== undefined) return `${this.positionName} ${place.position}`;
    return `${this.placeWord} ${place.line}${place.position !== undefined ? ` (position ${place.position})` : ''}`;
  }

  /**
   * The note on the streams that began before the read (see `apply`): how many, the first with its
   * place and why, and those a domain module's evolve could not replay, the first with the module's
   * message; undefined when every stream began in the read.
   */
  startsNote(): string | undefined {
    const first = this.starts.firstBefore;
    if (!first) return undefined;
    const n = this.starts.count;
    const their = n === 1 ? 'its' : 'their';
    let note =
      `${n === 1 ? '1 stream' : `${n} streams`} began before the read; ${their} invariants are not checked, nor ${their} commands decided again, as ${their} earlier events were not read ` +
      `(${n === 1 ? '' : 'first: '}stream ${JSON.stringify(first.stream)} at ${first.place}: ${this.starts.reasonText(first.reason)})`;
    const left = this.firstUnreplayed;
    if (left) {
      const u = this.unreplayed.size;
      const who = u === n ? (n === 1 ? 'it was' : n === 2 ? 'both were' : `all ${n} were`) : `${u} of them ${u === 1 ? 'was' : 'were'}`;
      note += `; ${who} left out of the replay where evolve failed on ${u === 1 ? 'its' : 'their'} events without the earlier ones (${u === 1 ? '' : 'first: '}${left.stream === first.stream && left.place === first.place ? '' : `stream ${JSON.stringify(left.stream)} at ${left.place}: `}${left.message})`;
    }
    return note;
  }

  /** A command of the log: checked against its schema, then decided again for drift. */
  command(c: CommandRecord, place?: RecordPlace): ReadProblem | undefined {
    const check = this.decider.commandCheck(c.type);
    if (!check) return problem('unknown-type', `unknown command type ${JSON.stringify(c.type)} for domain ${this.decider.id}`);
    if (!check.test(c.data)) return problem('invalid-data', check.problems(c.data, 'data').map((x) => `${x.path}: ${x.message}`).join('; '));
    this.drift.command(c, this.replay.view, place);
    return undefined;
  }
}
