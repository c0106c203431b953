/**
 * Records a state history as the engine's trace and the log inspector share it: one step per
 * enactment with the touched aggregate after it and the stream's previous step — O(1) per
 * event, never a copy of the whole state.
 */
import type { HistoryStep } from '../types';

/** An append-only state history (mutable; one per state store or replay). */
export class HistoryRecorder {
  readonly steps: HistoryStep[] = [];
  private readonly lastStep = new Map<string, number>();

  /** Appends the step of event `eventSeq` at time `t` that left `stream` as `after`. */
  record(eventSeq: number, t: number, stream: string, after: unknown, violations?: readonly string[]): void {
    const step = this.steps.length;
    const prevStep = this.lastStep.get(stream) ?? -1;
    this.lastStep.set(stream, step);
    this.steps.push(violations ? { step, eventSeq, t, stream, prevStep, after, violations } : { step, eventSeq, t, stream, prevStep, after });
  }
}
