/**
 * A set of small whole numbers (worker ids `0..capacity-1`) that finds its lowest member in
 * O(log32 capacity): a bitmap with one summary bitmap per level above it (a bit is set when the
 * word below is not empty). A million ids take four levels, so taking or freeing a worker costs
 * the same with one idle worker or a million.
 */
export class IdSet {
  /** levels[0] has a bit per id; levels[k + 1] a bit per non-empty word of levels[k]; the last has one word. */
  private readonly levels: Uint32Array[] = [];
  /** Number of ids in the set. */
  size = 0;

  constructor(readonly capacity: number) {
    let words = Math.max(1, Math.ceil(capacity / 32));
    for (;;) {
      this.levels.push(new Uint32Array(words));
      if (words === 1) break;
      words = Math.ceil(words / 32);
    }
  }

  /** Whether `id` is in the set. */
  has(id: number): boolean {
    return (this.levels[0][id >>> 5] & (1 << (id & 31))) !== 0;
  }

  /** Adds `id` (in range). */
  add(id: number): void {
    if (this.has(id)) return;
    this.size++;
    for (let level = 0, i = id; level < this.levels.length; level++, i >>>= 5) {
      const words = this.levels[level];
      const before = words[i >>> 5];
      words[i >>> 5] = before | (1 << (i & 31));
      if (before !== 0) return; // the summaries above already say this word is not empty
    }
  }

  /** Removes `id`. */
  delete(id: number): void {
    if (!this.has(id)) return;
    this.size--;
    for (let level = 0, i = id; level < this.levels.length; level++, i >>>= 5) {
      const words = this.levels[level];
      const after = words[i >>> 5] & ~(1 << (i & 31));
      words[i >>> 5] = after;
      if (after !== 0) return; // the word still has members: the summaries stay as they are
    }
  }

  /** Adds every id in `from..to-1` (for filling a new set in O(count / 32)). */
  addRange(from: number, to: number): void {
    for (let id = from; id < to; ) {
      if ((id & 31) === 0 && id + 32 <= to && this.levels[0][id >>> 5] === 0) {
        this.levels[0][id >>> 5] = 0xffffffff;
        this.size += 32;
        for (let level = 1, i = id >>> 5; level < this.levels.length; level++, i >>>= 5) {
          const words = this.levels[level];
          const before = words[i >>> 5];
          words[i >>> 5] = before | (1 << (i & 31));
          if (before !== 0) break;
        }
        id += 32;
      } else this.add(id++);
    }
  }

  /** The lowest id in the set, or -1 when it is empty. */
  lowest(): number {
    const levels = this.levels;
    let i = 0;
    for (let level = levels.length - 1; level >= 0; level--) {
      const word = levels[level][i];
      if (word === 0) return -1;
      i = i * 32 + (31 - Math.clz32(word & -word));
    }
    return i;
  }
}
