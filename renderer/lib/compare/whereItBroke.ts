/**
 * "Where it broke" as plain text parts, the one model of the decision behind an invariant
 * violation (a BrokenDecision) that every page says it with: the exported comparison
 * (brokeSection.ts), Compare's "Where it broke" and the graph's node details. The broken stream's
 * fields that changed as the decision read them, just before its event and just after it; when
 * the engine found the decision's read stale (DecisionRecord.stale), that it decided on a state
 * that was no longer there — how correct decisions oversell. Pure.
 */
import { diffLeaves } from '../../../src/engine/report/compareRuns';
import type { BrokenDecision } from '../reader/brokenDecision';
import { truncate } from '../text/truncate';
import { showValue, valueAt } from './compareModel';
import { quoted } from './whyHints';

/** Fields of the stream shown at most. */
export const MAX_FIELDS = 20;

/** The broken stream at the decision's moments: what it read, just before its event, after it. */
export interface DecisionReading {
  readonly stream: string;
  readonly eventSeq: number;
  /** The moments, in order: "it read" (absent when what it read is not known), "just before #203", "after #203". */
  readonly moments: readonly string[];
  /** Each field that changed between two moments ("stock"; "(value)" for a bare value), its value shown at each moment ("—": absent). */
  readonly rows: readonly { readonly field: string; readonly cells: readonly string[] }[];
  /** How many more fields changed than the rows show (at most MAX_FIELDS). */
  readonly more: number;
  /** Said when the engine found the read stale (DecisionRecord.stale): other decisions changed the stream in between. */
  readonly stale?: string;
}

/** One run's "Where it broke". */
export interface WhereItBroke {
  /** The run's name, as given. */
  readonly run: string;
  /** “8 workers”: stock-non-negative at t=210 ms */
  readonly heading: string;
  /** The command, its data as short JSON text (absent when not known). */
  readonly command: { readonly id: string; readonly type: string; readonly data?: string };
  /** "decided by worker 0 from 200 to 210 ms" (absent: no decision known, as for a setup command). */
  readonly decided?: string;
  /** The events it decided, data as short JSON text; `broke`: the one whose enactment broke the invariant. */
  readonly events: readonly { readonly seq: number; readonly type: string; readonly stream: string; readonly data: string; readonly broke: boolean }[];
  readonly reading: DecisionReading;
  readonly invariant: string;
  /** The invariant's message on the event's aggregate ("stock of tee@main is -1"). */
  readonly message: string;
  /** How the stream ended: "Still broken at the end: stock of tee@main is -4." or "stock:tee@main was allowed again by the end." */
  readonly end: string;
}

/** A JSON value as short text (at most 300 characters). */
const shortJson = (v: unknown): string => truncate(JSON.stringify(v) ?? 'undefined', 300);

/** The stream's changed fields at the decision's moments, and whether its read was stale. */
export function decisionReading(broke: BrokenDecision): DecisionReading {
  const seq = broke.eventSeq;
  const moments: { label: string; value: unknown }[] = [
    ...(broke.read ? [{ label: 'it read', value: broke.read.aggregate }] : []),
    { label: `just before #${seq}`, value: broke.before },
    { label: `after #${seq}`, value: broke.after },
  ];
  const paths = new Map<string, readonly string[]>();
  for (let i = 1; i < moments.length; i++) for (const d of diffLeaves(moments[i - 1].value, moments[i].value)) paths.set(JSON.stringify(d.path), d.path);
  const shown = [...paths.values()].slice(0, MAX_FIELDS);
  return {
    stream: broke.stream,
    eventSeq: seq,
    moments: moments.map((m) => m.label),
    rows: shown.map((path) => ({ field: path.join('.') || '(value)', cells: moments.map((m) => showValue(valueAt(m.value, path))) })),
    more: paths.size - shown.length,
    // the engine's own verdict on the read (DecisionRecord.stale), as Metrics counts it: a diff of the state read
    // with the one before the breaking event would also count the decision's own earlier events
    ...(broke.decision?.stale ? { stale: `Between its read and #${seq}, other decisions changed ${broke.stream}: it decided on a state that was no longer there.` } : {}),
  };
}

/** Run `run`'s "Where it broke" from the decision behind its first violation. */
export function whereItBroke(run: string, broke: BrokenDecision): WhereItBroke {
  const { command, decision } = broke;
  return {
    run,
    heading: `${quoted(run)}: ${broke.invariant} at t=${broke.atMs} ms`,
    command: { id: command.id, type: command.type, ...('data' in command ? { data: shortJson(command.data) } : {}) },
    ...(decision ? { decided: `decided by worker ${decision.worker} from ${decision.startedAt} to ${decision.endedAt} ms` } : {}),
    events: broke.events.map((e) => ({ seq: e.seq, type: e.type, stream: e.stream, data: shortJson(e.data), broke: e.seq === broke.eventSeq })),
    reading: decisionReading(broke),
    invariant: broke.invariant,
    message: broke.message,
    end: broke.atEnd !== undefined ? `Still broken at the end: ${broke.atEnd}.` : `${broke.stream} was allowed again by the end.`,
  };
}
