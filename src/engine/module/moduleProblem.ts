/**
 * What can go wrong with a domain module, as data that crosses a worker boundary (plain JSON):
 * a kind, the message ready to print, and its parts (the module, the function, the command or
 * event, the module's own file:line). Pure.
 */

/**
 * How a module failed: it could not be loaded, has the wrong shape, or misbehaved in a call
 * (`changed`: a function changed the state it was given, which is frozen — ./callGuard).
 */
export type ProblemKind = 'load' | 'shape' | 'threw' | 'returned' | 'clock' | 'randomness' | 'timeout' | 'changed';

/** One problem of a module; `message` names the module, the function, the command or event and the place. */
export interface ModuleProblem {
  readonly kind: ProblemKind;
  readonly message: string;
  /** How the module is named (its file path as given). */
  readonly module: string;
  /** The function (`decide`, `evolve`, `invariant "overdraft-limit"`) or member (`commandSchemas.Deposit`). */
  readonly member?: string;
  /** The command or event it was handling (`c12 (Withdraw)`). */
  readonly subject?: string;
  /** The module's own file:line, when known. */
  readonly location?: string;
}

/** Thrown when a module breaks a rule; the run stops and nothing of it is written. */
export class ModuleFault extends Error {
  constructor(readonly problem: ModuleProblem) {
    super(problem.message);
    this.name = 'ModuleFault';
  }
}

/** True for a ModuleFault from any realm (a module's code runs in its own context). */
export const isModuleFault = (e: unknown): e is ModuleFault =>
  typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'ModuleFault' && typeof (e as ModuleFault).problem === 'object';
