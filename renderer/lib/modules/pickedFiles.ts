/**
 * A domain module's files from what the user picked or dropped (one module file, or the module
 * and its relative imports together): which one is the entry, in one virtual folder. Pure.
 */
import { MODULE_EXTENSIONS, type ModuleFiles } from './bundleModuleFiles';

/** A picked file: its name and text. */
export interface PickedText {
  readonly name: string;
  readonly text: string;
}

/** Whether a file name has a domain module's extension (.ts, .mts, .js, .mjs). */
export const isModuleFileName = (name: string): boolean => (MODULE_EXTENSIONS as readonly string[]).some((e) => name.toLowerCase().endsWith(e));

/**
 * The module files of a pick: the entry is `wanted` when given, else the only module file, else
 * the one no other picked file imports. A string is the reason there is none.
 */
export function moduleFilesOf(picked: readonly PickedText[], wanted?: string): ModuleFiles | string {
  const modules = picked.filter((p) => isModuleFileName(p.name));
  if (modules.length === 0)
    return `${picked.map((p) => p.name).join(', ') || 'nothing'}: not a domain module: expected a .ts, .mts, .js or .mjs file`;
  const files = Object.fromEntries(picked.map((p) => [`/${p.name}`, p.text]));
  if (wanted !== undefined) {
    const found = picked.find((p) => p.name === wanted);
    return found ? { entry: `/${found.name}`, files } : `pick ${wanted} (the file the scenario names)`;
  }
  if (modules.length === 1) return { entry: `/${modules[0].name}`, files };
  const base = (name: string) => name.replace(/\.[^.]+$/, '');
  const imported = (name: string) => picked.some((p) => p.name !== name && new RegExp(`from\\s+['"]\\./${base(name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\.[mc]?[jt]s)?['"]`).test(p.text));
  const entry = modules.find((m) => !imported(m.name)) ?? modules[0];
  return { entry: `/${entry.name}`, files };
}
