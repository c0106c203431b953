/**
 * The domain modules open in the app (domain-modules.md): opening one (after the trust prompt),
 * each in its own worker (../worker/moduleClient.ts), the recent list, reloading one and the
 * Rule change that follows, and which module a scenario names. The open scenario validates
 * against a module's description; its runs run in the module's worker.
 */
import type { DomainInfo } from '../../../domain/kernel';
import { bundledDomain } from '../../../src/engine/module/bundled';
import { domainInfo, type DomainDescription } from '../../../src/engine/module/description';
import { isModuleReference } from '../../../src/engine/scenario/parse';
import type { Scenario } from '../../../src/engine/types';
import type { ModuleFiles } from '../../lib/modules/bundleModuleFiles';
import { moduleHash } from '../../lib/modules/moduleHash';
import { moduleForDomain, type OpenModuleId } from '../../lib/modules/moduleOfId';
import { readRecentDomains, withRecentDomain, writeRecentDomains, type RecentDomain } from '../../lib/modules/recentDomains';
import { ruleChangeView, unchangedView, type ModuleVersion, type RuleChangeView, type RuleSideResult } from '../../lib/modules/ruleChangeView';
import { SerialByKey } from '../../lib/modules/serialByKey';
import { TrustStore } from '../../lib/modules/trustStore';
import { ModuleClient, ModuleLoadError, type ModuleLoadStage } from '../worker/moduleClient';
import { loadingText } from '../../lib/modules/moduleLoading';
import type { RunSession } from './RunSession.svelte';
import type { ScenarioDoc } from './ScenarioDoc.svelte';
import { announcer } from './Announcer.svelte';

/** A loaded module. */
export interface OpenModule {
  /** Its file name: how the app, its messages and scenarios' `domain` paths name it. */
  readonly name: string;
  /** Its content hash (moduleHash, as the trust prompt shows it). */
  readonly hash: string;
  /** When this version was loaded (ms since the epoch). */
  readonly loadedAt: number;
  readonly files: ModuleFiles;
  readonly description: DomainDescription;
  readonly info: DomainInfo;
  readonly client: ModuleClient;
  /** Where it can be read again: a file handle (web) or a main-process token (desktop). */
  readonly source?: ModuleSource;
}

/** Where a module's file can be read again. */
export type ModuleSource = { readonly handle: FileSystemFileHandle } | { readonly token: string };

/** The trust prompt's question: which file, which content. */
export interface TrustQuestion {
  /** The file that will run: the one the user picked. */
  readonly name: string;
  /** The module it is read as, when that has another name (`bank.ts` for a picked `bank-v2.ts`). */
  readonly readAs?: string;
  readonly hash: string;
  readonly answer: (trusted: boolean) => void;
}

/** What happened to an open module: it was closed, or another version of it replaced it. */
export interface ModuleChange {
  readonly kind: 'closed' | 'replaced';
  readonly name: string;
}

/** The file name a scenario's `domain` path ends in. */
export const fileNameOf = (reference: string): string => reference.split(/[\\/]/).pop() ?? reference;

/** The open modules and what happens to them. */
export class DomainModules {
  modules = $state.raw<readonly OpenModule[]>([]);
  recent = $state.raw<readonly RecentDomain[]>([]);
  question = $state.raw<TrustQuestion | undefined>(undefined);
  /** The last problem opening or reloading a module (one readable message). */
  error = $state.raw<string | undefined>(undefined);
  busy = $state.raw<string | undefined>(undefined);
  /** The module being opened and what its load is doing now (loadingText): the Domains view shows it where the module's card will be. */
  loading = $state.raw<{ readonly name: string; readonly doing: string } | undefined>(undefined);
  ruleChange = $state.raw<RuleChangeView | undefined>(undefined);
  private readonly trust = new TrustStore(typeof localStorage === 'undefined' ? undefined : localStorage);
  /** Not state: per module, the files of its last version that ran the open scenario in a rule change (what a reload is compared with when the version before it stopped). */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- no view reads it
  private readonly lastRan = new Map<string, { readonly files: ModuleFiles; readonly version: ModuleVersion }>();
  /** Not state: who hears of modules closed or replaced. */
  private listeners: readonly ((change: ModuleChange) => void)[] = [];
  /** Not state: the opens and reloads of each module (by file name), one after another in the order asked, so the last asked is the version that stays. */
  private readonly loads = new SerialByKey();

  constructor() {
    if (typeof indexedDB !== 'undefined') void readRecentDomains().then((r) => (this.recent = r));
  }

  /** The description of the module a scenario's `domain` names (by file name), for validation and forms. */
  infoFor(reference: unknown): DomainInfo | undefined {
    if (typeof reference !== 'string' || !isModuleReference(reference)) return undefined;
    return this.byReference(reference)?.info;
  }

  /** The open module a `domain` path names. */
  byReference(reference: string): OpenModule | undefined {
    const name = fileNameOf(reference);
    return this.modules.find((m) => m.name === name);
  }

  /** The open modules by file name and description id, in the Domains view's order. */
  get ids(): readonly OpenModuleId[] {
    return this.modules.map((m) => ({ name: m.name, id: m.description.id }));
  }

  /** The open module a run of domain `id` uses: the one `reference` (the open scenario's `domain` path) names when it has the id, else the first on the Domains view whose description has the id (moduleForDomain, moduleOfId). */
  forDomain(id: string, reference: unknown): OpenModule | undefined {
    const named = typeof reference === 'string' && isModuleReference(reference) ? fileNameOf(reference) : undefined;
    const module = moduleForDomain(id, named, this.ids);
    return module && this.modules.find((m) => m.name === module.name);
  }

  /** The module a validated scenario runs with (its `domain` is then the module's id): the file the open scenario's `domain` path (`reference`) names, the module it was checked against, though other open modules have the id. */
  forScenario(scenario: Scenario, reference: unknown): ModuleClient | undefined {
    if (bundledDomain(scenario.domain)) return undefined;
    return this.forDomain(scenario.domain, reference)?.client;
  }

  /** Hears each module closed or replaced by another version (a log read with it follows); returns the way to stop. */
  listen(listener: (change: ModuleChange) => void): () => void {
    this.listeners = [...this.listeners, listener];
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  private changed(change: ModuleChange): void {
    for (const listener of this.listeners) listener(change);
  }

  /** Asks the user to trust a module version not run before (remembered as `name` and its hash; the prompt names the file picked); resolves their answer. */
  private async trusted(name: string, hash: string, pickedAs: string | undefined): Promise<boolean> {
    if (this.trust.isTrusted(name, hash)) return true;
    this.question?.answer(false);
    const file = pickedAs !== undefined && pickedAs !== name ? { name: pickedAs, readAs: name } : { name };
    let asked: TrustQuestion | undefined;
    const yes = await new Promise<boolean>((answer) => (this.question = asked = { ...file, hash, answer }));
    // a question asked meanwhile (another module's) stays
    if (this.question === asked) this.question = undefined;
    if (yes) this.trust.trust(name, hash);
    return yes;
  }

  /** Loads a module version in a fresh worker after the trust prompt; undefined when declined or broken (see `error`). */
  private async loaded(files: ModuleFiles, source: ModuleSource | undefined): Promise<OpenModule | undefined> {
    const name = fileNameOf(files.entry);
    const hash = await moduleHash(files);
    if (!(await this.trusted(name, hash, files.pickedAs))) {
      this.error = `${files.pickedAs ?? name} was not run: it is not trusted`;
      return undefined;
    }
    const client = new ModuleClient(name, files);
    const doing = (stage: ModuleLoadStage | 'start') => {
      this.loading = { name, doing: loadingText(name, stage) };
      this.busy = this.loading.doing;
    };
    doing('start');
    try {
      const { description } = await client.load(doing);
      if (bundledDomain(description.id)) {
        client.terminate();
        this.error = `${name}: id: "${description.id}" is a bundled domain's id; give the module an id of its own (export default { id: 'my-${description.id}', … })`;
        return undefined;
      }
      return { name, hash, loadedAt: Date.now(), files, description, info: domainInfo(description), client, ...(source ? { source } : {}) };
    } catch (e) {
      client.terminate();
      this.error = e instanceof ModuleLoadError ? e.problem.message : `${name}: ${e instanceof Error ? e.message : String(e)}`;
      return undefined;
    } finally {
      this.busy = undefined;
      if (this.loading?.name === name) this.loading = undefined;
    }
  }

  /** Opens a module (replacing an open one of the same name) once the loads of that name asked before have ended; true when it loaded. */
  open(files: ModuleFiles, source?: ModuleSource): Promise<boolean> {
    return this.loads.run(fileNameOf(files.entry), () => this.openNow(files, source));
  }

  private async openNow(files: ModuleFiles, source?: ModuleSource): Promise<boolean> {
    this.error = undefined;
    const module = await this.loaded(files, source);
    if (!module) return false;
    this.lastRan.delete(module.name);
    this.replace(module);
    announcer.say(`Loaded the domain module ${module.name}.`);
    this.recent = withRecentDomain(this.recent, { name: module.name, openedAt: Date.now(), ...(source && 'handle' in source ? { handle: source.handle } : {}) });
    void writeRecentDomains(this.recent);
    return true;
  }

  private replace(module: OpenModule): void {
    const old = this.modules.find((m) => m.name === module.name);
    this.modules = [...this.modules.filter((m) => m.name !== module.name), module];
    if (old && old.client !== module.client) {
      old.client.terminate();
      this.changed({ kind: 'replaced', name: module.name });
    }
  }

  /** Closes a module (its worker stops). */
  close(name: string): void {
    const open = this.modules.find((m) => m.name === name);
    if (!open) return;
    open.client.terminate();
    this.lastRan.delete(name);
    this.modules = this.modules.filter((m) => m.name !== name);
    this.changed({ kind: 'closed', name });
  }

  /**
   * A new version of an open module (edited on disk): loads it, and when the open scenario runs
   * with it, runs the scenario under the old and the new rules and keeps the Rule change — or
   * which of the two stopped (ruleChangeView); then the open scenario's runs are run again with
   * the new rules. True when it loaded. Reloads of one module run one after another, in the
   * order asked (Reload pressed twice, a file-watch reload during a manual one): each compares
   * with the version the one before it left, and the last asked is the version that stays.
   */
  reload(name: string, files: ModuleFiles, doc: ScenarioDoc, session: RunSession): Promise<boolean> {
    const asked = this.modules.find((m) => m.name === name);
    return this.loads.run(name, () => this.reloadNow(name, files, doc, session, asked));
  }

  /** `asked`: the version open when the reload was asked for (a load before it may have replaced it since). */
  private async reloadNow(name: string, files: ModuleFiles, doc: ScenarioDoc, session: RunSession, asked: OpenModule | undefined): Promise<boolean> {
    this.error = undefined;
    const old = this.modules.find((m) => m.name === name);
    if (!old) return this.openNow(files);
    if ((await moduleHash(files)) === old.hash) {
      // the content a load asked before this one has just loaded (Reload pressed twice): that load's Rule change stays on screen
      if (old === asked) this.ruleChange = unchangedView(name, versionOf(old));
      return true;
    }
    const next = await this.loaded(files, old.source);
    if (!next) return false;
    const uses = typeof doc.raw?.domain === 'string' && this.byReference(doc.raw.domain)?.name === name && doc.result?.ok;
    if (!uses || !doc.result?.ok) {
      this.replace(next);
      this.ruleChange = { module: name, change: undefined, note: 'No open scenario runs with this module: open or build one, then reload the module again.' };
      return true;
    }
    try {
      this.busy = `Running the scenario with the old and the new ${name}…`;
      const scenarioBefore = doc.result.scenario;
      const before = await sideOf(scenarioBefore, old.client, session);
      if (before.ok) this.lastRan.set(name, { files: old.files, version: versionOf(old) });
      this.replace(next);
      // the scenario validated against the new rules (schemas may have changed)
      const scenario = doc.result?.ok ? doc.result.scenario : undefined;
      if (!scenario) {
        this.ruleChange = { module: name, change: undefined, note: 'The open scenario does not fit the new rules: see its errors in the Scenario view.' };
        return true;
      }
      const after = await sideOf(scenario, next.client, session);
      const last = !before.ok && after.ok ? this.lastRan.get(name) : undefined;
      // the same content as the last version that ran runs as it does: no need to run that again
      const lastRan = last && (last.version.hash === next.hash ? after : await this.lastRanSide(name, last.files, scenarioBefore, session));
      if (after.ok) this.lastRan.set(name, { files: next.files, version: versionOf(next) });
      this.ruleChange = ruleChangeView(name, before, after, lastRan, { before: versionOf(old), after: versionOf(next), ...(last ? { lastRan: last.version } : {}) });
      this.busy = undefined;
      // Runs shows the new rules' runs, or the message they stopped with, never the old rules' runs
      await session.run(scenario);
    } finally {
      this.busy = undefined;
    }
    return true;
  }

  /** The last version of `name` that ran the open scenario (its `files`), run on `scenario` again in a worker of its own (ended after). */
  private async lastRanSide(name: string, files: ModuleFiles, scenario: Scenario, session: RunSession): Promise<RuleSideResult> {
    const client = new ModuleClient(name, files);
    try {
      return await sideOf(scenario, client, session);
    } finally {
      client.terminate();
    }
  }
}

/** A loaded module's version: its content hash and load time. */
const versionOf = (m: OpenModule): ModuleVersion => ({ hash: m.hash, loadedAt: m.loadedAt });

/** One version's run of `scenario` for a rule change (its decisions per run), or the message it stopped with. */
async function sideOf(scenario: Scenario, client: ModuleClient, session: RunSession): Promise<RuleSideResult> {
  try {
    return { ok: true, side: await session.engine.decisions(scenario, client) };
  } catch (e) {
    return { ok: false, message: e instanceof ModuleLoadError ? e.problem.message : e instanceof Error ? e.message : String(e) };
  }
}
