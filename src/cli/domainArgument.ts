/**
 * Which domain a command line works with (domain-modules.md, "Naming a module"): a bundled
 * domain's id, or a domain module's path — a scenario's `domain` (relative to the scenario's
 * folder) or `--domain PATH` (relative to the working directory), which overrides it. A module
 * is opened in its worker (../modules/moduleHost) and closed when the command is done.
 */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { AnyDomainModule, DomainInfo } from '../../domain/kernel';
import { bundledDomain } from '../engine/module/bundled';
import { isModuleReference } from '../engine/scenario/parse';
import { isModuleFileName } from '../engine/module/moduleFile';
import { ModuleHost } from '../modules/moduleHost';
import { InputFileError, UsageError, type CliIO } from './io';
import { printable } from './printable';
import { bundledIds } from '../../domain';
import { parseJsonText } from '../engine/jsonText';
import { didYouMeanText } from '../engine/text/didYouMean';

/** The domain a command runs with: its checks, and the module's host when it is a module. */
export interface ChosenDomain {
  readonly info: DomainInfo;
  readonly host?: ModuleHost;
  /** A bundled domain chosen by id (runs in this thread). */
  readonly module?: AnyDomainModule;
  /** How messages and reports name it: the module's path as typed (a scenario's module: joined to the scenario's path as typed) or the bundled id. */
  readonly name: string;
}

/** Opens the module at `path` (relative to the working directory), runs `use`, and closes it. */
export async function withModule<T>(path: string, io: CliIO, use: (host: ModuleHost) => Promise<T>): Promise<T> {
  const host = await ModuleHost.open(path, io.cwd);
  try {
    return await use(host);
  } finally {
    await host.close();
  }
}

/** A `--domain` value: a bundled id, or a module path opened now. Unknown ids are usage errors. */
export async function chooseDomain(value: string, io: CliIO): Promise<ChosenDomain> {
  if (!isModuleReference(value)) {
    const bundled = bundledDomain(value);
    if (!bundled) throw new UsageError(`unknown domain "${printable(value, 60)}"${didYouMeanText(value, bundledIds)} (bundled: ${bundledIds.join(', ')}; a domain module is a path: ./bank.ts)`);
    return { info: bundled, module: bundled, name: value };
  }
  const host = await ModuleHost.open(value, io.cwd);
  return { info: host.info, host, name: value };
}

/**
 * The domain of a scenario file: `--domain` when given, else the file's `domain` when it names a
 * module (opened relative to the file's folder); undefined for a bundled id (the parser looks it up)
 * and for a path that cannot be a module (the parser says why).
 */
export async function scenarioDomain(scenarioFile: string, text: string, override: string | undefined, io: CliIO): Promise<ChosenDomain | undefined> {
  if (override !== undefined) return chooseDomain(override, io);
  const reference = domainField(text);
  // a path no loader opens (not .ts/.mts/.js/.mjs) is the file's problem: the parser names the file and its `domain` field
  if (reference === undefined || !isModuleFileName(reference)) return undefined;
  const absolute = resolve(io.cwd, dirname(scenarioFile), reference);
  // named as the user typed the scenario's path: absolute when it was, else from the working directory
  const path = isAbsolute(reference) ? reference : join(dirname(scenarioFile), reference);
  // the scenario names a file that is not there: say which scenario and field, and where it looked
  if (!existsSync(absolute)) throw new InputFileError(`${printable(scenarioFile, 120)}: domain: ${JSON.stringify(printable(reference, 120))} names no file (looked for ${printable(path, 200)})`);
  const host = await ModuleHost.open(path, io.cwd);
  return { info: host.info, host, name: path };
}

/** The top-level `domain` string of a scenario's text, if it parses (else the parser reports the file). */
function domainField(text: string): string | undefined {
  try {
    const value = parseJsonText(text);
    const domain = typeof value === 'object' && value !== null ? (value as { domain?: unknown }).domain : undefined;
    return typeof domain === 'string' ? domain : undefined;
  } catch {
    return undefined;
  }
}
