/**
 * A domain module's files from what the user picked or dropped (one module file, or the module
 * and its relative imports together): which one is the entry, in one virtual folder. Pure.
 */
import type { ModuleFiles } from './bundleModuleFiles';
import { isModuleFileName, NOT_A_MODULE } from '../../../src/engine/module/moduleFile';

/** A picked file: its name and text. */
export interface PickedText {
  readonly name: string;
  readonly text: string;
}

/**
 * The module files of a pick: the entry is `wanted` when given (a single module file of another
 * name is read as it, and named in `pickedAs`: an edited copy picked for Reload or Locate…),
 * else the only module file, else the one no other picked file imports. A string is the reason
 * there is none.
 */
export function moduleFilesOf(picked: readonly PickedText[], wanted?: string): ModuleFiles | string {
  const modules = picked.filter((p) => isModuleFileName(p.name));
  if (modules.length === 0)
    return `${picked.map((p) => p.name).join(', ') || 'nothing'}: ${NOT_A_MODULE}`;
  const files = Object.fromEntries(picked.map((p) => [`/${p.name}`, p.text]));
  if (wanted !== undefined) {
    const found = picked.find((p) => p.name === wanted);
    if (found) return { entry: `/${found.name}`, files };
    // one module file under another name (an edited copy, bank-v2.ts for bank.ts): read as the one wanted
    if (modules.length === 1) {
      const { [`/${modules[0].name}`]: text, ...others } = files;
      return { entry: `/${wanted}`, files: { ...others, [`/${wanted}`]: text }, pickedAs: modules[0].name };
    }
    return `pick ${wanted}, or one module file to read as ${wanted} (${modules.map((m) => m.name).join(', ')} were picked)`;
  }
  if (modules.length === 1) return { entry: `/${modules[0].name}`, files };
  const base = (name: string) => name.replace(/\.[^.]+$/, '');
  const imported = (name: string) => picked.some((p) => p.name !== name && new RegExp(`from\\s+['"]\\./${base(name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\.[mc]?[jt]s)?['"]`).test(p.text));
  const entry = modules.find((m) => !imported(m.name)) ?? modules[0];
  return { entry: `/${entry.name}`, files };
}
