/**
 * Which worker reads a log with its domain (logs.md: "a domain, bundled or a module"): the logs
 * worker for no domain or a bundled one, the module's own worker for a domain module, which a
 * reading names by its file name (`library.ts`), as the rest of the app does. Every call of the
 * Logs view that runs a domain goes through here — an import (of a file or a live source), an
 * inspection again, the Mapping dialog's preview, a record's stream before and after it — so a
 * module's log reads like a bundled domain's, and module code runs only in its worker.
 */
import type { DomainInfo } from '../../../domain/kernel';
import { bundledDomain } from '../../../src/engine/module/bundled';
import { isModuleFileName } from '../../../src/engine/module/moduleFile';
import type { StoredReading } from '../../lib/inspector/importRecords';
import type { Preview } from '../../lib/inspector/previewReading';
import type { RecordDetail } from '../../lib/inspector/recordDetail';
import type { ImportInput, ImportOptions, ImportProgress, ImportResult } from '../../lib/workspace/logsProtocol';
import type { LiveBatches } from '../worker/logs/linkedLogs';
import type { RemoteEarlier } from '../../../src/sources/remoteEarlier';
import type { LogsClient } from '../worker/logsClient';
import type { ModuleClient } from '../worker/moduleClient';
import { ModuleLogs } from '../worker/moduleLogs';
import type { OpenModule } from './DomainModules.svelte';

/** True when a reading's domain names a domain module (by its file name) rather than a bundled domain. */
export const namesModule = (domain: string | null | undefined): domain is string => typeof domain === 'string' && isModuleFileName(domain);

/** The domains a log can be read with, and the worker each runs in. */
export class LogDomains {
  private readonly moduleLogs: ModuleLogs;
  /** The module whose worker runs the import in progress, if one does. */
  private importing: ModuleClient | undefined;

  /** `modules`: the domain modules open now. */
  constructor(
    private readonly logs: LogsClient,
    private readonly modules: () => readonly OpenModule[],
  ) {
    this.moduleLogs = new ModuleLogs(logs);
  }

  /** The open module a domain names; undefined for none or a bundled domain; an Error when it names a module that is not open. */
  moduleFor(domain: string | null | undefined): ModuleClient | undefined {
    if (!namesModule(domain)) return undefined;
    const open = this.open(domain!);
    if (!open) throw new Error(`${domain} is not open: open it in the Domains view, or choose another domain`);
    return open.client;
  }

  /** Whether a domain module of that name is open. */
  isOpen(domain: string): boolean {
    return this.open(domain) !== undefined;
  }

  /** The open module of that file name. */
  private open(domain: string): OpenModule | undefined {
    return this.modules().find((m) => m.name === domain);
  }

  /** What a map is checked against for a domain (a bundled domain, or an open module's description). */
  info(domain: string | null | undefined): DomainInfo | undefined {
    if (!domain) return undefined;
    return namesModule(domain) ? this.open(domain)?.info : bundledDomain(domain);
  }

  /** How the menus name a domain: a bundled domain by its title, a module by its file name. */
  name(domain: string): string {
    return namesModule(domain) ? domain : (bundledDomain(domain)?.title ?? domain);
  }

  /** Imports and inspects a log read as `options` says, where its domain runs. */
  importLog(input: ImportInput, options: ImportOptions, onProgress: (p: ImportProgress) => void): Promise<ImportResult> {
    const module = this.moduleFor(options.domain);
    if (!module) return this.logs.importLog(input, options, onProgress);
    return this.whileImporting(module, this.moduleLogs.importLog(module, input, options, onProgress));
  }

  /**
   * Imports a live source's records, read as `options` says, where its domain runs: `batches`
   * hands them over as the connection gives them (each resolves once the import took it; `end`
   * finishes the import with what was read).
   */
  importLive(options: ImportOptions, framing: string, onProgress: (p: ImportProgress) => void, earlier?: RemoteEarlier): { result: Promise<ImportResult>; batches: LiveBatches } {
    const module = this.moduleFor(options.domain);
    if (module) {
      const live = this.moduleLogs.importLive(module, options, framing, onProgress, earlier);
      return { result: this.whileImporting(module, live.result), batches: live.batches };
    }
    return {
      result: this.logs.importLive(options, framing, onProgress, earlier),
      batches: { batch: (records) => this.logs.api.liveBatch(records), end: () => void this.logs.api.liveEnd() },
    };
  }

  /** Inspects a stored log again, read as `options` says, where its domain runs. */
  inspectAgain(logId: number, options: ImportOptions, onProgress: (p: ImportProgress) => void): Promise<ImportResult> {
    const module = this.moduleFor(options.domain);
    if (!module) return this.logs.inspectAgain(logId, options, onProgress);
    return this.whileImporting(module, this.moduleLogs.inspectAgain(module, logId, options, onProgress));
  }

  private async whileImporting(module: ModuleClient, imported: Promise<ImportResult>): Promise<ImportResult> {
    this.importing = module;
    try {
      return await imported;
    } finally {
      if (this.importing === module) this.importing = undefined;
    }
  }

  /** Stops the import in progress, wherever it runs; nothing of it is kept. */
  cancel(): void {
    if (this.importing) void this.moduleLogs.cancel(this.importing).catch(() => undefined);
    else void this.logs.api.cancelImport();
  }

  /** The first `count` records of a stored log read with `options` (the Mapping dialog's preview). */
  preview(logId: number, options: ImportOptions, count: number): Promise<Preview> {
    const module = this.moduleFor(options.domain);
    return module ? this.moduleLogs.preview(module, logId, options, count) : this.logs.api.preview(logId, options, count);
  }

  /**
   * One record of a stored log in full. With a domain module that is open, its stream before and
   * after it comes from the module's worker (the logs worker replays only a bundled domain); with
   * one that is not, the record is shown without them.
   */
  async recordDetail(logId: number, seq: number, reading: StoredReading | undefined): Promise<RecordDetail | undefined> {
    const detail = await this.logs.api.recordDetail(logId, seq);
    const domain = reading?.domain;
    if (!detail || detail.change || detail.kind !== 'event' || !reading || !namesModule(domain) || !this.isOpen(domain)) return detail;
    const change = await this.moduleLogs.recordChange(this.moduleFor(domain)!, logId, seq, reading).catch(() => undefined);
    return change ? { ...detail, change } : detail;
  }
}
