/**
 * "Where it broke" of the exported comparison: for each run that broke an invariant, the decision
 * behind its first violation (RunReader.brokenDecision) — the command and its data, the events it
 * decided (the one that broke it marked), the broken stream's fields that changed as the decision
 * read them, just before that event and just after it, and the invariant's message then and at
 * the end. When the stream changed between the read and the event (a stale read), it says so:
 * that is how correct decisions oversell. HTML text, every value escaped. Pure.
 */
import { diffLeaves } from '../../../src/engine/report/compareRuns';
import type { BrokenDecision } from '../reader/brokenDecision';
import { escapeXml } from '../text/escapeXml';
import { truncate } from '../text/truncate';
import { showValue, valueAt } from './compareModel';
import { quoted } from './whyHints';

/** Fields of the stream shown at most. */
const MAX_FIELDS = 20;

/** A JSON value as short code text. */
const json = (v: unknown): string => `<code>${escapeXml(truncate(JSON.stringify(v) ?? 'undefined', 300))}</code>`;

/** The stream's changed fields: read → before → after, each column a moment. */
function fieldsTable(broke: BrokenDecision): string {
  const e = escapeXml;
  const moments: { label: string; value: unknown }[] = [
    ...(broke.read ? [{ label: 'it read', value: broke.read.aggregate }] : []),
    { label: `just before #${broke.eventSeq}`, value: broke.before },
    { label: `after #${broke.eventSeq}`, value: broke.after },
  ];
  const paths = new Map<string, readonly string[]>();
  for (let i = 1; i < moments.length; i++) for (const d of diffLeaves(moments[i - 1].value, moments[i].value)) paths.set(JSON.stringify(d.path), d.path);
  const shown = [...paths.values()].slice(0, MAX_FIELDS);
  const head = `<tr><th>${e(broke.stream)}</th>${moments.map((m) => `<th>${e(m.label)}</th>`).join('')}</tr>`;
  const rows = shown.map((path) => `<tr><td><code>${e(path.join('.') || '(value)')}</code></td>${moments.map((m) => `<td>${e(showValue(valueAt(m.value, path)))}</td>`).join('')}</tr>`);
  return `<table class="fields">${head}\n${rows.join('\n')}</table>${paths.size > MAX_FIELDS ? `<p class="muted">(the first ${MAX_FIELDS} fields that changed)</p>` : ''}`;
}

/** One run's "Where it broke". */
function brokeRun(run: string, broke: BrokenDecision): string {
  const e = escapeXml;
  const { command, decision } = broke;
  const decided = decision ? ` — decided by worker ${decision.worker} from ${decision.startedAt} to ${decision.endedAt} ms` : '';
  const events = broke.events
    .map((ev) => `<li${ev.seq === broke.eventSeq ? ' class="broke-event"' : ''}>#${ev.seq} <strong>${e(ev.type)}</strong> on ${e(ev.stream)} ${json(ev.data)}${ev.seq === broke.eventSeq ? ' <em>(its enactment broke the invariant)</em>' : ''}</li>`)
    .join('');
  // the engine's own verdict on the decision's read (DecisionRecord.stale), as Metrics counts it: a diff of the
  // state read with the one before the breaking event would also count the decision's own earlier events
  const meanwhile = broke.decision?.stale
    ? `<p>Between its read and #${broke.eventSeq}, other decisions changed ${e(broke.stream)}: it decided on a state that was no longer there.</p>`
    : '';
  const end = broke.atEnd !== undefined ? ` Still broken at the end: ${e(broke.atEnd)}.` : ` ${e(broke.stream)} was allowed again by the end.`;
  return `<section class="broke" aria-label="${e(`Where ${run} broke`)}"><h3>${e(quoted(run))}: ${e(broke.invariant)} at t=${broke.atMs} ms</h3>
<p>Command <code>${e(command.id)}</code> <strong>${e(command.type)}</strong>${'data' in command ? ` ${json(command.data)}` : ''}${decided}.</p>
<p>It decided:</p><ol class="events">${events}</ol>
${fieldsTable(broke)}
${meanwhile}<p class="verdict">Broke <strong>${e(broke.invariant)}</strong>: ${e(broke.message)}.${end}</p></section>`;
}

/** The "Where it broke" section of the runs that broke an invariant ('' when none did). */
export function brokeSection(runs: readonly { readonly report: { readonly name: string }; readonly broke?: BrokenDecision }[]): string {
  const broken = runs.flatMap((r) => (r.broke ? [brokeRun(r.report.name, r.broke)] : []));
  if (broken.length === 0) return '';
  return `<h2>Where it broke</h2><p class="muted">The decision behind each run's first invariant violation.</p>\n${broken.join('\n')}`;
}
