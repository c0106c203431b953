/**
 * kafkajs 2.2.4 arms its request queue's timer with `throttledUntil - Date.now()` while
 * `throttledUntil` still holds its initial -1 (RequestQueue.scheduleCheckPendingRequests;
 * tulios/kafkajs#1751, its fixes #1755/#1756 unreleased), so on Node ≥ 24 every connection prints
 * `TimeoutNegativeWarning: -17… is a negative number. Timeout duration was set to 1.` No client
 * option avoids it; the delay of 1 ms is what kafkajs meant ("check soon"). This mutes exactly that
 * warning — its name, raised under kafkajs's code — and lets every other warning through.
 */

/** Whether a warning is kafkajs's negative timeout: `name` TimeoutNegativeWarning, raised with kafkajs's code on `stack`. */
export function isKafkajsNegativeTimeout(name: string, stack: string): boolean {
  return name === 'TimeoutNegativeWarning' && /[\\/]node_modules[\\/]kafkajs[\\/]/.test(stack);
}

/** The name of what `process.emitWarning(warning, typeOrOptions)` emits (Node's rules: an Error's name, else the type, else `Warning`). */
function warningName(warning: unknown, typeOrOptions: unknown): string {
  if (warning instanceof Error) return warning.name;
  if (typeof typeOrOptions === 'string') return typeOrOptions;
  const type = (typeOrOptions as { type?: unknown } | undefined)?.type;
  return typeof type === 'string' ? type : 'Warning';
}

/**
 * Drops kafkajs's negative-timeout warning from `proc.emitWarning` (Node's timers raise it
 * through it); every other warning is emitted as before. Returns the function that undoes it.
 */
export function muteKafkajsNegativeTimeout(proc: Pick<NodeJS.Process, 'emitWarning'> = process): () => void {
  const emit = proc.emitWarning;
  const filtered = function (this: unknown, warning: string | Error, ...rest: unknown[]): void {
    if (warningName(warning, rest[0]) === 'TimeoutNegativeWarning' && isKafkajsNegativeTimeout('TimeoutNegativeWarning', new Error().stack ?? '')) return;
    return (emit as (...args: unknown[]) => void).call(proc, warning, ...rest);
  };
  proc.emitWarning = filtered as NodeJS.Process['emitWarning'];
  return () => {
    if (proc.emitWarning === filtered) proc.emitWarning = emit;
  };
}
