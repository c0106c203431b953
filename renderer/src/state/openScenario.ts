/** Opening a scenario (file text or bundled sample) into the document, never losing work silently. */
import { parseScenario } from '../../../src/engine/scenario/parse';
import type { PickedFile } from '../../lib/desktop';
import { awaitsModule, NESTED_TOO_DEEPLY } from '../../lib/workspace/storedScenarioCheck';
import type { RawScenario, ScenarioDoc } from './ScenarioDoc.svelte';
import type { Workbench } from './Workbench.svelte';
import { parseJsonText, withoutBom } from '../../../src/engine/jsonText';

/**
 * Opens file text: a file with errors only shows them (with their JSON paths) and leaves the
 * open scenario alone; a valid one replaces it once unsaved changes are confirmed away.
 * Returns true when the scenario was replaced.
 */
export function openScenarioText(doc: ScenarioDoc, workbench: Workbench, file: PickedFile): boolean {
  let result: ReturnType<typeof parseScenario>;
  try {
    const text = withoutBom(file.text);
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      raw = undefined;
    }
    // a scenario whose domain module is not open yet opens anyway: the editor asks to locate the module
    // (a path no loader opens, not .ts/.mts/.js/.mjs, is no module to locate: the file's problem, shown below)
    if (awaitsModule(raw, doc.parseOptions(raw))) return replaceWith(doc, workbench, raw as RawScenario, file.name);
    result = parseScenario(file.text, file.name, doc.parseOptions(raw));
  } catch (e) {
    // a value nested past what any reader's stack holds: one line, never a page that shows nothing
    if (!(e instanceof RangeError)) throw e;
    doc.openErrors = { file: file.name, errors: [NESTED_TOO_DEEPLY] };
    return false;
  }
  if (!result.ok) {
    doc.openErrors = { file: file.name, errors: result.errors };
    return false;
  }
  return replaceWith(doc, workbench, parseJsonText(file.text) as RawScenario, file.name);
}

/** Opens a value (a bundled sample or a new scenario) after confirming unsaved changes away. */
export function replaceWith(doc: ScenarioDoc, workbench: Workbench, raw: RawScenario, fileName: string): boolean {
  if (!doc.mayReplace()) return false;
  doc.load(raw, fileName);
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
