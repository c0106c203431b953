/** Opening a scenario (file text or bundled sample) into the document, never losing work silently: unsaved edits are saved or discarded first, as the user says. */
import type { PickedFile } from '../../lib/desktop';
import { checkScenarioText } from '../../lib/workspace/storedScenarioCheck';
import type { RawScenario, ScenarioDoc } from './ScenarioDoc.svelte';
import type { Workbench } from './Workbench.svelte';

/**
 * Opens file text: a file with errors only shows them (with their JSON paths) and leaves the
 * open scenario alone; a valid one replaces it once unsaved edits are saved or discarded. A
 * scenario whose domain module is not open yet opens anyway: the editor asks to locate the
 * module (a path no loader opens, not .ts/.mts/.js/.mjs, is no module to locate: the file's
 * problem). Resolves true when the scenario was replaced.
 */
export async function openScenarioText(doc: ScenarioDoc, workbench: Workbench, file: PickedFile): Promise<boolean> {
  const check = checkScenarioText(file.text, (raw) => doc.parseOptions(raw));
  if (!check.ok) {
    doc.openErrors = { file: file.name, errors: check.errors };
    return false;
  }
  return replaceWith(doc, workbench, check.raw, file.name);
}

/** Opens a value (a bundled sample or a new scenario) once unsaved edits are saved or discarded (ScenarioDoc.mayReplace asks); resolves false on Cancel. */
export function replaceWith(doc: ScenarioDoc, workbench: Workbench, raw: RawScenario, fileName: string): Promise<boolean> {
  return replaceWithRead(doc, workbench, String(raw.name ?? fileName), async () => ({ raw, fileName }));
}

/**
 * Opens what `read` gives once unsaved edits are saved or discarded (ScenarioDoc.mayReplace asks,
 * naming `opening`). `read` is called only after the answer: Save there stores the open scenario
 * in the workspace, so a copy of a stored scenario read before the question may be the very one
 * that Save just replaced. Resolves false on Cancel, or when `read` gives nothing.
 */
export async function replaceWithRead(doc: ScenarioDoc, workbench: Workbench, opening: string, read: () => Promise<{ readonly raw: RawScenario; readonly fileName: string } | undefined>): Promise<boolean> {
  if (!(await doc.mayReplace(opening))) return false;
  const value = await read();
  if (!value) return false;
  doc.load(value.raw, value.fileName);
  workbench.show('editor');
  return true;
}

/** A new, empty-ish scenario for a domain: one command so the tree is not empty. */
export function newScenario(domain: string): RawScenario {
  return {
    format: 'purestream/scenario@1',
    name: `New ${domain} scenario`,
    description: '',
    domain,
    seed: 1,
    commands: [],
    runs: [{ name: 'one queue', scheduler: { kind: 'serial' }, serviceMs: 10 }],
  };
}
