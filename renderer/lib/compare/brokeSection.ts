/**
 * "Where it broke" of the exported comparison: each run's WhereItBroke (whereItBroke.ts, the
 * model Compare and the graph's details show too) as HTML — the command and its data, the events
 * it decided (the one that broke it marked), the broken stream's fields that changed as the
 * decision read them, just before that event and just after it, whether the read was stale, and
 * the invariant's message then and at the end. HTML text, every value escaped. Pure.
 */
import type { BrokenDecision } from '../reader/brokenDecision';
import { escapeXml } from '../text/escapeXml';
import { MAX_FIELDS, whereItBroke, type DecisionReading, type WhereItBroke } from './whereItBroke';

/** Short JSON text as code. */
const code = (text: string): string => `<code>${escapeXml(text)}</code>`;

/** The stream's changed fields: read → before → after, each column a moment. */
function fieldsTable(reading: DecisionReading): string {
  const e = escapeXml;
  const head = `<tr><th>${e(reading.stream)}</th>${reading.moments.map((m) => `<th>${e(m)}</th>`).join('')}</tr>`;
  const rows = reading.rows.map((r) => `<tr><td><code>${e(r.field)}</code></td>${r.cells.map((c) => `<td>${e(c)}</td>`).join('')}</tr>`);
  return `<table class="fields">${head}\n${rows.join('\n')}</table>${reading.more > 0 ? `<p class="muted">(the first ${MAX_FIELDS} fields that changed)</p>` : ''}`;
}

/** One run's "Where it broke". */
function brokeRun(w: WhereItBroke): string {
  const e = escapeXml;
  const events = w.events
    .map((ev) => `<li${ev.broke ? ' class="broke-event"' : ''}>#${ev.seq} <strong>${e(ev.type)}</strong> on ${e(ev.stream)} ${code(ev.data)}${ev.broke ? ' <em>(its enactment broke the invariant)</em>' : ''}</li>`)
    .join('');
  const meanwhile = w.reading.stale ? `<p>${e(w.reading.stale)}</p>` : '';
  return `<section class="broke" aria-label="${e(`Where ${w.run} broke`)}"><h3>${e(w.heading)}</h3>
<p>Command <code>${e(w.command.id)}</code> <strong>${e(w.command.type)}</strong>${w.command.data !== undefined ? ` ${code(w.command.data)}` : ''}${w.decided ? ` — ${e(w.decided)}` : ''}.</p>
<p>It decided:</p><ol class="events">${events}</ol>
${fieldsTable(w.reading)}
${meanwhile}<p class="verdict">Broke <strong>${e(w.invariant)}</strong>: ${e(w.message)}. ${e(w.end)}</p></section>`;
}

/** The "Where it broke" section of the runs that broke an invariant ('' when none did). */
export function brokeSection(runs: readonly { readonly report: { readonly name: string }; readonly broke?: BrokenDecision }[]): string {
  const broken = runs.flatMap((r) => (r.broke ? [brokeRun(whereItBroke(r.report.name, r.broke))] : []));
  if (broken.length === 0) return '';
  return `<h2>Where it broke</h2><p class="muted">The decision behind each run's first invariant violation.</p>\n${broken.join('\n')}`;
}
