/**
 * What opening a scenario's text comes to: the editor's check (parseScenario with the open domain
 * modules), used by Open and, for the stored scenarios, when the workspace's list is read (each
 * saved version checked once); and which domain module a stored run is read with (by the file its
 * stored scenario names, else by its report's domain id). Pure but for the `load` it is given.
 */
import { isModuleFileName } from '../../../src/engine/module/moduleFile';
import { counted } from '../../../src/engine/report/counted';
import { listedProblems, parseScenario, type ParseOptions } from '../../../src/engine/scenario/parse';
import type { InputError, Scenario } from '../../../src/engine/types';
import { moduleOfId, type ModuleOfId, type OpenModuleId } from '../modules/moduleOfId';
import { scenarioInputs } from '../resultFreshness';
import { scenarioOfText } from '../scenarioOfText';

/** Why a stored scenario would not open (its text is no JSON object) or would open but not run (the editor would list problems). */
export interface StoredScenarioProblem {
  readonly opens: boolean;
  readonly first: InputError;
  readonly count: number;
}

/** The problem of a scenario nested past what any reader's stack holds (JSON.parse or a check threw a RangeError). */
export const NESTED_TOO_DEEPLY: InputError = { path: '(file)', message: 'nested too deeply to be read (a scenario nests a few levels; this one nests thousands)' };

/** True when `raw` names a domain module file that is not open: it opens anyway, and the editor asks where the module is. */
export function awaitsModule(raw: unknown, options: ParseOptions): boolean {
  const domain = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as { readonly domain?: unknown }).domain : undefined;
  return typeof domain === 'string' && isModuleFileName(domain) && !options.domain;
}

/**
 * The domain module a stored run waits for: the file its stored scenario's `domain` names
 * (`./bank.ts`) while `isOpen` says no module of it is open, else undefined (a bundled domain, a
 * module open, or no scenario stored). A run of a module is read in the module's worker; without
 * it the run would be read as if bundled, so the app asks for the module first.
 */
export function runAwaitsModule(json: string | undefined, isOpen: (reference: string) => boolean): string | undefined {
  const domain = json === undefined ? undefined : scenarioOfText(json)?.domain;
  return typeof domain === 'string' && isModuleFileName(domain) && !isOpen(domain) ? domain : undefined;
}

/**
 * Where a stored run whose scenario is not stored is read, from its report's domain id
 * (`Report.domain`, all the report keeps of a module): `bundled` for a bundled domain's id; the
 * open module of that id (`module`, by file name: moduleOfId, the app's one rule — the first on
 * the Domains view, `others` naming the rest), read in its worker; else it awaits a module of that
 * id (`awaits`: none is open, so the app asks for it instead of reading the run as if bundled).
 */
export type StoredRunReading =
  | { readonly kind: 'bundled' }
  | ({ readonly kind: 'module' } & ModuleOfId)
  | { readonly kind: 'awaits'; readonly id: string };

/** How a stored run without its stored scenario is read (see {@link StoredRunReading}); `isBundled` says whether an id is a bundled domain's. */
export function storedRunReading(domainId: string, isBundled: (id: string) => boolean, open: readonly OpenModuleId[]): StoredRunReading {
  if (isBundled(domainId)) return { kind: 'bundled' };
  const module = moduleOfId(domainId, open);
  return module ? { kind: 'module', ...module } : { kind: 'awaits', id: domainId };
}

/**
 * The module a stored run waits for, as its notice names it: the file its stored scenario names
 * ({@link runAwaitsModule}), or — no scenario stored — its report's domain id ({@link storedRunReading}).
 */
export type AwaitedModule = { readonly reference: string } | { readonly id: string };

/**
 * What the editor's check makes of a scenario's JSON text, the text parsed once: `ok` when it opens
 * and runs (with the scenario parsed), or awaits its domain module; else every problem, and the value when it still opens
 * (a JSON object the editor can show). Text that is no JSON object is left to the parser, which
 * names its line and column or what it is instead.
 */
export type ScenarioTextCheck =
  | { readonly ok: true; readonly raw: Readonly<Record<string, unknown>>; readonly scenario?: Scenario }
  | { readonly ok: false; readonly raw: Readonly<Record<string, unknown>> | undefined; readonly errors: readonly InputError[] };

/** Checks a scenario's JSON text as the editor would open it; `optionsFor` gives the parse options for its value. */
export function checkScenarioText(json: string, optionsFor: (raw: unknown) => ParseOptions): ScenarioTextCheck {
  const raw = scenarioOfText(json);
  const options = raw ? optionsFor(raw) : {};
  if (raw && awaitsModule(raw, options)) return { ok: true, raw };
  let result: ReturnType<typeof parseScenario>;
  try {
    result = parseScenario(raw ?? json, undefined, options);
  } catch (e) {
    // a value nested past what any reader's stack holds: one line, never a page that shows nothing
    if (!(e instanceof RangeError)) throw e;
    return { ok: false, raw, errors: [NESTED_TOO_DEEPLY] };
  }
  if (!result.ok) return { ok: false, raw, errors: result.errors };
  // only a JSON object is a valid scenario, so a valid one has its value
  return { ok: true, raw: raw!, scenario: result.scenario };
}

/** The problem of a stored scenario's JSON text, or undefined when it opens and runs (or awaits its module); `optionsFor` gives the parse options for its value. */
export function storedScenarioProblem(json: string, optionsFor: (raw: unknown) => ParseOptions): StoredScenarioProblem | undefined {
  return problemOf(checkScenarioText(json, optionsFor));
}

function problemOf(check: ScenarioTextCheck): StoredScenarioProblem | undefined {
  if (check.ok) return undefined;
  const listed = listedProblems(check.errors);
  return { opens: check.raw !== undefined, first: listed[0], count: listed.length };
}

/** The problem in one line: "commands[0].data.qty: expected a number (and 2 more problems)"; a problem of the whole text without its path. */
export function storedScenarioProblemText(p: StoredScenarioProblem): string {
  const where = p.first.path === '(top level)' || p.first.path === '(file)' ? '' : `${p.first.path}: `;
  return `${where}${p.first.message}${p.count > 1 ? ` (and ${counted(p.count - 1, 'more problem')})` : ''}`;
}

/** A stored scenario as the workspace lists it. */
export interface ListedScenario {
  readonly name: string;
  readonly updated: number;
}

/** What the list says of the stored scenarios, by name: the problem of each that has one, and what each that runs runs from (renderer/lib/resultFreshness.ts, scenarioInputs). */
export interface StoredScenarioFacts {
  readonly problems: ReadonlyMap<string, StoredScenarioProblem>;
  readonly inputs: ReadonlyMap<string, string>;
}

/** The problems and inputs of a workspace's stored scenarios, each saved version (name and `updated`) checked once while `context` (the open modules) stays the same. */
export class StoredScenarioChecks {
  private readonly checked = new Map<string, { readonly updated: number; readonly problem: StoredScenarioProblem | undefined; readonly inputs: string | undefined }>();
  private context: unknown;

  constructor(
    private readonly load: (name: string) => Promise<string | undefined>,
    private readonly optionsFor: (raw: unknown) => ParseOptions,
  ) {}

  /** The facts of the listed scenarios; loads only the versions not checked yet. */
  async of(list: readonly ListedScenario[], context: unknown): Promise<StoredScenarioFacts> {
    if (context !== this.context) {
      this.checked.clear();
      this.context = context;
    }
    const stale = list.filter((s) => this.checked.get(s.name)?.updated !== s.updated);
    const texts = await Promise.all(stale.map((s) => this.load(s.name)));
    stale.forEach((s, i) => {
      const json = texts[i];
      const check = json === undefined ? undefined : checkScenarioText(json, this.optionsFor);
      const scenario = check?.ok ? check.scenario : undefined;
      this.checked.set(s.name, { updated: s.updated, problem: check && problemOf(check), inputs: scenario && scenarioInputs(scenario) });
    });
    const problems = new Map<string, StoredScenarioProblem>();
    const inputs = new Map<string, string>();
    for (const s of list) {
      const facts = this.checked.get(s.name);
      if (facts?.problem) problems.set(s.name, facts.problem);
      if (facts?.inputs !== undefined) inputs.set(s.name, facts.inputs);
    }
    return { problems, inputs };
  }
}
