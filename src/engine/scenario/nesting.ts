/**
 * The nesting check every scenario passes before any other: a walk with its own stack (never the
 * call stack, so it works at any depth) that finds a JSON value nested deeper than the limit.
 * Deeper files are refused, so every later walk (validation, expansion, copying, deciding
 * nested batches, cloning to a worker) stays far from the stack's limits. Pure.
 */
/** A value on the walk: where it sits (its parent and key) and how deep. */
interface Frame {
  readonly value: object;
  readonly depth: number;
  readonly parent: Frame | undefined;
  readonly key: string | number;
}

/** Segments of a long path shown at each end. */
const HEAD = 4;
const TAIL = 2;
/** Longest key shown in a path. */
const MAX_KEY = 64;

/** The first object or array nested more than `max` levels deep (the top level is level 1): its shortened path and depth. */
export function tooDeep(value: unknown, max: number): { readonly path: string; readonly depth: number } | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const stack: Frame[] = [{ value, depth: 1, parent: undefined, key: '' }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    if (frame.depth > max) return { path: pathOf(frame), depth: frame.depth };
    const v = frame.value as Record<string, unknown>;
    const keys: (string | number)[] = Array.isArray(v) ? v.map((_, i) => i) : Object.keys(v);
    for (let i = keys.length - 1; i >= 0; i--) {
      const child = v[keys[i]];
      if (typeof child === 'object' && child !== null) stack.push({ value: child, depth: frame.depth + 1, parent: frame, key: keys[i] });
    }
  }
  return undefined;
}

/** `commands[0].items[0]…items[0].template` for a deep frame: the first and last few segments of its path. */
function pathOf(frame: Frame): string {
  const keys: (string | number)[] = [];
  for (let f: Frame | undefined = frame; f?.parent; f = f.parent) keys.push(f.key);
  keys.reverse();
  const segments = keys.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${key.length > MAX_KEY ? key.slice(0, MAX_KEY) + '…' : key}`));
  if (segments.length <= HEAD + TAIL) return segments.join('');
  return `${segments.slice(0, HEAD).join('')}…${segments.slice(-TAIL).join('').replace(/^\./, '')}`;
}
