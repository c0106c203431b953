/** Opening, reloading and starting scenarios with domain modules, shared by the Domains, Start and Scenario views. */
import { desktopApi } from '../../../lib/desktop';
import type { ModuleFiles } from '../../../lib/modules/bundleModuleFiles';
import { moduleFilesOf } from '../../../lib/modules/pickedFiles';
import type { DomainModules, ModuleSource, OpenModule } from '../../state/DomainModules.svelte';
import { newScenario, replaceWith } from '../../state/openScenario';
import type { RunSession } from '../../state/RunSession.svelte';
import type { ScenarioDoc } from '../../state/ScenarioDoc.svelte';
import type { Workbench } from '../../state/Workbench.svelte';

/** The app state these actions touch. */
export interface ModuleContext {
  readonly modules: DomainModules;
  readonly doc: ScenarioDoc;
  readonly session: RunSession;
  readonly workbench: Workbench;
}

/** Reads a module version again from where it came from; undefined when it has to be picked again (no handle or token). */
export async function rereadModule(module: OpenModule): Promise<ModuleFiles | string | undefined> {
  const source = module.source;
  if (!source) return undefined;
  if ('token' in source) {
    const result = await desktopApi()?.readDomain?.(source.token);
    if (!result) return undefined;
    return result.ok ? result.value.files : result.error;
  }
  try {
    const file = await source.handle.getFile();
    return { entry: module.files.entry, files: { ...module.files.files, [module.files.entry]: await file.text() } };
  } catch (e) {
    return `${module.name}: could not be read again (${e instanceof Error ? e.message : String(e)}); open it again`;
  }
}

/** Reloads a module with new files and shows the Rule change. */
export async function reloadWith(ctx: ModuleContext, name: string, files: ModuleFiles): Promise<void> {
  if (await ctx.modules.reload(name, files, ctx.doc, ctx.session)) ctx.workbench.show('rules');
}

/** Files dropped on the page: the module (and any files it imports), with a file handle when the browser gives one. */
export async function droppedModule(transfer: DataTransfer): Promise<{ files: ModuleFiles; source?: ModuleSource } | string> {
  const items = [...transfer.items].filter((i) => i.kind === 'file');
  const handles = items.map((i) => (i as DataTransferItem & { getAsFileSystemHandle?: () => Promise<FileSystemHandle | null> }).getAsFileSystemHandle?.());
  const files = [...transfer.files];
  if (files.length === 0) return 'nothing was dropped: drop a .ts, .mts, .js or .mjs file';
  const found = moduleFilesOf(await Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() }))));
  if (typeof found === 'string') return found;
  const entryName = found.entry.slice(1);
  const handle = (await Promise.all(handles.map((h) => h?.catch(() => null)))).find((h): h is FileSystemFileHandle => h?.kind === 'file' && h.name === entryName);
  return { files: found, ...(handle ? { source: { handle } } : {}) };
}

/** Starts a new scenario with an open module (its `domain` names the module's file beside it). */
export async function newModuleScenario(ctx: ModuleContext, module: OpenModule): Promise<void> {
  const raw = { ...newScenario(`./${module.name}`), name: `New ${module.description.title} scenario` };
  await replaceWith(ctx.doc, ctx.workbench, raw, `${module.description.id}.scenario.json`);
}
