/**
 * Parses and validates a `purestream/scenario@1` file (../../../shared/spec/scenario.md).
 * Collects every error of the file in one pass, each naming its JSON path
 * (`commands[3].items[0].data.qty`) or, for JSON syntax errors, its line and column. A file
 * nested deeper than MAX_DEPTH is refused first, with one error (./nesting). On success every
 * default is filled in. Pure.
 */
import { bundledIds } from '../../../domain';
import type { DomainInfo } from '../../../domain/kernel';
import { bundledDomain } from '../module/bundled';
import { isModuleFileName, NOT_A_MODULE } from '../module/moduleFile';
import type { ParseResult } from '../api';
import type { InputError, RunConfig, Scenario } from '../types';
import { array, describe, integer, knownKeys, names, object, string, type Errors, type Json } from './check';
import { MAX_DEPTH, thousands } from './limits';
import { locateJsonError } from './locateJsonError';
import { tooDeep } from './nesting';
import { validateNodes } from './validateNodes';
import { defaultRun, validateRuns } from './validateRuns';
import { withoutBom } from '../jsonText';

/** The format tag every scenario file carries. */
export const SCENARIO_FORMAT = 'purestream/scenario@1';
const TOP_KEYS = ['format', 'name', 'description', 'domain', 'seed', 'setup', 'commands', 'runs'];

/** What a caller may give the parser besides the file. */
export interface ParseOptions {
  /**
   * The domain to validate against, overriding the file's `domain` (a domain module loaded by
   * the caller, whose `domain` names its file; or `--domain`). Without it `domain` must be the id
   * of a bundled domain.
   */
  readonly domain?: DomainInfo;
}

/** True when a scenario's `domain` names a module file (`./bank.ts`) rather than a bundled domain's id. */
export const isModuleReference = (domain: string): boolean => /[\\/]/.test(domain) || isModuleFileName(domain);

/**
 * Why a scenario's `domain`, a path, cannot name a domain module (it is no .ts, .mts, .js or
 * .mjs file, so no loader would open it), or undefined when it can or is no path.
 */
export function notAModule(domain: string): string | undefined {
  if (!isModuleReference(domain) || isModuleFileName(domain)) return undefined;
  return `${describe(domain)} is ${NOT_A_MODULE}, or a bundled domain's id (${names(bundledIds)})`;
}

/**
 * Parses a scenario from JSON text or an already-parsed value. `source` (a file name) is not
 * part of the error paths: callers prefix it when they print (see {@link scenarioErrorsText}).
 */
export function parseScenario(input: string | unknown, source?: string, options: ParseOptions = {}): ParseResult {
  void source;
  let value: unknown = input;
  if (typeof input === 'string') {
    // a leading byte-order mark is not part of the JSON (editors on Windows write one)
    const text = withoutBom(input);
    try {
      value = JSON.parse(text);
    } catch (e) {
      return { ok: false, errors: [syntaxError(text, e instanceof Error ? e.message : String(e))] };
    }
  }
  const deep = tooDeep(value, MAX_DEPTH);
  if (deep) return { ok: false, errors: [{ path: deep.path, message: `nested ${thousands(deep.depth)} levels deep; a scenario file may nest at most ${thousands(MAX_DEPTH)} levels` }] };
  const errors: Errors = [];
  const scenario = validateScenario(value, errors, options);
  return scenario && errors.length === 0 ? { ok: true, scenario } : { ok: false, errors };
}

function validateScenario(value: unknown, errors: Errors, options: ParseOptions): Scenario | undefined {
  const top = object(value, '', errors, 'a scenario object');
  if (!top) return undefined;
  knownKeys(top, '', TOP_KEYS, errors);
  if (top.format !== SCENARIO_FORMAT)
    errors.push({ path: 'format', message: top.format === undefined ? `is required: "${SCENARIO_FORMAT}"` : `expected "${SCENARIO_FORMAT}", got ${describe(top.format)}` });
  const name = string(top, 'name', '', errors, { required: true });
  const description = top.description === undefined ? '' : typeof top.description === 'string' ? top.description : (errors.push({ path: 'description', message: `expected a string, got ${describe(top.description)}` }), '');
  const seed = integer(top, 'seed', '', errors) ?? 1;
  const domainId = string(top, 'domain', '', errors, { required: true });
  const decider = options.domain ?? (domainId === undefined ? undefined : bundledDomain(domainId));
  if (domainId !== undefined && !decider)
    errors.push({
      path: 'domain',
      message: notAModule(domainId) ?? (isModuleReference(domainId)
        ? `${describe(domainId)} names a domain module, which has to be loaded first (the command line loads it: purestream run <scenario.json>)`
        : `unknown domain ${describe(domainId)}; known domains: ${names(bundledIds)}`),
    });
  const setup = array(top, 'setup', '', errors) ?? [];
  const commands = array(top, 'commands', '', errors, { required: true, nonEmpty: true });
  const runs = array(top, 'runs', '', errors, { nonEmpty: true });
  // Every part is checked whatever else is wrong; without a known domain, command types and data are not.
  const ids = new Map<string, string>();
  const setupNodes = validateNodes(decider, setup, 'setup', errors, ids);
  const commandNodes = validateNodes(decider, Array.isArray(top.commands) ? top.commands : [], 'commands', errors, ids);
  const runConfigs = runs === undefined ? [defaultRun(decider)] : (validateRuns(decider, runs, 'runs', errors).filter(Boolean) as RunConfig[]);
  if (!decider || name === undefined || commands === undefined) return undefined;
  return {
    format: SCENARIO_FORMAT,
    name,
    description,
    domain: decider.id,
    seed,
    setup: setupNodes,
    commands: commandNodes,
    runs: runConfigs,
    extensions: extensionsOf(top),
  };
}

const extensionsOf = (top: Json): Record<string, unknown> => Object.fromEntries(Object.entries(top).filter(([k]) => k.startsWith('x-')));

/** A JSON syntax error located by line and column. */
function syntaxError(text: string, engineMessage: string): InputError {
  const located = locateJsonError(text);
  if (located) return { path: `line ${located.line}, column ${located.column}`, message: `invalid JSON: ${located.reason}` };
  return { path: 'line 1, column 1', message: `invalid JSON: ${engineMessage}` };
}

/** The problems a list shows, each once: without those that repeat at another place a problem listed at its `sameAs` (a run name two runs share). */
export const listedProblems = (errors: readonly InputError[]): readonly InputError[] => (errors.some((e) => e.repeat) ? errors.filter((e) => !e.repeat) : errors);

/** Formats errors for a terminal: one `<file>: <path>: <message>` line each, a clash of two places once ({@link listedProblems}). */
export function scenarioErrorsText(errors: readonly InputError[], file: string): string {
  return listedProblems(errors).map((e) => `${file}: ${e.path}: ${e.message}\n`).join('');
}
