/**
 * Records framed on one thread and read on another (Node's file inspection, ../node/framingThread):
 * a batch holds the records framed from a stretch of the file — their texts one after another,
 * each record's line — and, where a record is plainly a purestream event, its envelope read by
 * the purestream profile's own scanner (../profiles/purestreamScan), the fingerprint of its
 * text (../facts/hash) and its payload parsed — a flat one packed as columns (./flatData) — so
 * the thread that inspects only builds payloads and folds. Reading a batch
 * gives the inspection exactly what feeding it the records one by one gives (an agreement test
 * compares both on every fixture). Pure.
 */
import { hash53 } from '../facts/hash';
import { tooDeep } from '../json/recordDepth';
import { Float64Table, Int32Table } from '../../engine/sim/growable';
import { FlatPacker, FlatReader, NOT_PACKED, type FlatColumns } from './flatData';
import { dataOf, NOT_DATA, scanEnvelope, scannedEvent } from '../profiles/purestreamScan';
import type { EventRecord } from '../types';

/** Numbers per record in `FramedBatch.scans`. */
const FIELDS = 8;
const SEQ = 0;
const AT = 1;
const ID_START = 2;
const ID_END = 3;
const DATA_START = 4;
const DATA_END = 5;
const TYPE = 6;
const FINGERPRINT = 7;

/** The envelope fields of a scanned event record that are rarely there: stream, causationId, correlationId. */
export type Extras = readonly [string | undefined, string | undefined, string | undefined];

/** Records framed from a stretch of a file (structured-cloneable: sent between threads). */
export interface FramedBatch {
  /** The records' texts, one after another. */
  readonly text: string;
  /** Per record: where its text ends in `text` (it starts where the previous one ends). */
  readonly ends: Int32Array;
  /** Per record: the line it starts on. */
  readonly lines: Int32Array;
  /** Per record, FIELDS numbers (offsets into `text`): seq, at, id start and end, data start and end, type (index into `types`), fingerprint; seq is NaN when the record was not scanned. */
  readonly scans: Float64Array;
  readonly types: readonly string[];
  /** By record index, for scanned records that have any of them. */
  readonly extras: ReadonlyMap<number, Extras>;
  /** Problems of the file's structure, each reported before record `before`; `record`: the start of a record that could not be framed (StructureSink). */
  readonly problems: readonly { readonly before: number; readonly message: string; readonly line: number; readonly record?: string }[];
  /** The scanned records' payloads that are flat, packed. */
  readonly flat: FlatColumns;
  /** Characters of the file framed up to the end of this batch. */
  readonly chars: number;
}

/** Collects framed records (`record`, `problem`: a framer's sinks) into batches. */
export class BatchBuilder {
  private parts: string[] = [];
  private length = 0;
  private count = 0;
  private readonly ends = new Int32Table();
  private readonly lines = new Int32Table();
  private readonly scans = new Float64Table();
  private types: string[] = [];
  private typeIndex = new Map<string, number>();
  private extras = new Map<number, Extras>();
  private problems: { before: number; message: string; line: number; record?: string }[] = [];
  private readonly packer = new FlatPacker();

  /** Records held so far. */
  get size(): number {
    return this.count;
  }

  /** Takes one record's text (a framer's record sink). */
  record = (text: string, line: number): void => {
    const start = this.length;
    const index = this.count++;
    this.parts.push(text);
    this.length += text.length;
    this.ends.set(index, this.length);
    this.lines.set(index, line);
    const s = index * FIELDS;
    this.scans.reserve(s + FIELDS);
    const scans = this.scans.data;
    const e = text.charCodeAt(0) === 123 && !tooDeep(text) ? scanEnvelope(text) : undefined;
    const data = e === undefined || e.id.length === 0 || e.type.length === 0 ? NOT_DATA : dataOf(text, e.dataStart, e.dataEnd);
    if (e === undefined || data === NOT_DATA) {
      scans[s + SEQ] = Number.NaN;
      this.packer.add(undefined);
      return;
    }
    let type = this.typeIndex.get(e.type);
    if (type === undefined) {
      type = this.types.length;
      this.types.push(e.type);
      this.typeIndex.set(e.type, type);
    }
    this.packer.add(data, type);
    scans[s + SEQ] = e.seq;
    scans[s + AT] = e.at;
    scans[s + ID_START] = start + e.idStart;
    scans[s + ID_END] = start + e.idEnd;
    scans[s + DATA_START] = start + e.dataStart;
    scans[s + DATA_END] = start + e.dataEnd;
    scans[s + TYPE] = type;
    scans[s + FINGERPRINT] = hash53(text);
    if (e.stream !== undefined || e.causationId !== undefined || e.correlationId !== undefined) this.extras.set(index, [e.stream, e.causationId, e.correlationId]);
  };

  /** Takes a problem of the file's structure (a framer's structure sink). */
  problem = (message: string, line: number, record?: string): void => {
    this.problems.push({ before: this.count, message, line, ...(record !== undefined ? { record } : {}) });
  };

  /** The batch of everything taken since the last one (`chars`: the file's characters framed so far). */
  take(chars: number): FramedBatch {
    const batch: FramedBatch = {
      text: this.parts.join(''),
      ends: this.ends.data.slice(0, this.count),
      lines: this.lines.data.slice(0, this.count),
      scans: this.scans.data.slice(0, this.count * FIELDS),
      types: this.types,
      extras: this.extras,
      problems: this.problems,
      flat: this.packer.take(),
      chars,
    };
    this.parts = [];
    this.length = 0;
    this.count = 0;
    this.types = [];
    this.typeIndex = new Map();
    this.extras = new Map();
    this.problems = [];
    return batch;
  }
}

/** What reads a batch: an inspection (../logInspector). */
export interface BatchReader {
  /** A record's text, as a framer gives it. */
  record(text: string, line: number): void;
  /** A problem of the file's structure or of a record that could not be framed, as a framer gives it. */
  structural(message: string, line: number, record?: string): void;
  /** Whether scanned records are read as such now (the purestream profile, chosen and scanning). */
  readonly takesScanned: boolean;
  /** A scanned event record, with the fingerprint of its text. */
  scanned(e: EventRecord, line: number, fingerprint: number): void;
}

/** Feeds a batch's records and problems to `reader` in the file's order. */
export function readBatch(batch: FramedBatch, reader: BatchReader): void {
  const { text, ends, lines, scans, types, extras, problems } = batch;
  const flat = new FlatReader(batch.flat);
  let p = 0;
  let start = 0;
  for (let i = 0; i < ends.length; i++) {
    while (p < problems.length && problems[p].before === i) reader.structural(problems[p].message, problems[p].line, problems[p++].record);
    const s = i * FIELDS;
    const end = ends[i];
    const seq = scans[s + SEQ];
    // seq is NaN when the record was not scanned
    if (seq === seq && reader.takesScanned) {
      const packed = flat.data(i);
      const data = packed !== NOT_PACKED ? packed : dataOf(text, scans[s + DATA_START], scans[s + DATA_END]);
      if (data !== NOT_DATA) {
        const x = extras.get(i);
        const e = scannedEvent(seq, scans[s + AT], text.slice(scans[s + ID_START], scans[s + ID_END]), types[scans[s + TYPE]], x?.[0], x?.[1], x?.[2], data);
        reader.scanned(e, lines[i], scans[s + FINGERPRINT]);
        start = end;
        continue;
      }
    }
    reader.record(text.slice(start, end), lines[i]);
    start = end;
  }
  while (p < problems.length) reader.structural(problems[p].message, problems[p].line, problems[p++].record);
}
