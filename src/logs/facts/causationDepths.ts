/**
 * The longest causation chain of a log (logs.md, `causation.maxDepth`: edges on the longest
 * chain), whatever order its records are read in. Each record's depth is its cause's depth + 1
 * (0 for a root, or an orphan whose cause is not in the log) and is known at once when the cause
 * was read first — the usual order. An effect read before its cause (records of one flow on two
 * Kafka partitions, a log merged from several) is remembered with its cause's id; once that id
 * is read, the depths are worked out again from every record's cause, so the answer is the same
 * in any order. A cycle of causes (a broken log) is cut where it closes. Pure.
 *
 * Entries are the indices of the inspection's id table (ids, addresses and causes named); a
 * record with neither id nor address is a leaf: only its cause is kept.
 */
export class CausationDepths {
  private depth: Int32Array;
  /** The entry of each entry's cause + 1 (0: none known). */
  private parent: Int32Array;
  private max = 0;
  /** Records whose cause was not read yet: their entries (-1: none) and the cause's id, side by side (no object per orphan: a log's orphans can be most of its records). */
  private lateEntry: number[] = [];
  private lateAddress: number[] = [];
  private lateCause: string[] = [];
  /** The causes' entries of records with neither id nor address. */
  private readonly leafCauses: number[] = [];

  constructor(expectedEntries: number) {
    const n = Math.max(1024, expectedEntries);
    this.depth = new Int32Array(n);
    this.parent = new Int32Array(n);
  }

  /** Makes room for entry `entry`; returns it. */
  room(entry: number): number {
    if (entry >= this.depth.length) {
      const size = Math.max(entry + 1, this.depth.length * 2);
      const depth = new Int32Array(size);
      depth.set(this.depth);
      const parent = new Int32Array(size);
      parent.set(this.parent);
      this.depth = depth;
      this.parent = parent;
    }
    return entry;
  }

  /**
   * A record read: its id's entry and its address's (-1: none), its cause's entry (-1: no cause
   * or one not read yet) and, when not read yet, the cause's id.
   */
  record(entry: number, address: number, cause: number, lateCause?: string): void {
    const depth = cause >= 0 ? this.depth[cause] + 1 : 0;
    if (depth > this.max) this.max = depth;
    if (entry >= 0) {
      this.depth[entry] = depth;
      this.parent[entry] = cause + 1;
    }
    if (address >= 0) {
      this.depth[address] = depth;
      this.parent[address] = cause + 1;
    }
    if (lateCause !== undefined) {
      this.lateEntry.push(entry);
      this.lateAddress.push(address);
      this.lateCause.push(lateCause);
    }
    else if (cause >= 0 && entry < 0 && address < 0) this.leafCauses.push(cause);
  }

  /** The longest chain's edges; `find` gives an id's entry (-1: not in the log). */
  maxDepth(find: (id: string) => number): number {
    if (this.lateCause.length === 0) return this.max;
    let resolved = false;
    let kept = 0;
    for (let i = 0; i < this.lateCause.length; i++) {
      const entry = this.lateEntry[i];
      const address = this.lateAddress[i];
      const c = find(this.lateCause[i]);
      if (c < 0) {
        this.lateEntry[kept] = entry;
        this.lateAddress[kept] = address;
        this.lateCause[kept++] = this.lateCause[i];
        continue;
      }
      resolved = true;
      if (entry < 0 && address < 0) this.leafCauses.push(c);
      if (entry >= 0) this.parent[entry] = c + 1;
      if (address >= 0) this.parent[address] = c + 1;
    }
    this.lateEntry.length = this.lateAddress.length = this.lateCause.length = kept;
    if (resolved) this.recompute();
    return this.max;
  }

  /** Every entry's depth from its cause's, walking each chain once (a cycle is cut where it closes). */
  private recompute(): void {
    const n = this.depth.length;
    const state = new Uint8Array(n); // 0 not yet, 1 on the walk, 2 done
    const walk: number[] = [];
    let max = 0;
    for (let start = 0; start < n; start++) {
      let e = start;
      while (state[e] === 0 && this.parent[e] !== 0) {
        state[e] = 1;
        walk.push(e);
        e = this.parent[e] - 1;
      }
      let d: number;
      if (state[e] === 2) d = this.depth[e];
      else if (state[e] === 1) d = -1; // a cycle: the entry it closes on counts as its start
      else {
        state[e] = 2;
        this.depth[e] = d = 0;
      }
      while (walk.length > 0) {
        const s = walk.pop()!;
        this.depth[s] = ++d;
        state[s] = 2;
        if (d > max) max = d;
      }
    }
    for (const c of this.leafCauses) if (this.depth[c] + 1 > max) max = this.depth[c] + 1;
    this.max = max;
  }
}
