/** A set of positive event seq numbers as a growable bitmap (one bit per event, no hashing). */
export class SeqSet {
  private bits = new Uint32Array(1024);

  /** Whether `seq` is in the set. */
  has(seq: number): boolean {
    const word = seq >>> 5;
    return word < this.bits.length && (this.bits[word] & (1 << (seq & 31))) !== 0;
  }

  /** Adds `seq`. */
  add(seq: number): void {
    const word = seq >>> 5;
    if (word >= this.bits.length) {
      let size = this.bits.length * 2;
      while (size <= word) size *= 2;
      const grown = new Uint32Array(size);
      grown.set(this.bits);
      this.bits = grown;
    }
    this.bits[word] |= 1 << (seq & 31);
  }
}
