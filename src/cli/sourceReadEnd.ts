/**
 * How a read of a live source that ended normally ends (`purestream inspect URL`, README
 * "Checkpoints"): its exit code, what stdout and stderr say, and whether its checkpoint is
 * written — for a tail ended before anything came, a chain of reads caught up at its checkpoint,
 * a read caught up at its `--from`, a read of nothing (bad input: an empty source, a position past
 * its end, a stream it lacks) and a read of something (its verdict under `--fail-on`). Pure: the
 * command (./commands/inspectSource) carries it out.
 */
import { EXIT } from './io';
import type { Verdict } from './failOn';
import { printable } from './printable';

/** What the read gave, as the ending needs it (texts already made printable where they came from the source). */
export interface SourceReadFacts {
  /** The source as shown (password hidden). */
  readonly display: string;
  /** Where the read started, in words (`position 41`, `the end (--from end)`). */
  readonly started: string;
  readonly records: number;
  /** The position to resume after, when there is one. */
  readonly position: string | undefined;
  /** The line a read without a checkpoint ends with (./commands/inspectSource's `resumeLine`). */
  readonly resume: string;
  readonly json: boolean;
  /** A tail (`--until live`) ended by Ctrl-C or SIGTERM. */
  readonly tailEnded: boolean;
  /** The report's `nothingRead` (no event read), when it has one. */
  readonly nothingRead: string | undefined;
  /** Nothing new after a `--from` position, the end or a time that the source reaches: caught up. */
  readonly caughtUp: boolean;
  /** What the read could not find (a stream `stream=` names), when it says. */
  readonly absent: string | undefined;
  /** Why nothing came after where the read started (no records; a position past the source's last). */
  readonly nothingAfter: string;
  /** `--checkpoint FILE`: the file, the position it resumed after (when it existed), and whether the read has states to keep in it. */
  readonly checkpoint?: { readonly file: string; readonly resumedAfter: string | undefined; readonly kept: boolean };
  /** The `--fail-on` verdict when the report fails it (./failOn's `failingVerdict`). */
  readonly failing: Verdict | undefined;
  /** The notes on `--fail-on` kinds the read cannot find (./failOn's `cannotFireNotes`), said after a report of something read. */
  readonly cannotFire: readonly string[];
}

/** How the read ends. */
export interface SourceReadEnd {
  readonly exit: typeof EXIT.ok | typeof EXIT.badInput | typeof EXIT.violation;
  /** What stdout gets: the report, a line in its place (a tail or a chain with nothing new, without --json), or nothing (bad input). */
  readonly stdout: 'report' | { readonly line: string } | 'nothing';
  /** What stderr says after stdout (notes, the resume or checkpoint line). */
  readonly stderr: string;
  /** `write`: the checkpoint is written before anything is printed; `unchanged`: kept as it is; `none`: no --checkpoint, or nothing to keep. */
  readonly checkpoint: 'write' | 'unchanged' | 'none';
  /** The verdict: said on stderr at the very end, with its exit code. */
  readonly failing?: Verdict;
}

/** How a read that ended normally ends (see the file's doc). */
export function sourceReadEnd(r: SourceReadFacts): SourceReadEnd {
  const cp = r.checkpoint;
  const file = cp ? printable(cp.file) : '';
  const unchanged = cp?.resumedAfter !== undefined && r.records === 0;
  const checkpoint = !cp ? 'none' : unchanged ? 'unchanged' : cp.kept && r.position !== undefined ? 'write' : 'none';
  // the line the read ends with: where the next read resumes, and whether the checkpoint says it
  const last =
    checkpoint === 'unchanged'
      ? `no new position read: checkpoint ${file} resumes after position ${cp!.resumedAfter}, unchanged\n`
      : checkpoint === 'write'
        ? `last position read: ${r.position} (written to checkpoint ${file}: the next read with it resumes there)\n`
        : r.resume;
  const display = printable(r.display);
  if (r.records === 0 && r.tailEnded) {
    // a tail ended before anything new came: not bad input, just nothing to report
    const line = `${display}: nothing new read: no record came after ${r.started} before the tail was ended (0 events)${r.absent !== undefined ? `; ${printable(r.absent, 400)}` : ''}\n`;
    return { exit: EXIT.ok, stdout: r.json ? 'report' : { line }, stderr: last, checkpoint };
  }
  if (r.nothingRead !== undefined && unchanged && r.caughtUp) {
    // a chain of reads that has caught up: nothing new since the checkpoint, which stays as it is
    const line = `${display}: nothing new read after position ${cp!.resumedAfter}, where checkpoint ${file} resumed (0 events; the file is unchanged)\n`;
    return { exit: EXIT.ok, stdout: r.json ? 'report' : { line }, stderr: last, checkpoint };
  }
  // nothing new since the position: a normal outcome of an incremental read, the (empty) report with a note
  if (r.nothingRead !== undefined && r.caughtUp) return { exit: EXIT.ok, stdout: 'report', stderr: `note: nothing after ${r.started}: the read is caught up (0 events)\n${last}`, checkpoint };
  if (r.nothingRead !== undefined) {
    const why = r.records === 0 ? (r.absent !== undefined ? printable(r.absent, 400) : r.nothingAfter) : printable(r.nothingRead, 400);
    // a checkpoint past the source's end (a stream or store made anew): the chain cannot go on from it
    const stale = unchanged ? `; checkpoint ${file} resumes after position ${cp!.resumedAfter}, which this source does not reach: delete it to read from the start` : '';
    return { exit: EXIT.badInput, stdout: 'nothing', stderr: `0 events read from ${r.display}: ${why}${stale}\n${r.resume}`, checkpoint: 'none' };
  }
  // a gate on what could not be checked is bad input: the checkpoint does not move past it (it moves on exit 0 or 3 only)
  const kept = r.failing?.exit === EXIT.badInput && checkpoint === 'write' ? 'none' : checkpoint;
  return { exit: r.failing?.exit ?? EXIT.ok, stdout: 'report', stderr: (kept === checkpoint ? last : r.resume) + r.cannotFire.join(''), checkpoint: kept, ...(r.failing !== undefined ? { failing: r.failing } : {}) };
}
