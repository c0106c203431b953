/**
 * Where a scenario's validation problems belong in the editor: the tree node a problem's JSON
 * path falls in (so the node gets a marker and selecting it shows the message beside its
 * field), the problem in words, and the ids a repeat template would give all its copies.
 * Pure.
 */
import type { InputError } from '../../../src/engine/types';
import { getAt, keyOf, kindOf, type NodePath, type RawDoc } from './nodePath';

/** A JSON path as written in messages (`commands[0].template.data.orderId`) split into steps. */
export function stepsOf(jsonPath: string): (string | number)[] {
  const steps: (string | number)[] = [];
  for (const m of jsonPath.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) steps.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  return steps;
}

/** The deepest tree node (command, batch, repeat, offline group) a JSON path lies in, or undefined (a run, the top level). */
export function nodeOfPath(raw: RawDoc, jsonPath: string): NodePath | undefined {
  const steps = stepsOf(jsonPath);
  if (steps[0] !== 'commands' && steps[0] !== 'setup') return undefined;
  let found: NodePath | undefined;
  for (let n = 2; n <= steps.length; n++) {
    const prefix = steps.slice(0, n);
    const last = prefix.at(-1);
    if (typeof last !== 'number' && last !== 'template') continue;
    if (kindOf(getAt(raw, prefix)) !== 'unknown') found = prefix;
  }
  return found ?? (steps.length >= 2 && typeof steps[1] === 'number' ? steps.slice(0, 2) : undefined);
}

/** How many problems each tree node has, by node key (see keyOf). */
export function problemsByNode(raw: RawDoc, errors: readonly InputError[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of errors) {
    const path = nodeOfPath(raw, e.path);
    if (path) out.set(keyOf(path), (out.get(keyOf(path)) ?? 0) + 1);
  }
  return out;
}

/** The lists of a scenario and what one entry of each is, for "add at least one command". */
const LISTS: Readonly<Record<string, string>> = { commands: 'command', setup: 'command', items: 'item', runs: 'run' };
/** What the scenario check says of an empty list that needs an entry (src/engine/scenario/check.ts). */
const EMPTY_LIST = 'expected at least one entry';

/**
 * A problem in words: the field it names (`orderId: …`), or, for a problem of a whole list, the
 * list (`commands: add at least one command`) — never a bare message that says not of what.
 */
export function inWords(e: InputError): string {
  const steps = stepsOf(e.path);
  const last = steps.at(-1);
  if (typeof last === 'string' && Object.hasOwn(LISTS, last)) return `${last}: ${e.message === EMPTY_LIST ? `add at least one ${LISTS[last]}` : e.message}`;
  const field = [...steps].reverse().find((s): s is string => typeof s === 'string' && !['items', 'template', 'commands', 'setup'].includes(s));
  return field ? `${field}: ${e.message}` : e.message;
}

/** Whether a template's string is an id every copy would share: a node's `id` or a payload's `…Id` field, not empty, without `{n}` or `{i}`. */
export const isFixedId = (key: string, value: string): boolean => (key === 'id' || /Id$/.test(key)) && value !== '' && !/\{[ni]\}/.test(value);

/** The fixed ids (a command's or batch's `id`, a payload's `…Id` fields) a repeat's template would give every copy, in template order. */
export function repeatedIds(template: unknown): { readonly key: string; readonly value: string }[] {
  const out: { key: string; value: string }[] = [];
  const walk = (v: unknown, key: string): void => {
    if (typeof v === 'string') {
      if (isFixedId(key, v)) out.push({ key, value: v });
    } else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  walk(template, '');
  return out;
}
