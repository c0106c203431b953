/** The state store as a decision reads it, noting each stream read (for stale-read detection). */
import type { StateView } from '../../../domain/kernel';

/** A view of a state that appends every stream read to `reads` (the simulation sets it per decision). */
export class ReadRecorder implements StateView<unknown> {
  reads: string[] = [];
  constructor(private readonly state: StateView<unknown>) {}

  /** Reads a stream's aggregate and notes the stream. */
  get(stream: string): unknown {
    this.reads.push(stream);
    return this.state.get(stream);
  }
}
