/** Save: the native Save dialog in the desktop app, a download on the web. */
import { desktopApi, download } from '../../lib/desktop';
import type { ScenarioDoc } from './ScenarioDoc.svelte';

/** Saves the open scenario as pretty JSON; marks it saved unless the user cancelled. */
export async function saveScenario(doc: ScenarioDoc): Promise<void> {
  if (!doc.raw) return;
  const text = JSON.stringify(doc.raw, null, 2) + '\n';
  const name = doc.fileName.split(/[\\/]/).pop() || 'scenario.json';
  const api = desktopApi();
  if (!api) {
    download(name, text);
    doc.saved(doc.fileName);
    return;
  }
  const isPath = /[\\/]/.test(doc.fileName);
  const result = await api.saveFile('scenario', text, isPath ? doc.fileName : undefined, name);
  if (!result.ok) return window.alert(result.error);
  if (result.value) doc.saved(result.value);
}
