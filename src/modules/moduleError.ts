/** The error of a domain module's problem, light enough for the CLI's entry to recognise it without loading the loader. */
import type { ModuleProblem } from '../engine/module/moduleProblem';

/** A module's problem (it could not be loaded, has the wrong shape, or broke a rule while running). */
export class ModuleError extends Error {
  constructor(readonly problem: ModuleProblem) {
    super(problem.message);
    this.name = 'ModuleError';
  }
}
