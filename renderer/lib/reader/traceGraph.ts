/**
 * A run's GraphSource: the causal records of a trace by window of time, and node details.
 * A run's graph is made of pieces — a decision (a command, or a batch with its nested
 * batches) or a setup command, with its rejections, its events and their enactments — taken
 * whole in order of time (a decision's end, a setup command's first event). An event whose
 * enactment broke an invariant (the run report's violations), and the command that decided it,
 * carry what they broke. Pure apart from its caches.
 */
import { isBatch, type DecisionInput } from '../../../domain/kernel';
import type { DecisionRecord, LogEntry, Violation } from '../../../src/engine/types';
import { nodeIds, parseNodeId } from '../graph/nodeIds';
import type { TimeRange } from '../timeline/timelineModel';
import type { BrokenInvariant, CausalRecord, GraphWindow, NodeDetail } from './graphSource';
import { counted } from '../../../src/engine/report/counted';
import { stepNumber } from '../history/stepNumber';
import type { TraceIndex } from './traceIndex';

/** A piece: a decision (index ≥ 0) or a setup command (its id), and when it happened. */
interface Pieces {
  readonly times: Float64Array;
  /** Decision index, or -1 - (index into `setup`). */
  readonly refs: Int32Array;
  readonly setup: readonly string[];
}

/** The causation graph of one trace, read by window. */
export class TraceGraph {
  private pieces?: Pieces;
  private total?: number;
  private brokeBySeq?: Map<number, BrokenInvariant[]>;

  /** `violations`: the run report's, each at the event whose enactment broke an invariant. */
  constructor(
    private readonly index: TraceIndex,
    private readonly violations: readonly Violation[] = [],
  ) {}

  /** The records of the pieces whose time is in `range` (all when undefined), at most about `max` (whole pieces), earliest first. */
  window(range: TimeRange | undefined, max: number): GraphWindow {
    const pieces = this.piecesInOrder();
    const n = pieces.times.length;
    const start = n > 0 ? pieces.times[0] : 0;
    const end = n > 0 ? pieces.times[n - 1] : 0;
    const r = range ?? { from: start, to: end };
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (pieces.times[mid] < r.from) lo = mid + 1;
      else hi = mid;
    }
    const records: CausalRecord[] = [];
    let inRange = 0;
    let shownTo = r.to;
    let full = false;
    // whole instants: once `max` is reached, the pieces of the same instant still come in
    for (let k = lo; k < n && pieces.times[k] <= r.to; k++) {
      if (full && pieces.times[k] > shownTo) {
        inRange += this.piece(pieces, k, undefined);
        continue;
      }
      inRange += this.piece(pieces, k, records);
      if (!full && records.length >= max) {
        full = true;
        shownTo = pieces.times[k];
      }
    }
    this.total ??= this.countAll(pieces);
    return { range: { from: r.from, to: shownTo }, records, total: this.total, inRange, start, end };
  }

  private countAll(pieces: Pieces): number {
    let count = 0;
    for (let k = 0; k < pieces.times.length; k++) count += this.piece(pieces, k, undefined);
    return count;
  }

  private piecesInOrder(): Pieces {
    if (this.pieces) return this.pieces;
    const { trace } = this.index;
    const setup: string[] = [];
    const setupTimes: number[] = [];
    const seen = new Set<string>();
    for (const e of trace.log) {
      if (seen.has(e.causationId) || this.index.decided(e.causationId)) continue;
      seen.add(e.causationId);
      setup.push(e.causationId);
      setupTimes.push(e.appendedAt);
    }
    const n = setup.length + trace.decisions.length;
    const refs = new Int32Array(n);
    const times = new Float64Array(n);
    setup.forEach((_, i) => {
      refs[i] = -1 - i;
      times[i] = setupTimes[i];
    });
    trace.decisions.forEach((d, i) => {
      refs[setup.length + i] = i;
      times[setup.length + i] = d.endedAt;
    });
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => times[a] - times[b] || a - b);
    this.pieces = { times: Float64Array.from(order, (i) => times[i]), refs: Int32Array.from(order, (i) => refs[i]), setup };
    return this.pieces;
  }

  /** Emits piece `k`'s records into `out` (or only counts them); returns how many. */
  private piece(pieces: Pieces, k: number, out: CausalRecord[] | undefined): number {
    const ref = pieces.refs[k];
    const list: CausalRecord[] = out ?? [];
    const before = list.length;
    if (ref < 0) {
      const id = pieces.setup[-1 - ref];
      const type = this.index.command(id)?.type ?? 'setup';
      list.push({ id: nodeIds.command(id), kind: 'command', type, sub: `${id} · setup`, time: pieces.times[k], outcome: 'accepted', flow: type });
      for (let seq = this.index.firstSeqOf(id), e = seq === undefined ? undefined : this.index.event(seq); e && e.causationId === id; e = this.index.event(e.seq + 1)) this.eventRecords(e, type, list);
    } else this.decisionRecords(this.index.trace.decisions[ref], list);
    const count = list.length - before;
    if (!out) list.length = before;
    return count;
  }

  private decisionRecords(d: DecisionRecord, out: CausalRecord[]): void {
    const rejected = new Map(d.rejections.map((r) => [r.commandId as string, r.rejection]));
    const typeOf = new Map<string, string>();
    const brokeByCommand = this.brokeByCommand(d.eventSeqs);
    const command = (commandId: string, type: string, parent: string | undefined) => {
      typeOf.set(commandId, type);
      const rejection = rejected.get(commandId);
      const id = nodeIds.command(commandId);
      const broke = brokeByCommand.get(commandId);
      out.push({ id, kind: 'command', type, sub: `${commandId} · t=${d.endedAt} · w${d.worker}`, time: d.endedAt, outcome: rejection ? 'rejected' : 'accepted', flow: type, ...(parent ? { parent } : {}), ...(broke ? { broke } : {}) });
      if (rejection) out.push({ id: nodeIds.rejection(commandId), kind: 'rejection', type: rejection.code, sub: rejection.message, time: d.endedAt, outcome: 'rejected', causationId: id, flow: type });
    };
    if (d.kind === 'command') command(d.commandIds[0] ?? d.inputId, d.type, undefined);
    else {
      const input = this.index.input(d.inputId);
      const walk = (item: DecisionInput, parent: string | undefined): void => {
        if (!isBatch(item)) return command(item.id, item.type, parent);
        const id = nodeIds.input(item.id);
        const items = commandCount(item);
        // a batch failed when every command in it was rejected (an all-or-nothing batch inside an accepted one, too)
        const failed = commandIds(item).every((c) => rejected.has(c));
        out.push({ id, kind: 'batch', type: `Batch ${item.id}`, sub: `${item.mode} · ${counted(items, 'command')}${parent ? '' : ` · worker ${d.worker}`}`, time: d.endedAt, outcome: failed ? 'rejected' : 'accepted', flow: d.type, ...(parent ? { parent } : {}) });
        item.items.forEach((child) => walk(child, id));
      };
      if (input && isBatch(input)) walk(input, undefined);
      else {
        const id = nodeIds.input(d.inputId);
        out.push({ id, kind: 'batch', type: `Batch ${d.inputId}`, sub: `${counted(d.commandIds.length, 'command')} · worker ${d.worker}`, time: d.endedAt, outcome: d.accepted ? 'accepted' : 'rejected', flow: d.type });
        for (const c of d.commandIds) command(c, 'command', id);
      }
    }
    for (const seq of d.eventSeqs) {
      const e = this.index.event(seq);
      if (e) this.eventRecords(e, typeOf.get(e.causationId) ?? e.type, out);
    }
  }

  /** What the events `seqs` broke, by the command that caused them (empty: nothing broke, as in most decisions). */
  private brokeByCommand(seqs: readonly number[]): Map<string, BrokenInvariant[]> {
    const out = new Map<string, BrokenInvariant[]>();
    if (this.violations.length === 0) return out;
    for (const seq of seqs) {
      const broke = this.brokeOf(seq);
      const e = broke && this.index.event(seq);
      if (e) out.set(e.causationId, [...(out.get(e.causationId) ?? []), ...broke]);
    }
    return out;
  }

  /** What the enactment of event `seq` broke (undefined: nothing). */
  private brokeOf(seq: number): BrokenInvariant[] | undefined {
    if (this.violations.length === 0) return undefined;
    if (!this.brokeBySeq) {
      const by = new Map<number, BrokenInvariant[]>();
      for (const v of this.violations) {
        const stream = this.index.event(v.eventSeq)?.stream ?? '';
        by.set(v.eventSeq, [...(by.get(v.eventSeq) ?? []), { invariant: v.invariant, stream, message: v.message, event: nodeIds.event(v.eventSeq) }]);
      }
      this.brokeBySeq = by;
    }
    return this.brokeBySeq.get(seq);
  }

  private eventRecords(e: LogEntry, flow: string, out: CausalRecord[]): void {
    const id = nodeIds.event(e.seq);
    const broke = this.brokeOf(e.seq);
    out.push({ id, kind: 'event', type: e.type, sub: `#${e.seq} · ${e.stream}`, time: e.appendedAt, outcome: 'event', stream: e.stream, causationId: nodeIds.command(e.causationId), correlationId: e.correlationId, flow, ...(broke ? { broke } : {}) });
    // one enactment per consumer: its last attempt decides the colour
    const last = new Map<string, ReturnType<TraceIndex['attemptsOf']>[number]>();
    for (const a of this.index.attemptsOf(e.seq)) last.set(a.consumer, a);
    for (const [consumer, a] of last) {
      const ok = a.outcome === 'enacted' || a.outcome === 'duplicate';
      out.push({ id: nodeIds.enactment(consumer, e.seq), kind: 'enactment', type: consumer, sub: `${a.outcome}${a.attempt > 1 ? ` after ${a.attempt} attempts` : ''} · t=${a.end}`, time: a.end, outcome: ok ? 'enacted' : 'failed', stream: e.stream, causationId: id, flow });
    }
  }

  /** Details of node `id`. */
  detail(id: string): NodeDetail | undefined {
    const node = parseNodeId(id);
    if (!node) return undefined;
    const { index } = this;
    if (node.kind === 'event' || node.kind === 'enactment') {
      const e = index.event(node.seq);
      if (!e) return undefined;
      const attempts = node.kind === 'enactment' ? index.attemptsOf(node.seq).filter((a) => a.consumer === node.consumer) : undefined;
      return {
        facts: [['stream', e.stream], ['appended', `${e.appendedAt} ms (seq ${e.seq})`], ['caused by', e.causationId], ['correlation', e.correlationId]],
        payload: e.data,
        ...(attempts ? { attempts: attempts.map((a) => ({ attempt: a.attempt, worker: a.worker, start: a.start, end: a.end, outcome: a.outcome })) } : {}),
        changes: this.changesOf([node.seq]),
      };
    }
    const d = index.decision(index.decisionOf(node.id) ?? -1);
    const command = index.command(node.id);
    const rejection = d?.rejections.find((r) => r.commandId === node.id)?.rejection;
    const facts: [string, string][] = d
      ? [
          ['worker', String(d.worker)],
          ['arrived', `${d.arrivedAt} ms`],
          ['started', `${d.startedAt} ms`],
          ['ended', `${d.endedAt} ms`],
          ['state version read', `${d.stateVersion}${d.lag > 0 ? ` (${d.lag} events not yet enacted: stale)` : d.stale ? ' (stale: another decision changed a stream it read before it ended)' : ''}`],
          ...(d.partitionKey ? [['partition key', d.partitionKey] as [string, string]] : []),
          ['input', `${d.inputId} (${d.kind})`],
        ]
      : node.kind === 'command' ? [['decided', 'in setup, before time 0']] : [];
    if (command?.actor) facts.push(['actor', `${command.actor} · timestamp ${command.at} ms`]);
    const seqs = node.kind === 'command' ? this.seqsOf(node.id, d) : [];
    return {
      facts,
      ...(rejection ? { reason: { code: rejection.code, message: rejection.message } } : {}),
      ...(command && node.kind === 'command' ? { payload: command.data } : {}),
      changes: node.kind === 'rejection' ? [] : this.changesOf(seqs),
    };
  }

  /** The seqs of the events command `commandId` caused (`d`: its decision; undefined: a setup command). */
  seqsOf(commandId: string, d: DecisionRecord | undefined): number[] {
    if (d) return d.eventSeqs.filter((s) => this.index.event(s)?.causationId === commandId);
    const out: number[] = [];
    for (let seq = this.index.firstSeqOf(commandId), e = seq === undefined ? undefined : this.index.event(seq); e && e.causationId === commandId; e = this.index.event(e.seq + 1)) out.push(e.seq);
    return out;
  }

  private changesOf(seqs: readonly number[]): NodeDetail['changes'] {
    const history = this.index.trace.history;
    return seqs.flatMap((seq) => {
      const step = this.index.stepOfSeq(seq);
      if (step === undefined) return [];
      const h = history[step];
      return [{ stream: h.stream, step: stepNumber(step), before: h.prevStep < 0 ? undefined : history[h.prevStep].after, after: h.after }];
    });
  }

  /** The history step node `id` corresponds to: its event's enactment, or its command's first event's. */
  stepOf(id: string): number | undefined {
    const node = parseNodeId(id);
    if (!node) return undefined;
    if (node.kind === 'event' || node.kind === 'enactment') return this.index.stepOfSeq(node.seq);
    const d = this.index.decision(this.index.decisionOf(node.id) ?? -1);
    const seqs = node.kind === 'batch' && d ? d.eventSeqs : this.seqsOf(node.id, d);
    for (const s of seqs) {
      const step = this.index.stepOfSeq(s);
      if (step !== undefined) return step;
    }
    return undefined;
  }
}

/** The ids of the commands in an input, nested batches' included. */
const commandIds = (input: DecisionInput): string[] => (isBatch(input) ? input.items.flatMap(commandIds) : [input.id]);

/** Commands in a batch, nested ones included. */
const commandCount = (input: DecisionInput): number => (isBatch(input) ? input.items.reduce((n, i) => n + commandCount(i), 0) : 1);
