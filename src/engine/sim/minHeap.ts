/**
 * The engine's one binary min-heap: the simulation's future (timed events) and the schedulers'
 * ready jobs (by arrival) both keep their items in one. `before(x, y)` orders them; ties must
 * be broken by the caller (a sequence number), so the order is total and runs replay exactly.
 */
export class MinHeap<T> {
  private readonly items: T[] = [];

  constructor(private readonly before: (x: T, y: T) => boolean) {}

  /** Number of items held. */
  get size(): number {
    return this.items.length;
  }

  /** The first item, left in place (undefined when empty). */
  peek(): T | undefined {
    return this.items[0];
  }

  /** Adds an item. */
  push(item: T): void {
    const heap = this.items;
    let i = heap.length;
    heap.push(item);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(item, heap[parent])) break;
      heap[i] = heap[parent];
      i = parent;
    }
    heap[i] = item;
  }

  /** Removes and returns the first item. */
  pop(): T | undefined {
    const heap = this.items;
    const n = heap.length;
    if (n === 0) return undefined;
    const top = heap[0];
    const last = heap.pop()!;
    if (n > 1) {
      const size = n - 1;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= size) break;
        const r = l + 1;
        const m = r < size && this.before(heap[r], heap[l]) ? r : l;
        if (!this.before(heap[m], last)) break;
        heap[i] = heap[m];
        i = m;
      }
      heap[i] = last;
    }
    return top;
  }
}
