/**
 * What the Domains view says while a domain module opens: a first load takes seconds (the
 * bundler's WebAssembly is compiled once per session, then the module is bundled, run and
 * checked in its own worker), and a user who pressed "Trust and run" should see it working. Pure.
 */

/** What a load is doing: starting, compiling the bundler (the session's first module), or checking the module in its worker. */
export type ModuleLoadingStage = 'start' | 'compiler' | 'module';

/** The words for `stage` of loading module `name` (its file name). */
export function loadingText(name: string, stage: ModuleLoadingStage): string {
  if (stage === 'compiler') return `Preparing the module compiler (once per session), then checking ${name}…`;
  return `Checking ${name} in its worker: bundling it, running it and reading its commands, events and invariants…`;
}
