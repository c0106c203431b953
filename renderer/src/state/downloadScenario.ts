/**
 * "Download scenario": the open scenario as a JSON file — a download on the web, the native
 * Save dialog in the desktop app (always asked: Save means the workspace). The desktop app writes
 * the file the user chose (Open finds it again): a save of the scenario. A download is a file of
 * its own in the browser's downloads (the app goes on editing its own copy): the edits stay unsaved (the badge says
 * "downloaded"), so replacing the scenario still asks first. A renamed scenario downloads under its new name (lib/scenarioFileName.ts).
 */
import { desktopApi, download } from '../../lib/desktop';
import { scenarioFileName } from '../../lib/scenarioFileName';
import type { ScenarioDoc } from './ScenarioDoc.svelte';
import { announcer } from './Announcer.svelte';

/** Downloads the open scenario as pretty JSON, and says so (the download leaves the focus where it was); in the desktop app its edits count as saved unless the user cancelled. */
export async function downloadScenario(doc: ScenarioDoc): Promise<void> {
  if (!doc.raw) return;
  const text = JSON.stringify(doc.raw, null, 2) + '\n';
  const name = scenarioFileName(doc);
  const api = desktopApi();
  if (!api) {
    download(name, text);
    doc.wasDownloaded(name);
    announcer.say(`Downloaded the scenario as ${name}.`);
    return;
  }
  const result = await api.saveFile('scenario', text, undefined, name);
  if (!result.ok) return window.alert(result.error);
  if (!result.value) return;
  doc.savedToFile(result.value.name);
  announcer.say(`Saved the scenario as ${result.value.name}.`);
}
