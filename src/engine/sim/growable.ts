/** Growable typed arrays for per-command numbers (latencies, counters): no boxing, no per-item objects. */

/** A growable Float64Array with `push`. */
export class Float64List {
  data: Float64Array = new Float64Array(1024);
  length = 0;

  /** Makes room for `capacity` values up front (one allocation instead of repeated doubling). */
  reserve(capacity: number): void {
    if (capacity > this.data.length) this.data = growF64(this.data, capacity);
  }

  /** Appends a value. */
  push(value: number): void {
    if (this.length === this.data.length) this.data = growF64(this.data, this.length + 1);
    this.data[this.length++] = value;
  }

  /** The values as a fresh, trimmed array. */
  toArray(): Float64Array {
    return this.data.slice(0, this.length);
  }
}

/** A growable Int32Array addressed by index (zero-filled). */
export class Int32Table {
  data: Int32Array = new Int32Array(1024);

  /** Makes room for indexes below `capacity` up front. */
  reserve(capacity: number): void {
    if (capacity > this.data.length) this.data = growI32(this.data, capacity);
  }

  /** Sets `data[index] = value`, growing as needed. */
  set(index: number, value: number): void {
    if (index >= this.data.length) this.data = growI32(this.data, index + 1);
    this.data[index] = value;
  }
}

/** A growable Float64Array addressed by index. */
export class Float64Table {
  data: Float64Array = new Float64Array(1024);

  /** Makes room for indexes below `capacity` up front. */
  reserve(capacity: number): void {
    if (capacity > this.data.length) this.data = growF64(this.data, capacity);
  }

  /** Sets `data[index] = value`, growing as needed. */
  set(index: number, value: number): void {
    if (index >= this.data.length) this.data = growF64(this.data, index + 1);
    this.data[index] = value;
  }
}

const sizeFor = (length: number, min: number): number => {
  let size = Math.max(1024, length * 2);
  while (size < min) size *= 2;
  return size;
};

function growF64(array: Float64Array, min: number): Float64Array {
  const next = new Float64Array(sizeFor(array.length, min));
  next.set(array);
  return next;
}

function growI32(array: Int32Array, min: number): Int32Array {
  const next = new Int32Array(sizeFor(array.length, min));
  next.set(array);
  return next;
}
