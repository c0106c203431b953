/**
 * The first half of the domain's reading of scanned events (../domainCheck `accept`: the type
 * matched, the payload checked against the type's schema), made where the events are framed
 * (./framedBatch) when the domain can run there — a bundled one — so the inspecting thread only
 * names the stream (`streamed`, the second half). The same `accept` on the same event (renamed by
 * the map's `types` as the inspection renames it) gives the same answer on either thread; an event
 * it refuses is left to the inspecting thread, which reads it whole again and words the problem.
 * Pure.
 */
import type { DomainCheck } from '../domainCheck';
import { Int32Table } from '../../engine/sim/growable';
import type { EventRecord } from '../types';

/** Per record of a batch: the domain type of an event the domain accepted (an index into `names`), or -1. */
export interface DomainVerdicts {
  readonly names: readonly string[];
  readonly type: Int32Array;
}

/** Collects the verdicts of a batch's records, one `add` per record. */
export class VerdictBuilder {
  private names: string[] = [];
  private nameIndex = new Map<string, number>();
  private readonly type = new Int32Table();
  private count = 0;

  constructor(
    private readonly check: DomainCheck,
    private readonly renames: ReadonlyMap<string, string>,
  ) {}

  /** The next record: a scanned event (its payload parsed), or undefined for a record that was not. */
  add(e: EventRecord | undefined): void {
    const i = this.count++;
    this.type.set(i, -1);
    if (e === undefined) return;
    const renamed = this.renames.get(e.type);
    const accepted = this.check.accept(renamed !== undefined ? { ...e, type: renamed } : e, undefined);
    if (!('kind' in accepted)) this.type.data[i] = this.nameOf(accepted.type);
  }

  private nameOf(name: string): number {
    let index = this.nameIndex.get(name);
    if (index === undefined) {
      index = this.names.length;
      this.names.push(name);
      this.nameIndex.set(name, index);
    }
    return index;
  }

  /** The verdicts since the last `take`. */
  take(): DomainVerdicts {
    const verdicts: DomainVerdicts = { names: this.names, type: this.type.data.slice(0, this.count) };
    this.names = [];
    this.nameIndex = new Map();
    this.count = 0;
    return verdicts;
  }
}

/** An event the domain accepted: its domain type and its payload. */
export interface Accepted {
  readonly type: string;
  readonly data: unknown;
}

/** Record `i`'s event as the domain accepted it (with the payload built here), or undefined: the inspection reads it. */
export function verdictOf(verdicts: DomainVerdicts | undefined, i: number, data: unknown): Accepted | undefined {
  if (verdicts === undefined) return undefined;
  const type = verdicts.type[i];
  return type < 0 ? undefined : { type: verdicts.names[type], data };
}
