/**
 * Guards every call into a module that was not bundled with the app: it notes which function
 * is handling which command or event (for the purity traps, ./purityTraps, and the watchdog,
 * ./callWatch), turns a throw, a return that is not what the function must return, or a read
 * of the clock or of randomness into one {@link ModuleFault} whose message names the module,
 * the function, the command or event and the module's own file:line. The run then stops.
 * The call the watch's `stopAt` marks is not made: it stops as a call that ran too long,
 * named with its command or event (how the app names a stuck call, by replaying the task).
 * Per call: a few field writes and one compare; nothing is allocated unless something goes wrong.
 */
import { overranText, type CallWatch } from './callWatch';
import { ModuleFault, isModuleFault, type ModuleProblem } from './moduleProblem';

/** What a guarded function handles, which names it in messages. */
export type SubjectKind = 'command' | 'emmett-command' | 'event' | 'stream' | 'key' | 'none';

/** One function of a module as the guard knows it. */
export interface Member {
  /** How messages name it: `decide`, `invariant "overdraft-limit"`, `capacity.capacityOf`. */
  readonly name: string;
  /** Its number in the watch buffer (the watchdog names the function by it). */
  readonly code: number;
  readonly subject: SubjectKind;
  /** Which argument is the subject (default 0; `evolve(state, event)`: 1). */
  readonly argument?: 0 | 1;
  /** Why a result is not what the function must return, or undefined when it is. */
  readonly returns: (result: unknown) => WrongResult | undefined;
  /** Errors that are part of the function's contract (an Emmett `decide` rejects by throwing). */
  readonly mayThrow?: (error: unknown) => boolean;
  /** Its result is a state (`evolve`, `initialState`): frozen deep, so a later call that changes it stops the run. */
  readonly freezes?: boolean;
}

/**
 * A result that is not what the function must return: what it is, in words (`a BookReturned
 * event without data (event 1)`), and the rule it breaks (`an event is { type, data }`), said
 * after the function and the command or event: "decide returned <what> while deciding c7
 * (Return) — <rule>".
 */
export interface WrongResult {
  readonly what: string;
  readonly rule?: string;
}

/** Where things are in the module's own files (source-mapped), when the host can tell. */
export interface ModuleLocator {
  /** The first frame of a stack that is the module's own code, as `file:line`. */
  frame(stack: string): string | undefined;
  /** Where a function of the module is defined, as `file:line`. */
  definition(fn: unknown): string | undefined;
}

/** The guard's settings: how to name the module, the heartbeat, the locator. */
export interface GuardOptions {
  readonly module: string;
  readonly watch?: CallWatch;
  readonly locator?: ModuleLocator;
}

/** The function and the command or event of the call in progress, in words. */
export interface CurrentCall {
  readonly member: string;
  readonly subject: string;
}

type Fn = (...args: unknown[]) => unknown;

/** Guards the calls of one module; see the file comment. */
export class CallGuard {
  private member: Member | undefined;
  private arg: unknown;
  /** A purity problem found during the current call (kept even if the module catches the throw). */
  private tripped: ModuleProblem | undefined;
  /** The command decided last: events of its decision are named by it. */
  private lastCommand: string | undefined;
  /** Members by code, for the watchdog's message. */
  readonly members: Member[] = [];
  /** The call the watch's stopAt stopped, once it was reached: the call a replay was looking for. */
  stopped: ModuleProblem | undefined;

  constructor(readonly options: GuardOptions) {}

  /** `fn` called as a method of `self`, guarded as `member`. */
  wrap<F extends Fn>(member: Member, fn: F, self: unknown): F {
    this.members[member.code] = member;
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the guarded function is a plain function (called as a method of the module)
    const guard = this;
    const watch = this.options.watch;
    return function guarded(a?: unknown, b?: unknown, c?: unknown): unknown {
      const outerMember = guard.member;
      const outerArg = guard.arg;
      const subject = member.argument === 1 ? b : a;
      if (watch?.enter(member.code)) throw guard.stop(member, subject, outerMember !== undefined, fn);
      guard.member = member;
      guard.arg = subject;
      let result: unknown;
      try {
        result = fn.call(self, a, b, c);
      } catch (error) {
        watch?.exit();
        const tripped = guard.takeTripped();
        guard.member = outerMember;
        guard.arg = outerArg;
        if (tripped) throw new ModuleFault(tripped);
        if (isModuleFault(error)) throw error;
        if (member.mayThrow?.(error)) throw error;
        if (changedFrozen(error)) throw guard.fault('changed', member, subject, errorText(error), guard.options.locator?.frame(stackOf(error)));
        throw guard.fault('threw', member, subject, `${errorText(error)}`, guard.options.locator?.frame(stackOf(error)));
      }
      watch?.exit();
      const tripped = guard.takeTripped();
      if (tripped) throw new ModuleFault(tripped);
      const wrong = member.returns(result);
      if (wrong !== undefined) throw guard.fault('returned', member, subject, wrong, guard.options.locator?.definition(fn), true);
      if (member.freezes) freezeDeep(result);
      guard.member = outerMember;
      guard.arg = outerArg;
      return result;
    } as F;
  }

  /**
   * A purity trap fired (`what`: `Date.now()`, `Math.random()`…): inside a call this is a fault,
   * thrown now and kept in case the module catches it; outside any call (the module's top
   * level while loading) it is allowed.
   */
  impure(kind: 'clock' | 'randomness', what: string, stack: string): void {
    const member = this.member;
    if (!member) return;
    const subject = this.subjectOf(member, this.arg, true);
    const verb = verbOf(member);
    const location = this.options.locator?.frame(stack);
    const why =
      kind === 'clock'
        ? `${member.name} read the clock while ${verb} ${subject} — time reaches a domain only as the command's \`at\``
        : `${member.name} used randomness while ${verb} ${subject} — a decision may depend only on the command and the state`;
    const problem: ModuleProblem = {
      kind,
      message: `${this.options.module}: ${why} (${what}${location ? ` at ${location}` : ''})`,
      module: this.options.module,
      member: member.name,
      subject: this.subjectOf(member, this.arg, false),
      ...(location ? { location } : {}),
    };
    this.tripped ??= problem;
    throw new ModuleFault(problem);
  }

  /** The call in progress, in words (the watchdog asks for it when a call runs too long). */
  current(): CurrentCall | undefined {
    const member = this.member;
    return member ? { member: member.name, subject: `${verbOf(member)} ${this.subjectOf(member, this.arg, false)}` } : undefined;
  }

  /** The call stopAt marks is reached: instead of making it, stop as the watchdog would have (its `location`: where `fn` is defined, not said in the message); `nested`: inside another call, which must stop too. */
  private stop(member: Member, arg: unknown, nested: boolean, fn: unknown): ModuleFault {
    this.options.watch?.exit();
    const subject = this.subjectOf(member, arg, false);
    const location = this.options.locator?.definition(fn);
    const problem: ModuleProblem = {
      kind: 'timeout',
      message: overranText(this.options.module, member.name, `${verbOf(member)} ${subject}`),
      module: this.options.module,
      member: member.name,
      subject,
      ...(location ? { location } : {}),
    };
    this.stopped = problem;
    // kept in case the module catches the throw, as a purity trap's is
    if (nested) this.tripped ??= problem;
    return new ModuleFault(problem);
  }

  private takeTripped(): ModuleProblem | undefined {
    const t = this.tripped;
    this.tripped = undefined;
    return t;
  }

  /**
   * The fault of a call, in one sentence: the module, the function, what went wrong, the command
   * or event, then why, then where —
   * `bank.ts: decide threw while deciding c12 (Withdraw): TypeError: … (at bank.ts:57)`,
   * `bank.ts: decide returned 42 while deciding c12 (Withdraw) — a decision is … (decide is at bank.ts:50)`,
   * `bank.ts: evolve changed the state it was given while evolving event c12.1 (MoneyWithdrawn) — return a new state instead: … (TypeError: …, at bank.ts:41)`.
   */
  private fault(kind: 'threw' | 'returned' | 'changed', member: Member, arg: unknown, what: string | WrongResult, location: string | undefined, definition = false): ModuleFault {
    this.member = undefined;
    const subject = this.subjectOf(member, arg, false);
    const doing = `${verbOf(member)} ${subject}`;
    const error = typeof what === 'string' ? what : what.what;
    const at = location ? (definition ? `${member.name} is at ${location}` : `at ${location}`) : undefined;
    const where = at ? ` (${at})` : '';
    const sentence =
      kind === 'threw'
        ? `threw while ${doing}: ${error}${where}`
        : kind === 'changed'
          ? `changed the state it was given while ${doing} — ${member.freezes ? 'return a new state instead: a run keeps every state, and an earlier one must not change' : `${member.name} only reads the state${member.name === 'decide' ? ': its events say what changes' : ''}`} (${[error, at].filter(Boolean).join(', ')})`
          : `returned ${error} while ${doing}${typeof what !== 'string' && what.rule ? ` — ${what.rule}` : ''}${where}`;
    return new ModuleFault({
      kind,
      message: `${this.options.module}: ${member.name} ${sentence}`,
      module: this.options.module,
      member: member.name,
      subject,
      ...(location ? { location } : {}),
    });
  }

  /** `c12 (Withdraw)`, `event c12.1 (MoneyWithdrawn)`, `stream account:a1`; `short`: the command id alone. */
  private subjectOf(member: Member, arg: unknown, short: boolean): string {
    const o = (typeof arg === 'object' && arg !== null ? arg : {}) as { id?: unknown; type?: unknown; metadata?: { commandId?: unknown } };
    const type = typeof o.type === 'string' ? ` (${o.type})` : '';
    switch (member.subject) {
      case 'command':
      case 'emmett-command': {
        const id = String(member.subject === 'command' ? o.id : o.metadata?.commandId);
        this.lastCommand = id;
        return short ? id : `${id}${type}`;
      }
      case 'event':
        if (typeof o.id === 'string') return `event ${o.id}${type}`;
        return `${typeof o.type === 'string' ? `${/^[aeiou]/i.test(o.type) ? 'an' : 'a'} ${o.type}` : 'an'} event${this.lastCommand ? ` of ${this.lastCommand}` : ''}`;
      case 'stream':
        return `stream ${String(arg)}`;
      case 'key':
        return `key ${String(arg)}`;
      default:
        return 'the first event of a stream';
    }
  }
}

/** The verb of a message: "decide … while deciding c12", "evolve … while evolving event c12.1". */
const verbOf = (member: Member): string =>
  member.subject === 'command' || member.subject === 'emmett-command'
    ? member.name === 'decide'
      ? 'deciding'
      : 'handling'
    : member.subject === 'event'
      ? member.name === 'evolve'
        ? 'evolving'
        : 'handling'
      : member.subject === 'none'
        ? 'starting'
        : 'checking';

/**
 * Freezes a state and everything it holds (arrays, objects, the values of Maps and Sets; a Map or
 * Set itself can still be changed), stopping at what is frozen already: a state that shares its
 * unchanged parts with the previous one costs only its new parts. Typed arrays are left as they are.
 */
export function freezeDeep(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value) || ArrayBuffer.isView(value)) return;
  Object.freeze(value);
  if (value instanceof Map || value instanceof Set) {
    for (const v of value.values()) freezeDeep(v);
    return;
  }
  for (const key of Object.keys(value)) freezeDeep((value as Record<string, unknown>)[key]);
}

/** True for the TypeError of a write to a frozen object (V8's words: read only, not extensible, cannot delete). */
const changedFrozen = (error: unknown): boolean =>
  typeof error === 'object' &&
  error !== null &&
  (error as Error).name === 'TypeError' &&
  /read only property|object is not extensible|Cannot delete property|Cannot (?:add|define) property/.test(String((error as Error).message));

/** `TypeError: Cannot read properties of undefined` (an error of any realm, or anything thrown). */
export function errorText(error: unknown): string {
  if (typeof error === 'object' && error !== null && typeof (error as Error).message === 'string') {
    const name = (error as Error).name || (error as object).constructor?.name || 'Error';
    return `${name}: ${(error as Error).message}`;
  }
  return `${typeof error === 'string' ? JSON.stringify(error) : String(error)} was thrown`;
}

/** The stack of an error of any realm ('' when it has none). */
export const stackOf = (error: unknown): string =>
  typeof error === 'object' && error !== null && typeof (error as Error).stack === 'string' ? (error as Error).stack! : '';
