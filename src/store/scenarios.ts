/** The workspace's scenarios: JSON text by name, as the user wrote it (validated elsewhere). */
import type { Workspace } from './workspace';

/** A stored scenario: its name, the file's JSON text and when it was last saved (ms since epoch). */
export interface StoredScenario {
  readonly name: string;
  readonly json: string;
  readonly updated: number;
}

/** Saves (or replaces) a scenario under its name. */
export function saveScenario(db: Workspace, scenario: StoredScenario): void {
  db.run('INSERT INTO scenarios (name, json, updated) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET json = excluded.json, updated = excluded.updated', [
    scenario.name,
    scenario.json,
    scenario.updated,
  ]);
}

/** Every scenario's name and save time, by name (the JSON is left out: load it when opened). */
export function listScenarios(db: Workspace): { readonly name: string; readonly updated: number }[] {
  return (db.exec('SELECT name, updated FROM scenarios ORDER BY name')[0]?.values ?? []).map(([name, updated]) => ({ name: String(name), updated: Number(updated) }));
}

/** One scenario, or undefined when there is none by that name. */
export function loadScenario(db: Workspace, name: string): StoredScenario | undefined {
  const row = db.exec('SELECT name, json, updated FROM scenarios WHERE name = ?', [name])[0]?.values[0];
  return row ? { name: String(row[0]), json: String(row[1]), updated: Number(row[2]) } : undefined;
}

/**
 * Renames a stored scenario, and its runs with it (they stay its runs); an Error saying so when
 * another scenario has the new name already. True when there was one to rename.
 */
export function renameScenario(db: Workspace, from: string, to: string): boolean {
  if (from === to) return loadScenario(db, from) !== undefined;
  if (loadScenario(db, to)) throw new Error(`the workspace already has a scenario named “${to}”`);
  db.run('BEGIN');
  try {
    db.run('UPDATE scenarios SET name = ? WHERE name = ?', [to, from]);
    const renamed = db.getRowsModified() > 0;
    if (renamed) db.run('UPDATE runs SET scenario = ? WHERE scenario = ?', [to, from]);
    db.run('COMMIT');
    return renamed;
  } catch (error) {
    db.run('ROLLBACK');
    throw error;
  }
}

/** Deletes a scenario; true when there was one. */
export function deleteScenario(db: Workspace, name: string): boolean {
  db.run('DELETE FROM scenarios WHERE name = ?', [name]);
  return db.getRowsModified() > 0;
}
