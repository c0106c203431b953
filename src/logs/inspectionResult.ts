/**
 * The report of an inspection (./logInspector), at its end or so far (a live source's tail): the
 * facts every log has, the notes on how it was read (a domain the log names that is not the one
 * chosen, a domain that files events under its own streams, streams that began before the read),
 * and with a domain its violations, drift and replayed state — or, when a record cannot be read
 * and invalid records are not skipped, the problems that refuse the log. Pure.
 */
import { RENAME_ADVICE, type DomainCheck } from './domainCheck';
import type { AnomalyList } from './facts/anomalyList';
import type { LogFacts } from './facts/logFacts';
import { namedDomainNote, type NamedDomain } from './headerDomainNote';
import { withLazyFinalState } from './lazyFinalState';
import { hashingPlainStates } from './stateNotJson';
import { otherProfile, type FieldReader, type JsonObject } from './profiles';
import type { StaleWatch } from './staleDecisions';
import { finalStateObject, hashState, type HashKept, type HasherFactory } from '../engine/report/stateHash';
import type { Anomaly, InspectionReport, InspectResult } from './types';
import { placeText, positionName, type PlacedEntry } from './placeWord';

/** What an inspection read, as its report needs it. */
export interface InspectionState {
  readonly facts: LogFacts;
  readonly reader: FieldReader;
  readonly domain: DomainCheck | undefined;
  readonly stale: StaleWatch | undefined;
  /** A blocking problem means the log is refused. */
  readonly refused: boolean;
  /** Every anomaly and problem found (the report lists `anomalies`, which may be a closed copy of it). */
  readonly all: AnomalyList;
  /** Records met. */
  readonly records: number;
  readonly commands: number;
  readonly rejections: number;
  readonly notice: string | undefined;
  readonly named: NamedDomain | undefined;
  /** Events the domain files under another stream than the log names (its streamOf), and the first of them. */
  readonly restreamed: number;
  /** The events the domain read as its own (those an unknown type or invalid data kept from it are not): what `restreamed` is of. */
  readonly domainEvents: number;
  /** The first such event: its place (a file's line, a source's position) and both stream names. */
  readonly firstRestreamed: (PlacedEntry & { readonly log: string; readonly domain: string }) | undefined;
  readonly hasher: HasherFactory | undefined;
  /** With a profile asked for: the first records it read no event from (./profiles otherProfile). */
  readonly unreadSamples: readonly JsonObject[] | undefined;
}

/**
 * How many of the events the log files under another stream than the domain: of those the domain
 * read (`every event`, `2 of 3 events`), saying so when it could not read some (an unknown type,
 * invalid data: `every event it could read (150 of 152)`).
 */
function restreamedCount(restreamed: number, read: number, events: number): string {
  if (read === events) return restreamed === events ? 'every event' : `${restreamed} of ${events} events`;
  return restreamed === read ? `every event it could read (${read} of ${events})` : `${restreamed} of the ${read} events it could read (of ${events})`;
}

/** The note on the domain the log names, when another was chosen (first: it explains the records' problems); `found`: the problems or anomalies listed. */
function namedDomainNotes(s: InspectionState, found: readonly Anomaly[]): string[] {
  const named = s.named;
  const chosen = s.domain?.decider.id;
  if (!named || chosen === undefined || named.domain === chosen) return [];
  return [namedDomainNote(named, chosen, found.some((a) => a.kind === 'unknown-type'), s.refused)];
}

/** The report: at the end (`final`: the state read in place, drift flushed, with the history) or so far. */
export function inspectionResult(s: InspectionState, source: string, framing: string, anomalies: { readonly kept: readonly Anomaly[]; readonly count: number }, final: boolean): InspectResult {
  const facts = s.facts;
  // said at each report (the count of streams left out grows while a source is tailed)
  const unreplayed = s.domain?.startsNote();
  const restreamed = s.firstRestreamed;
  const notes = namedDomainNotes(s, s.refused ? s.all.problems : anomalies.kept);
  // with the log's domain named, the unknown types and the streams are of another domain: said once, in that note
  const otherDomain = notes.length > 0;
  if (restreamed && !otherDomain)
    notes.push(
      `the domain files events under its own streams (its streamOf), and ${restreamedCount(s.restreamed, s.domainEvents, facts.events)} the log files under another: ` +
        `stream ${JSON.stringify(restreamed.log)} (${placeText(framing, positionName(s.reader.fieldsUsed().globalPosition), restreamed)}) is ${JSON.stringify(restreamed.domain)} to the domain; the violations${s.stale ? ', the stale decisions' : ''} and the final state name the domain's streams, the rest of the report the log's`,
    );
  if (unreplayed !== undefined) notes.push(unreplayed);
  const jsonText = s.reader.jsonTextPayloads;
  if (jsonText > 0) notes.push(`${jsonText === 1 ? 'the payload of 1 record was' : `payloads of ${jsonText} records were`} JSON text in a string; read as JSON`);
  const looksLike = facts.events === 0 && s.unreadSamples ? otherProfile(s.reader.profile.name, s.unreadSamples) : undefined;
  if (s.refused)
    return {
      ok: false,
      problems: otherDomain ? s.all.problems.map(withoutRenameAdvice) : [...s.all.problems],
      problemCount: s.all.problemCount,
      reason: `${s.all.problemCount} record${s.all.problemCount === 1 ? '' : 's'} cannot be read`,
      records: s.records,
      ...(notes.length > 0 ? { notes } : {}),
      ...(looksLike ? { otherProfile: { used: s.reader.profile.name, detected: looksLike } } : {}),
    };
  const fieldPointers = s.reader.fieldPointers();
  const report: InspectionReport = {
    format: 'purestream/inspection@1',
    domain: s.domain ? s.domain.decider.id : null,
    source,
    framing,
    profile: s.reader.profile.name,
    fieldsUsed: s.reader.fieldsUsed(),
    ...(Object.keys(fieldPointers).length > 0 ? { fieldPointers } : {}),
    events: facts.events,
    commands: s.commands,
    ...(s.rejections > 0 ? { rejections: s.rejections } : {}),
    types: facts.typeCounts(),
    ...facts.facts(),
    tombstones: facts.tombstones,
    systemEvents: facts.systemEvents,
    otherRecords: facts.otherRecords,
    ...(facts.archivedRecords > 0 ? { archivedRecords: facts.archivedRecords } : {}),
    ...(facts.redeliveries > 0 ? { redeliveries: facts.redeliveries } : {}),
    anomalies: otherDomain ? anomalies.kept.map(withoutRenameAdvice) : final ? anomalies.kept : [...anomalies.kept],
    ...(anomalies.count > anomalies.kept.length ? { anomalyCount: anomalies.count } : {}),
    violations: s.domain ? (final ? s.domain.replay.violations : [...s.domain.replay.violations]) : [],
    // nothing checked: no event read by the domain, or every stream it read began before the read (replayed from an unknown state)
    ...(s.domain && facts.events > 0 && (s.domainEvents === 0 || (s.domain.streamsBeforeRead > 0 && s.domain.streamsBeforeRead >= s.domain.replay.state.size)) ? { invariantsChecked: false as const } : {}),
    ...(s.domain && s.domainEvents < facts.events ? { eventsChecked: s.domainEvents } : {}),
    ...(s.domain && s.domain.streamsBeforeRead > 0 ? { streamsBeforeRead: s.domain.streamsBeforeRead } : {}),
    drift: [],
    ...(s.stale ? { staleDecisions: s.stale.report(final) } : {}),
    ...(s.notice ? { notice: s.notice } : {}),
    ...(notes.length > 0 ? { notes } : {}),
    ...(!s.domain && s.named?.by === 'header' ? { headerDomain: s.named.domain } : {}),
    ...(!s.domain && s.named?.by === 'source' ? { sourceDomain: s.named.domain } : {}),
    ...(looksLike ? { detectedProfile: looksLike } : {}),
  };
  if (!s.domain) return { ok: true, report };
  const domain = s.domain;
  const view = domain.replay.view;
  if (final) domain.drift.flush(view);
  const state = domain.replay.state;
  const keys = [...state.keys()].sort();
  const kept: HashKept = final ? {} : { plainOnly: true };
  const withState = { ...report, drift: final ? domain.drift.drift() : domain.drift.drift(view), stateHash: hashingPlainStates(report.domain ?? 'the domain', keys, (k) => state.get(k), () => hashState(state, keys, s.hasher, kept)), finalState: {} };
  // a state holding a Map, Set or Date is written tagged, as the hash read it (../engine/report/taggedJson)
  const tagged = kept.plain === false;
  if (final) {
    withLazyFinalState(
      withState,
      () => finalStateObject(state, keys),
      keys.length,
      function* () {
        for (const k of keys) yield [k, state.get(k)] as const;
      },
      kept.members,
      tagged,
    );
    return { ok: true, report: withState, ...(domain.replay.history ? { history: domain.replay.history } : {}) };
  }
  // the state goes on changing after a snapshot: its aggregates as they are now (evolve makes new ones, so keeping them is enough)
  const now = new Map(keys.map((k) => [k, state.get(k)] as const));
  withLazyFinalState(
    withState,
    () => finalStateObject(now, keys),
    keys.length,
    function* () {
      for (const k of keys) yield [k, now.get(k)] as const;
    },
    undefined,
    tagged,
  );
  return { ok: true, report: withState };
}

/** An unknown type's problem without the advice to rename it (RENAME_ADVICE): the log names another domain. */
function withoutRenameAdvice(a: Anomaly): Anomaly {
  return a.kind === 'unknown-type' && a.message.endsWith(RENAME_ADVICE) ? { ...a, message: a.message.slice(0, -RENAME_ADVICE.length) } : a;
}
