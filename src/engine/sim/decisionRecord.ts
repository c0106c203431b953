/** The trace entry of one finished decision. */
import { isBatch, type Outcome, type Rejection } from '../../../domain/kernel';
import type { DecisionRecord } from '../types';
import type { Job } from './job';

/** What a worker decided for `job`, ending at `endedAt`, with the seqs of the events it appended. */
export function decisionRecord(job: Job, outcome: Outcome, eventSeqs: number[], endedAt: number): DecisionRecord {
  const input = job.input;
  const rejections: { commandId: string; rejection: Rejection }[] = [];
  const commandIds: string[] = [];
  collect(outcome, commandIds, rejections);
  const record: DecisionRecord = {
    inputId: input.id,
    kind: isBatch(input) ? 'batch' : 'command',
    commandIds,
    type: isBatch(input) ? input.mode : input.type,
    worker: job.worker,
    arrivedAt: job.arrivedAt,
    startedAt: job.startedAt,
    endedAt,
    stateVersion: job.stateVersion,
    lag: job.lag,
    stale: job.stale,
    accepted: outcome.accepted,
    rejections,
    eventSeqs,
  };
  return job.keys ? { ...record, partitionKey: job.keys.join(',') } : record;
}

function collect(o: Outcome, ids: string[], rejections: { commandId: string; rejection: Rejection }[]): void {
  if (o.kind === 'batch') {
    for (const item of o.items) collect(item, ids, rejections);
    return;
  }
  ids.push(o.command.id);
  if (!o.accepted && o.rejection) rejections.push({ commandId: o.command.id, rejection: o.rejection });
}
