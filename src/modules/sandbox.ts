/**
 * Runs a bundled module in a `node:vm` context that has only what pure code needs: the
 * language's built-ins, a `console` writing to stderr, and the purity traps (../engine/module/
 * purityTraps) — no `require`, `process`, `fetch`, timers or file system, and no code generation
 * from strings (`eval`, `new Function`), as under the app's CSP. Also locates the module's own
 * file:line in a stack or for a function, through the bundle's source map. Worker side.
 */
import { SourceMap, type SourceMapPayload } from 'node:module';
import { Session } from 'node:inspector';
import { join, sep } from 'node:path';
import { format } from 'node:util';
import vm from 'node:vm';
import type { CallGuard, ModuleLocator } from '../engine/module/callGuard';
import { installPurityTraps } from '../engine/module/purityTraps';
import type { Bundle } from './bundleModule';
import { PACKAGE_ROOT } from './packageRoot';

/** The folders of Purestream's own code: frames there are not "the module's own". */
const OWN_ROOTS = [join(PACKAGE_ROOT, 'src') + sep, join(PACKAGE_ROOT, 'domain') + sep];

/** What evaluating a module gives: its exports object, its realm's Date, and a locator. */
export interface Evaluated {
  readonly exports: Record<string, unknown>;
  readonly dateOf: (ms: number) => Date;
}

/** The script name stacks show for a module's bundle. */
export const scriptName = (file: string): string => `purestream-module:${file}`;

/** Evaluates `bundle` (of the module at `file`) in a fresh context guarded by `guard`; returns its exports. */
export function evaluateModule(bundle: Bundle, file: string, guard: CallGuard): Evaluated {
  const context = vm.createContext({}, { name: file, codeGeneration: { strings: false, wasm: false } });
  const global = vm.runInContext('globalThis', context) as Record<string, unknown>;
  const write = (...args: unknown[]) => void process.stderr.write(`${format(...args)}\n`);
  global.console = { log: write, info: write, warn: write, error: write, debug: write };
  installPurityTraps(global, guard);
  // strict, as the ES module the user wrote is (and as the app's worker imports it): a write to a frozen state throws
  const script = new vm.Script(`(function (exports, module) { 'use strict';\n${bundle.code}\n})`, { filename: scriptName(file) });
  const run = script.runInContext(context) as (exports: object, module: { exports: object }) => void;
  const module = { exports: {} as Record<string, unknown> };
  run(module.exports, module);
  const RealmDate = (global.Date as { prototype: object }).prototype.constructor as DateConstructor;
  return { exports: module.exports, dateOf: (ms) => new RealmDate(ms) };
}

/** Locates frames and functions of a module's bundle in the module's own files. */
export class BundleLocator implements ModuleLocator {
  private readonly map: SourceMap;
  private readonly frameRe: RegExp;
  private readonly dir: string;
  private session: Session | undefined;

  constructor(
    bundle: Bundle,
    file: string,
    private readonly shown: (path: string) => string,
  ) {
    this.map = new SourceMap(JSON.parse(bundle.map) as SourceMapPayload);
    this.dir = bundle.dir;
    const name = scriptName(file).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    this.frameRe = new RegExp(`${name}:(\\d+):(\\d+)`, 'g');
  }

  /** `file:line` of a position in the script (zero-based line and column; line 0 is the wrapper's). */
  at(line: number, column: number, ownOnly = true): string | undefined {
    const entry = this.map.findEntry(line - 1, column) as { originalSource?: string; originalLine?: number };
    if (!entry.originalSource || entry.originalLine === undefined) return undefined;
    const source = entry.originalSource.startsWith('file://') ? new URL(entry.originalSource).pathname : join(this.dir, entry.originalSource);
    if (ownOnly && (source.includes(`${sep}node_modules${sep}`) || OWN_ROOTS.some((root) => source.startsWith(root)))) return undefined;
    return `${this.shown(source)}:${entry.originalLine + 1}`;
  }

  frame(stack: string): string | undefined {
    for (const m of stack.matchAll(this.frameRe)) {
      const found = this.at(Number(m[1]) - 1, Number(m[2]) - 1);
      if (found) return found;
    }
    return undefined;
  }

  /** Where `fn` is defined, as `file:line`. */
  definition(fn: unknown): string | undefined {
    const location = this.functionLocation(fn);
    return location ? this.at(location.lineNumber, location.columnNumber) : undefined;
  }

  /** The first of a paused thread's frames (script id, zero-based line and column) in the module's own files. */
  firstOwn(frames: readonly { scriptId: string; lineNumber: number; columnNumber: number }[], scriptId: string | undefined): string | undefined {
    for (const f of frames) {
      if (f.scriptId !== scriptId) continue;
      const found = this.at(f.lineNumber, f.columnNumber);
      if (found) return found;
    }
    return undefined;
  }

  /** Where `fn` is defined in its script, through the thread's own inspector (`[[FunctionLocation]]`). */
  functionLocation(fn: unknown): { scriptId: string; lineNumber: number; columnNumber: number } | undefined {
    try {
      this.session ??= connected();
      const holder = globalThis as { __purestreamFunction?: unknown };
      holder.__purestreamFunction = fn;
      let location: { scriptId: string; lineNumber: number; columnNumber: number } | undefined;
      this.session.post('Runtime.evaluate', { expression: 'globalThis.__purestreamFunction' }, (_e, r) => {
        const objectId = (r as { result?: { objectId?: string } } | undefined)?.result?.objectId;
        if (!objectId) return;
        this.session!.post('Runtime.getProperties', { objectId }, (_e2, p) => {
          const internal = (p as { internalProperties?: { name: string; value?: { value?: typeof location } }[] } | undefined)?.internalProperties;
          location = internal?.find((x) => x.name === '[[FunctionLocation]]')?.value?.value;
        });
      });
      holder.__purestreamFunction = undefined;
      return location;
    } catch {
      return undefined;
    }
  }
}

function connected(): Session {
  const session = new Session();
  session.connect();
  return session;
}
