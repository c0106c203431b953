/**
 * The inspection of one log, fed record by record (push-based, so a reader can drive it
 * from any stream without an await per line): anomalies with line numbers, replay, invariant
 * violations, decision drift and the final report. Pure; memory is the state plus the ids
 * seen (for `duplicate-id`: a bit per patterned id, see ./idSet).
 */
import type { AnyDecider } from '../../domain/kernel';
import { DecisionDrift } from './decisionDrift';
import { LogReplay } from './logReplay';
import { RecordReader, type ReadResult, type RecordForm } from './recordReader';
import type { TypeMap } from './cloudEventReader';
import { IdSet } from './idSet';
import { withLazyFinalState } from './lazyFinalState';
import { finalStateObject, hashState, type HasherFactory } from './stateHash';
import { BLOCKING_ANOMALIES, type Anomaly, type AnomalyKind, type CommandRecord, type EventRecord, type InspectResult } from './types';

/** Options of an inspection (the reader's and the report's). */
export interface InspectorOptions {
  readonly form?: RecordForm;
  readonly typeMap?: TypeMap;
  /** Replay the valid records and report the rest, instead of refusing the log. */
  readonly skipInvalid?: boolean;
  /** Keep the state history (`HistoryStep[]`) for the UI. */
  readonly history?: boolean;
  /** Decide drift with the authorization policy (a header's `authorize` overrides it). */
  readonly authorize?: boolean;
  /** The SHA-256 of `stateHash` (Node passes a native one); pure JS by default. */
  readonly hasher?: HasherFactory;
  /** Sees every record as read (before it is checked against the rest of the log), so a caller that stores records needs not parse them again. */
  readonly onRead?: (result: ReadResult, line: number) => void;
}

/** Counts so far, for progress while a log is read. */
export interface InspectionCounts {
  readonly events: number;
  readonly commands: number;
  readonly types: Readonly<Record<string, number>>;
  readonly anomalies: number;
}

/** Problems listed when a log is refused. */
export const MAX_PROBLEMS = 20;
/** Anomalies kept in a report; beyond it only `anomalyCount` grows. */
export const MAX_ANOMALIES = 10_000;

/** Inspects one log fed through `record`; `finish` returns the result. */
export class LogInspector {
  private readonly reader: RecordReader;
  private readonly replay: LogReplay;
  private readonly drift: DecisionDrift;
  private readonly eventIds = new IdSet();
  /** Events per type, as one counter object per type (one Map lookup per event). */
  private readonly types = new Map<string, { n: number }>();
  private readonly anomalies: Anomaly[] = [];
  private readonly problems: Anomaly[] = [];
  private anomalyCount = 0;
  private problemCount = 0;
  private events = 0;
  private commands = 0;
  private lastSeq = -1;
  private lastAt = Number.NaN;
  /** The latest time as the log wrote it when it was an ISO string (ms are formatted only when an anomaly names them). */
  private lastTime: string | undefined;
  /** Records read (for progress). */
  records = 0;

  constructor(
    private readonly decider: AnyDecider,
    private readonly options: InspectorOptions = {},
  ) {
    this.reader = new RecordReader(decider, options.form ?? 'any', options.typeMap ?? {});
    this.replay = new LogReplay(decider, options.history === true);
    this.drift = new DecisionDrift(decider, options.authorize === true);
  }

  /** True once a blocking problem means the log will be refused. */
  get refused(): boolean {
    return this.problemCount > 0 && this.options.skipInvalid !== true;
  }

  /** Reads one record's text found at `line`. Blank lines are skipped. */
  record = (text: string, line: number): void => {
    if (text.charCodeAt(0) !== 123 && text.trim() === '') return;
    const r = this.reader.read(text);
    this.options.onRead?.(r, line);
    if (r.kind === 'anomaly') return this.anomaly(r.anomaly, line, r.message);
    this.records++;
    switch (r.kind) {
      case 'event':
        return this.event(r, line);
      case 'command':
        return this.command(r, line);
      case 'rejection':
        if (this.refused) return;
        this.drift.flush(this.replay.view);
        return this.drift.rejection(r.commandId, r.code);
      case 'header':
        if (r.domain !== undefined && r.domain !== this.decider.id) return this.anomaly('malformed', line, `the log is for domain "${r.domain}", not "${this.decider.id}"`);
        if (r.authorize !== undefined) this.drift.setAuthorize(r.authorize);
        return;
    }
  };

  /** Reports a problem of the file's structure (an unclosed array, an overlong line). */
  structural = (message: string, line: number): void => this.anomaly('malformed', line, message);

  private event(e: EventRecord, line: number): void {
    if (!this.eventIds.add(e.id)) return this.anomaly('duplicate-id', line, `event id "${e.id}" appeared before; not replayed again`);
    const seq = e.seqGiven ? e.seq : this.lastSeq < 0 ? 1 : this.lastSeq + 1;
    if (e.seqGiven && this.lastSeq >= 0 && seq !== this.lastSeq + 1) {
      if (seq <= this.lastSeq) this.anomaly('out-of-order', line, `seq ${seq} after seq ${this.lastSeq}`);
      else this.anomaly('gap', line, seq === this.lastSeq + 2 ? `seq ${this.lastSeq + 1} is missing` : `seq ${this.lastSeq + 1}..${seq - 1} are missing`);
    }
    if (e.at < this.lastAt) this.anomaly('out-of-order', line, `time goes backwards: ${e.time ?? e.at} after ${this.lastTime ?? this.lastAt}`);
    if (seq > this.lastSeq) this.lastSeq = seq;
    if (!Number.isNaN(e.at) && !(e.at <= this.lastAt)) {
      this.lastAt = e.at;
      this.lastTime = e.time;
    }
    if (this.refused) return;
    this.drift.flush(this.replay.view);
    try {
      this.replay.apply(e, seq, Number.isNaN(e.at) ? (Number.isNaN(this.lastAt) ? 0 : this.lastAt) : e.at);
    } catch (err) {
      return this.anomaly('invalid-data', line, `the domain cannot apply this event: ${(err as Error).message}`);
    }
    this.drift.event(e.causationId, e.type);
    this.events++;
    const count = this.types.get(e.type);
    if (count) count.n++;
    else this.types.set(e.type, { n: 1 });
  }

  private command(c: CommandRecord, line: number): void {
    if (this.drift.has(c.id)) return this.anomaly('duplicate-id', line, `command id "${c.id}" appeared before; not decided again`);
    this.commands++;
    if (!this.refused) this.drift.command(c, this.replay.view);
  }

  private anomaly(kind: AnomalyKind, line: number, message: string): void {
    const a: Anomaly = { kind, line, message };
    if (BLOCKING_ANOMALIES.has(kind)) {
      if (this.problems.length < MAX_PROBLEMS) this.problems.push(a);
      this.problemCount++;
    }
    if (this.anomalies.length < MAX_ANOMALIES) this.anomalies.push(a);
    this.anomalyCount++;
  }

  /** The counts so far (events replayed, commands, events per type, anomalies). */
  counts(): InspectionCounts {
    const types: Record<string, number> = {};
    for (const [t, count] of this.types) types[t] = count.n;
    return { events: this.events, commands: this.commands, types, anomalies: this.anomalyCount };
  }

  /** Ends the inspection: the report (with the history when asked), or the problems that refuse the log. `finalState` is built on first read. */
  finish(source: string): InspectResult {
    if (this.refused) return { ok: false, problems: this.problems, problemCount: this.problemCount };
    this.drift.flush(this.replay.view);
    const { types } = this.counts();
    const state = this.replay.state;
    const keys = [...state.keys()].sort();
    const report = {
      format: 'purestream/inspection@1' as const,
      domain: this.decider.id,
      source,
      events: this.events,
      commands: this.commands,
      types,
      anomalies: this.anomalies,
      ...(this.anomalyCount > this.anomalies.length ? { anomalyCount: this.anomalyCount } : {}),
      violations: this.replay.violations,
      drift: this.drift.drift(),
      stateHash: hashState(state, keys, this.options.hasher),
      finalState: {},
    };
    withLazyFinalState(report, () => finalStateObject(state, keys), keys.length);
    return { ok: true, report, ...(this.replay.history ? { history: this.replay.history } : {}) };
  }
}
