/**
 * The RunReader over a run's full result in memory: the one implementation, whatever the run's
 * size. The engine worker holds one for the latest result and serves it over Comlink; tests use
 * it directly. Each run's lookups, state cursor, timeline and graph are built on first use.
 */
import { bundledDomain } from '../../../src/engine/module/bundled';
import type { AnyDomainModule } from '../../../domain/kernel';
import { expandScenario } from '../../../src/engine/scenario/expand';
import { StateCursor } from '../../../src/engine/report/stateCursor';
import { withStateStore } from '../../../src/engine/sim/consumers';
import { redriveDeadLetters, type RedriveResult } from '../../../src/engine/redrive';
import type { EngineServices } from '../../../src/engine/consumers/interpreter';
import type { RunResult } from '../../../src/engine/api';
import type { ConsumerConfig, LogEntry, RunConfig, Scenario, Trace, Violation } from '../../../src/engine/types';
import { checkRealComparison, compareRealRun, readRealFile, runOfRealRun, type SimulatedRunSide } from '../../../src/sources/sinks/compareRealRun';
import { cloudEventsBatch, eventsJsonLines } from '../../../src/logs/cloudEventWriter';
import { exportHeader, exportRecords } from '../../../src/logs/exportRun';
import type { CommandEnvelope } from '../../../domain/kernel';
import { stepAtSameTime, stepAtTime } from '../history/stepAtTime';
import { TimelineIndex } from '../timeline/timelineWindow';
import type { TimeRange } from '../timeline/timelineModel';
import { consumerOutputs, outputTables } from './consumerOutputs';
import type { GraphWindow, NodeDetail } from './graphSource';
import { runCharts, runFacts } from './runCharts';
import { runOverview } from './runOverview';
import { decisionCase, emmettTestText, purestreamTestText, type DecisionCase, type ModuleImport } from '../../../src/engine/module/testText';
import { brokenDecision, type BrokenDecision } from './brokenDecision';
import type { ConsumerOutput, DecisionTests, ExportFormat, HistoryState, Page, RealRunView, RejectionAt, RunCharts, RunFacts, RunReader, RunResultView, SqlTablesToLoad } from './runReader';
import { TraceGraph } from './traceGraph';
import { parseNodeId } from '../graph/nodeIds';
import { TraceIndex, type ScenarioInputs } from './traceIndex';
import type { TimelineFrame, TimelineWindow } from './timelineSource';

/** Longest page served at once. */
export const MAX_PAGE = 10_000;

/** One run's lazily built readers. */
interface RunParts {
  readonly index: TraceIndex;
  cursor?: StateCursor;
  timeline?: TimelineIndex;
  graph?: TraceGraph;
  rejections?: readonly RejectionAt[];
}

/** Every rejected command of a trace in decision order, each after the last enactment at or before its decision's end. */
function rejectionsOf(index: TraceIndex): RejectionAt[] {
  const { decisions, history } = index.trace;
  const out: RejectionAt[] = [];
  for (const d of decisions) {
    if (d.rejections.length === 0) continue;
    const afterStep = stepAtTime(history, d.endedAt);
    for (const r of d.rejections)
      out.push({ commandId: r.commandId, type: index.command(r.commandId)?.type ?? (d.kind === 'command' ? d.type : 'command'), code: r.rejection.code, message: r.rejection.message, at: d.endedAt, afterStep });
  }
  return out;
}

/** A finished result and the scenario it ran (undefined for a stored result whose scenario is gone). */
export class TraceReader implements RunReader {
  private readonly parts: RunParts[];
  private readonly decider: AnyDomainModule | undefined;
  private expanded?: ReturnType<typeof expandScenario>;
  private overview?: RunResultView;

  constructor(
    private readonly full: RunResult,
    private readonly scenario: Scenario | undefined,
    private readonly services: () => Promise<EngineServices> = async () => ({}),
    /** The domain the result was run with when it is not a bundled one (a loaded module). */
    domain?: AnyDomainModule,
  ) {
    this.decider = domain ?? bundledDomain(full.report.domain);
    this.parts = full.traces.map((trace) => ({ index: new TraceIndex(trace, () => this.inputs()) }));
  }

  private inputs(): ScenarioInputs | undefined {
    if (!this.scenario) return undefined;
    return (this.expanded ??= expandScenario(this.scenario, this.decider));
  }

  private part(run: number): RunParts {
    const p = this.parts[run];
    if (!p) throw new Error(`no run ${run} in this result (it has ${this.parts.length})`);
    return p;
  }

  private trace(run: number): Trace {
    return this.part(run).index.trace;
  }

  private consumersOf(run: number): readonly ConsumerConfig[] {
    return this.scenario?.runs.find((r) => r.name === this.trace(run).run)?.consumers ?? [];
  }

  /** Every consumer the run had: the ones it lists and the state store the engine added (none when the scenario is not known). */
  private allConsumersOf(run: number): readonly ConsumerConfig[] {
    const config = this.scenario?.runs.find((r) => r.name === this.trace(run).run);
    return config ? withStateStore(config.consumers).configs : [];
  }

  /** The full traces (to store the result in a workspace). */
  async traces(): Promise<readonly Trace[]> {
    return this.full.traces;
  }

  async result(): Promise<RunResultView> {
    return (this.overview ??= { report: this.full.report, runs: this.full.traces.map((t) => runOverview(t, this.decider)) });
  }

  async historyState(run: number, step: number, maxStreams: number): Promise<HistoryState> {
    const p = this.part(run);
    const history = p.index.trace.history;
    const cursor = (p.cursor ??= new StateCursor(p.index.trace)).moveTo(step);
    const entry = cursor.step >= 0 ? history[cursor.step] : undefined;
    const broken: string[] = [];
    if (this.decider && cursor.size > 0) {
      // the streams broken at this step: checked over the state shown first, then as far as 50
      for (const [stream, aggregate] of cursor.streams(Math.max(maxStreams, 50_000), entry?.stream)) {
        for (const inv of this.decider.invariants) if (inv.violation(stream as never, aggregate as never) !== undefined) broken.push(`${inv.name} (${stream})`);
        if (broken.length >= 50) break;
      }
    }
    return {
      step: cursor.step,
      ...(entry ? { entry, event: p.index.event(entry.eventSeq), before: entry.prevStep < 0 ? undefined : history[entry.prevStep].after } : {}),
      streams: cursor.streams(maxStreams, entry?.stream),
      streamCount: cursor.size,
      broken,
    };
  }

  async stepAtSameTime(run: number, step: number, other: number): Promise<number> {
    return stepAtSameTime(this.trace(run).history, step, this.trace(other).history);
  }

  async stepOfNode(run: number, nodeId: string): Promise<number | undefined> {
    return this.graph(run).stepOf(nodeId);
  }

  async rejections(run: number, offset: number, limit: number): Promise<Page<RejectionAt>> {
    const p = this.part(run);
    const all = (p.rejections ??= rejectionsOf(p.index));
    const from = Math.max(0, Math.min(offset, all.length));
    return { offset: from, items: all.slice(from, from + Math.max(0, Math.min(limit, MAX_PAGE))), total: all.length };
  }

  async logPage(run: number, offset: number, limit: number): Promise<Page<LogEntry>> {
    const log = this.trace(run).log;
    const from = Math.max(0, Math.min(offset, log.length));
    return { offset: from, items: log.slice(from, from + Math.max(0, Math.min(limit, MAX_PAGE))), total: log.length };
  }

  async commands(ids: readonly string[]): Promise<readonly CommandEnvelope[]> {
    const index = this.parts[0]?.index;
    return index ? ids.flatMap((id) => index.command(id) ?? []) : [];
  }

  async consumers(run: number, rows: number): Promise<ReadonlyMap<string, ConsumerOutput>> {
    return consumerOutputs(this.part(run).index, this.allConsumersOf(run), rows);
  }

  async outputTables(run: number, consumer: string): Promise<SqlTablesToLoad> {
    const declarations = (this.decider?.sql?.tables ?? []).map((t) => ({ name: t.name, create: t.create }));
    return { declarations, rows: outputTables(this.trace(run), consumer) };
  }

  async charts(points: number): Promise<RunCharts> {
    return runCharts(this.full.traces, points);
  }

  async facts(run: number, points: number): Promise<RunFacts> {
    return runFacts(this.trace(run), points);
  }

  async compareReal(text: string, file: string): Promise<RealRunView> {
    const scenario = this.scenario;
    const decider = this.decider;
    if (!scenario || !decider) throw new Error('this result has no scenario to set a real run beside (run the scenario again)');
    const read = readRealFile(text, file);
    const side = (run: RunConfig, services: EngineServices = {}): SimulatedRunSide => {
      const index = this.runIndex(run, file);
      return { scenario, run, trace: this.trace(index), finalState: this.full.report.runs[index].finalState, decider, services };
    };
    if (read.kind === 'comparison') {
      const run = checkRealComparison(read.comparison, file, scenario, (r) => side(r));
      return { run: this.runIndex(run, file), comparison: read.comparison, from: 'comparison' };
    }
    const run = runOfRealRun(read.run.header, file, scenario);
    const services = read.run.header.consumer.interpreter === 'sql' ? await this.services() : {};
    return { run: this.runIndex(run, file), comparison: compareRealRun(read.run, file, side(run, services)), from: 'real-run' };
  }

  /** The index in this result of a run of its scenario; an Error naming `file` when the result did not run it. */
  private runIndex(run: RunConfig, file: string): number {
    const index = this.full.traces.findIndex((t) => t.run === run.name);
    if (index < 0) throw new Error(`${file}: a real run of run "${run.name}", which this result did not run: run it, then open the file again`);
    return index;
  }

  private graph(run: number): TraceGraph {
    const p = this.part(run);
    return (p.graph ??= new TraceGraph(p.index, this.full.report.runs[run]?.violations));
  }

  async graphWindow(run: number, range: TimeRange | undefined, max: number): Promise<GraphWindow> {
    return this.graph(run).window(range, max);
  }

  async nodeDetail(run: number, id: string): Promise<NodeDetail | undefined> {
    const detail = this.graph(run).detail(id);
    const broke = detail ? this.brokenDecisionsOf(run, id) : [];
    return detail && broke.length > 0 ? { ...detail, broke } : detail;
  }

  /** The decision behind each event of node `id` (an event, or a command's events) that broke an invariant: one per event, at its first violation. */
  private brokenDecisionsOf(run: number, id: string): BrokenDecision[] {
    const node = parseNodeId(id);
    const violations = this.full.report.runs[run]?.violations ?? [];
    if (!node || (node.kind !== 'event' && node.kind !== 'command') || violations.length === 0) return [];
    const index = this.part(run).index;
    const seen = new Set<number>();
    return violations.flatMap((v) => {
      const event = seen.has(v.eventSeq) ? undefined : index.event(v.eventSeq);
      if (!event || (node.kind === 'event' ? event.seq !== node.seq : event.causationId !== node.id)) return [];
      seen.add(v.eventSeq);
      return this.decisionBehind(run, v) ?? [];
    });
  }

  private timeline(run: number): TimelineIndex {
    const p = this.part(run);
    const report = this.full.report.runs[run];
    return (p.timeline ??= new TimelineIndex(p.index.trace, this.consumersOf(run), { violations: report?.violations, store: this.storeOf(run), maxWorkers: report?.metrics.maxWorkers }));
  }

  /** The name of the run's state store, listed or added by the engine (undefined: the scenario is not known). */
  private storeOf(run: number): string | undefined {
    const config = this.scenario?.runs.find((r) => r.name === this.trace(run).run);
    if (!config) return undefined;
    const { configs, storeIndex } = withStateStore(config.consumers);
    return configs[storeIndex]?.name;
  }

  async timelineFrame(run: number): Promise<TimelineFrame> {
    return this.timeline(run).frame;
  }

  async timelineWindow(run: number, range: TimeRange, maxBars: number, buckets: number): Promise<TimelineWindow> {
    return this.timeline(run).window(range, maxBars, buckets);
  }

  async exportLog(run: number, format: ExportFormat): Promise<string> {
    const scenario = this.scenario;
    const inputs = this.inputs();
    if (!scenario || !inputs || !this.decider) throw new Error('this result has no scenario to export its log from (run the scenario again)');
    const trace = this.trace(run);
    const config = scenario.runs.find((r) => r.name === trace.run);
    const authorize = config?.authorize ?? false;
    const records = exportRecords({ decider: this.decider, trace, setup: inputs.setup, arrivals: (inputs as ReturnType<typeof expandScenario>).arrivals, authorize });
    return format === 'cloudevents' ? cloudEventsBatch(records, scenario.domain) : eventsJsonLines(exportHeader(scenario.domain, scenario.name, trace.run, authorize), records);
  }

  async redrive(run: number, consumer: string): Promise<RedriveResult> {
    if (!this.scenario) throw new Error('this result has no scenario to re-drive (run the scenario again)');
    return redriveDeadLetters(this.scenario, this.trace(run).run, consumer, await this.services(), this.decider);
  }

  /** Command `commandId`'s decision in run `run`, as a test states it (undefined: see decisionCase; or no scenario or domain known). */
  private decisionCaseOf(run: number, commandId: string): DecisionCase | undefined {
    const inputs = this.inputs();
    if (!inputs || !this.decider) return undefined;
    const all = [...inputs.setup, ...(inputs as ReturnType<typeof expandScenario>).arrivals.map((a) => a.input)];
    return decisionCase(this.decider, this.trace(run), all, commandId);
  }

  async decisionTests(run: number, commandId: string, module: ModuleImport): Promise<DecisionTests | undefined> {
    const found = this.decisionCaseOf(run, commandId);
    if (!found || !this.decider) return undefined;
    return { purestream: purestreamTestText(found, module), emmett: emmettTestText(found, module, this.decider.shape) };
  }

  async brokenDecision(run: number): Promise<BrokenDecision | undefined> {
    const violation = this.full.report.runs[run]?.violations[0];
    return violation ? this.decisionBehind(run, violation) : undefined;
  }

  /** The decision behind `violation` of run `run` (undefined: its event is not in the trace). */
  private decisionBehind(run: number, violation: Violation): BrokenDecision | undefined {
    const report = this.full.report.runs[run];
    const index = this.part(run).index;
    const event = index.event(violation.eventSeq);
    if (!event || !report) return undefined;
    const invariant = this.decider?.invariants.find((i) => i.name === violation.invariant);
    const atEnd = invariant && Object.hasOwn(report.finalState, event.stream) ? invariant.violation(event.stream as never, report.finalState[event.stream] as never) : undefined;
    return brokenDecision(violation, index, this.graph(run), this.decisionCaseOf(run, event.causationId), atEnd);
  }

}
