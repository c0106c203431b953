import type { DecisionRecord, LogEntry, Trace } from '../../../../src/engine/types';
import { commandId, eventId, type CommandEnvelope, type DecisionInput } from '../../../../domain/kernel';
import type { CausalRecord } from '../../../../renderer/lib/reader/graphSource';
import { TraceGraph } from '../../../../renderer/lib/reader/traceGraph';
import { TraceIndex } from '../../../../renderer/lib/reader/traceIndex';

const decision = (d: Partial<DecisionRecord> & Pick<DecisionRecord, 'inputId' | 'commandIds' | 'type'>): DecisionRecord => ({
  kind: 'command', worker: 0, arrivedAt: 0, startedAt: 0, endedAt: 1, stateVersion: 0, lag: 0, accepted: true, rejections: [], eventSeqs: [], ...d,
});
const event = (seq: number, type: string, cause: string, stream = 'profile:p1'): LogEntry => ({
  id: eventId(`${cause}.${seq}`), type, data: {}, stream, causationId: commandId(cause), correlationId: cause, at: 0, seq, appendedAt: seq,
});

/** A batch [c1 AddProfile, c2 AddGalleryImage] accepted, then c3 rejected; events enacted by "state". */
export function smallTrace(): Trace {
  return {
    run: 'one queue',
    decisions: [
      decision({ inputId: 'b1', kind: 'batch', type: 'all-or-nothing', commandIds: ['c1', 'c2'], eventSeqs: [1, 2] }),
      decision({ inputId: 'c3', type: 'AddGalleryImage', commandIds: ['c3'], accepted: false, endedAt: 5, rejections: [{ commandId: 'c3', rejection: { code: 'duplicate-image', message: 'img-1 is already there' } }] }),
    ],
    log: [event(1, 'ProfileAdded', 'c1'), event(2, 'GalleryImageAdded', 'c2')],
    attempts: [
      { consumer: 'state', eventSeq: 1, attempt: 1, worker: 0, start: 1, end: 1, outcome: 'enacted' },
      { consumer: 'state', eventSeq: 2, attempt: 1, worker: 0, start: 2, end: 2, outcome: 'enacted' },
    ],
    history: [
      { step: 0, eventSeq: 1, t: 1, stream: 'profile:p1', prevStep: -1, after: { gallery: [] } },
      { step: 1, eventSeq: 2, t: 2, stream: 'profile:p1', prevStep: 0, after: { gallery: ['img-1'] } },
    ],
    queueDepth: [], workers: [], consumerQueueDepth: {}, deadLetters: {}, outputs: {},
  };
}

/** A trace with `orders` single-command decisions, each producing one event enacted once (3 nodes each). */
export function bigTrace(orders: number): Trace {
  const t = smallTrace();
  return {
    ...t,
    decisions: Array.from({ length: orders }, (_, i) => decision({ inputId: `c${i + 1}`, type: 'PlaceOrder', commandIds: [`c${i + 1}`], endedAt: i, eventSeqs: [i + 1] })),
    log: Array.from({ length: orders }, (_, i) => event(i + 1, 'OrderPlaced', `c${i + 1}`, `order:o${i + 1}`)),
    attempts: Array.from({ length: orders }, (_, i) => ({ consumer: 'state', eventSeq: i + 1, attempt: 1, worker: 0, start: i, end: i, outcome: 'enacted' as const })),
  };
}

const command = (id: string, type: string): CommandEnvelope => ({ id: commandId(id), type, data: {}, at: 0 });

/** The scenario inputs of smallTrace: the batch b1 [c1, c2], then c3. */
export const smallInputs = (): { setup: DecisionInput[]; arrivals: { input: DecisionInput }[] } => ({
  setup: [],
  arrivals: [{ input: { kind: 'batch', id: 'b1', mode: 'all-or-nothing', items: [command('c1', 'AddProfile'), command('c2', 'AddGalleryImage')] } }, { input: command('c3', 'AddGalleryImage') }],
});

/** Every causal record of a trace, as the run reader gives them. */
export const recordsOf = (trace: Trace, inputs?: ReturnType<typeof smallInputs>): readonly CausalRecord[] => new TraceGraph(new TraceIndex(trace, () => inputs)).window(undefined, Number.MAX_SAFE_INTEGER).records;
