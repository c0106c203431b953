/**
 * Where things are in a module's own files, for the app's module worker: a stack frame of the
 * bundle (evaluated from a `blob:` URL) or a function of the module, mapped through the bundle's
 * source map (`@jridgewell/trace-mapping`) to `bank.ts:57`. Frames of the loader's shim
 * (`purestream/domain`) are not the module's own. Pure; the ModuleLocator of a CallGuard.
 */
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import type { ModuleLocator } from '../../../src/engine/module/callGuard';
import type { AppBundle } from './bundleModuleFiles';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Locates frames of the bundle loaded from `url` and functions defined in it. */
export class BundleLocator implements ModuleLocator {
  private readonly map: TraceMap;
  private readonly frameRe: RegExp;

  constructor(
    private readonly bundle: AppBundle,
    url: string,
  ) {
    this.map = new TraceMap(bundle.map);
    this.frameRe = new RegExp(`${escape(url)}:(\\d+):(\\d+)`, 'g');
  }

  /** `file:line` of a position in the bundle (one-based line, zero-based column), when it is the module's own code. */
  at(line: number, column: number): string | undefined {
    const p = originalPositionFor(this.map, { line, column });
    if (!p.source || p.line === null || !p.source.startsWith('purestream-file:')) return undefined;
    return `${p.source.slice('purestream-file:/'.length)}:${p.line}`;
  }

  frame(stack: string): string | undefined {
    for (const m of stack.matchAll(this.frameRe)) {
      const found = this.at(Number(m[1]), Number(m[2]) - 1);
      if (found) return found;
    }
    return undefined;
  }

  /** Where `fn` is defined: its source text found in the bundle (a function's text is exactly its source). */
  definition(fn: unknown): string | undefined {
    if (typeof fn !== 'function') return undefined;
    const text = Function.prototype.toString.call(fn);
    const offset = this.bundle.code.indexOf(text);
    if (offset < 0 || text.length < 8) return undefined;
    const before = this.bundle.code.slice(0, offset);
    const line = before.split('\n').length;
    return this.at(line, offset - (before.lastIndexOf('\n') + 1));
  }
}
