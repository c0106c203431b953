/** Small walks over decision inputs and outcomes (commands of a batch, service time, partition keys). */
import { isBatch, type AnyDecider, type CommandEnvelope, type DecisionInput, type StateView } from '../../../domain/kernel';
import { draw, type Random } from '../random';
import type { Duration } from '../types';

/** Number of commands in an input (a batch counts its items, nested ones included). */
export function commandCount(input: DecisionInput): number {
  if (!isBatch(input)) return 1;
  let n = 0;
  for (const item of input.items) n += commandCount(item);
  return n;
}

/** The virtual time a decision takes: one draw per command, summed over a batch. */
export function serviceTime(input: DecisionInput, serviceMs: Duration, random: Random): number {
  if (typeof serviceMs === 'number') return isBatch(input) ? serviceMs * commandCount(input) : serviceMs;
  if (!isBatch(input)) return draw(serviceMs, random);
  let total = 0;
  for (const item of input.items) total += serviceTime(item, serviceMs, random);
  return total;
}

/** Every command of an input, depth-first. */
export function commandsOf(input: DecisionInput, out: CommandEnvelope[] = []): CommandEnvelope[] {
  if (!isBatch(input)) out.push(input);
  else for (const item of input.items) commandsOf(item, out);
  return out;
}

/**
 * A command's partition keys: the data field named by `field` (one key), else the domain's
 * `partitionKey` (one key or several: every aggregate the command may touch). Never empty.
 */
export function partitionKeyOf(decider: AnyDecider, command: CommandEnvelope, state: StateView<unknown>, field: string | undefined): readonly string[] {
  if (field === undefined) {
    const keys = decider.partitionKey(command, state);
    return typeof keys === 'string' ? [keys] : keys.length > 0 ? keys : [''];
  }
  const data = command.data as Record<string, unknown> | null;
  const value = typeof data === 'object' && data !== null && Object.hasOwn(data, field) ? data[field] : undefined;
  return [value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value)];
}

/** The distinct partition keys of an input's commands, in order (a batch holds all its items' keys). */
export function partitionKeysOf(decider: AnyDecider, input: DecisionInput, state: StateView<unknown>, field: string | undefined): readonly string[] {
  if (!isBatch(input)) {
    const keys = partitionKeyOf(decider, input, state, field);
    return keys.length === 1 || new Set(keys).size === keys.length ? keys : [...new Set(keys)];
  }
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const command of commandsOf(input))
    for (const key of partitionKeyOf(decider, command, state, field))
      if (!seen.has(key)) {
        seen.add(key);
        keys.push(key);
      }
  return keys;
}
