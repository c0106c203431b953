/**
 * The command line the Sweep view says it stands for, with a path that works where it says it
 * is run: a scenario the checkout ships, unchanged, by its path from the checkout's folder
 * (`samples/scenarios/flash-sale.json`); any other by its file name, run in the scenario's folder
 * (the app never learns a file's path: src/main/fileGrants.ts). Pure.
 */

/** A scenario the checkout ships: its path from the checkout's folder, and its value as bundled. */
export interface ShippedScenario {
  readonly path: string;
  readonly value: unknown;
}

/** The command's file argument and the folder it is run in. */
export interface SweepCommandLine {
  /** The scenario argument, quoted when the shell would split it. */
  readonly file: string;
  /** `checkout`: a Purestream checkout's folder; `scenario`: the scenario file's folder. */
  readonly from: 'checkout' | 'scenario';
}

/** An argument as a shell reads it: as it is when it is plain, else in double quotes (as the run's name is). */
const shellWord = (word: string): string => (/^[\w./@:+-]+$/.test(word) ? word : JSON.stringify(word));

/** Where `purestream sweep` finds the open scenario (`raw`, opened as `fileName`): a shipped one unchanged, by its path; else by its name. */
export function sweepCommandLine(fileName: string, raw: unknown, shipped: readonly ShippedScenario[]): SweepCommandLine {
  const name = fileName.replace(/^.*[\\/]/, '');
  const same = shipped.find((s) => s.value === raw) ?? shipped.find((s) => s.path.endsWith(`/${name}`) && JSON.stringify(s.value) === JSON.stringify(raw));
  return same ? { file: shellWord(same.path), from: 'checkout' } : { file: shellWord(name), from: 'scenario' };
}
