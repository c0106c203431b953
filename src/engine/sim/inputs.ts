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

/** A command's partition key: the data field named by `field`, else the domain's `partitionKey`. */
export function partitionKeyOf(decider: AnyDecider, command: CommandEnvelope, state: StateView<unknown>, field: string | undefined): string {
  if (field === undefined) return decider.partitionKey(command, state);
  const data = command.data as Record<string, unknown> | null;
  const value = typeof data === 'object' && data !== null ? data[field] : undefined;
  return value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
}

/** The distinct partition keys of an input's commands, in order. */
export function partitionKeysOf(decider: AnyDecider, input: DecisionInput, state: StateView<unknown>, field: string | undefined): string[] {
  if (!isBatch(input)) return [partitionKeyOf(decider, input, state, field)];
  const keys: string[] = [];
  for (const command of commandsOf(input)) {
    const key = partitionKeyOf(decider, command, state, field);
    if (!keys.includes(key)) keys.push(key);
  }
  return keys;
}
