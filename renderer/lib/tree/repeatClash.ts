/**
 * Whether the copies of a repeat clash, found by deciding rather than guessed from field names:
 * the scenario with the repeat cut to two copies arriving back to back, whose two copies are
 * dry-run in turn. Copies clash when the first is accepted and the second rejected (an order
 * placed twice: `duplicate-order`); withdrawing twice from one account is no clash while the
 * money lasts. Any domain, any rejection code. Pure.
 */
import type { Outcome } from '../../../domain/kernel';
import type { RepeatNode, Scenario, ScenarioNode } from '../../../src/engine/types';
import { isFixedId } from './errorPlaces';

/** A repeat's copies clash: the rejection of the second copy after the first was accepted. */
export interface RepeatClash {
  readonly code: string;
  readonly message: string;
}

const isRepeat = (node: ScenarioNode | undefined): node is RepeatNode => node !== undefined && Object.hasOwn(node, 'repeat');

/** `template` with its fixed ids (a node's `id`, a payload's `…Id` field; those named in `fields` only, when given) numbered per copy (`o-1` → `o-1-{n}`). */
export function withNumberedIds(template: unknown, fields?: readonly string[], key = ''): unknown {
  if (typeof template === 'string') return isFixedId(key, template) && (!fields || fields.includes(key)) ? `${template}-{n}` : template;
  if (Array.isArray(template)) return template.map((v) => withNumberedIds(v, fields, key));
  if (typeof template === 'object' && template !== null) return Object.fromEntries(Object.entries(template).map(([k, v]) => [k, withNumberedIds(v, fields, k)]));
  return template;
}

/**
 * `scenario` with its top-level node `index` (a repeat) cut to two copies arriving at the same
 * time, one right after the other (no `every`, no jitter); `numbered`: with those fixed ids of
 * the template numbered per copy. Undefined when that node is not a repeat.
 */
export function twoCopies(scenario: Scenario, index: number, numbered?: readonly string[]): Scenario | undefined {
  const node = scenario.commands[index];
  if (!isRepeat(node)) return undefined;
  const pair: RepeatNode = { repeat: 2, template: numbered ? (withNumberedIds(node.template, numbered) as ScenarioNode) : node.template, ...(node.at !== undefined ? { at: node.at } : {}) };
  return { ...scenario, commands: scenario.commands.map((n, i) => (i === index ? pair : n)) };
}

/** The rejection of an outcome: a command's, or a failed batch's root cause (else its first rejected item's). */
export function rejectionOf(outcome: Outcome): RepeatClash | undefined {
  if (outcome.kind === 'command') return outcome.accepted || !outcome.rejection ? undefined : { code: outcome.rejection.code, message: outcome.rejection.message };
  if (outcome.accepted && outcome.items.every((i) => i.accepted)) return undefined;
  const items = outcome.items.map(rejectionOf);
  const root = outcome.items.findIndex((i) => i.kind === 'command' && i.command.id === outcome.rootCause);
  return (root >= 0 ? items[root] : undefined) ?? items.find((r) => r !== undefined);
}

/** The clash of two copies decided in a row: the second's rejection when the first was accepted (undefined: no clash). */
export function clashOf(first: Outcome, second: Outcome): RepeatClash | undefined {
  return rejectionOf(first) === undefined ? rejectionOf(second) : undefined;
}
