/**
 * The comparison as one standalone HTML file, a handout that prints: the scenario's lesson (its
 * Markdown description), the `purestream compare …` line that reproduces it (when known, as
 * text), the why hints, metrics with deltas (and what the violations count), where each run that
 * broke an invariant broke it (brokeSection.ts), the state differences, inline SVG charts (of the
 * model the app's charts draw, overlayChart.ts) and, when one is open, the real run beside its
 * simulated run (deliveries side by side, dead letters, stateHash and the verdict). One
 * stylesheet (compareHtmlStyle.ts): light, dark on a screen that prefers it, light in print. No
 * scripts, no external resources; every text from the data escaped. Pure.
 */
import type { CompareModel } from './compareModel';
import { formatDelta, formatValue, showValue, violationsNote } from './compareModel';
import { compareCharts } from './overlayChart';
import { svgChart } from './svgChart';
import { brokeSection } from './brokeSection';
import { COMPARE_HTML_STYLE } from './compareHtmlStyle';
import { escapeXml } from '../text/escapeXml';
import { markdownHtml } from '../text/markdown';
import type { RealRunModel } from './realRunModel';
import type { RunData, WhyHint } from './whyHints';
import type { CommandLine } from '../cli/commandLine';

/** What the report shows. */
export interface CompareHtmlInput {
  readonly scenario: string;
  /** The scenario's description (Markdown, scenario.md: "explanation shown in the app"): the lesson, at the top; none when empty. */
  readonly description?: string;
  readonly model: CompareModel;
  readonly hints: readonly WhyHint[];
  /** The runs, each with the color the app draws it in (default: by its place here), and the decision behind its first violation (`broke`) when read. */
  readonly runs: readonly (RunData & { readonly color?: string })[];
  /** A real run set beside its simulated run (Compare's "Real run"): the file it came from, the run's name, the model shown. */
  readonly real?: { readonly file: string; readonly run: string; readonly model: RealRunModel };
  /** The command that reproduces it, as Compare shows it (renderer/lib/cli/commandLine.ts): said under the title as text. */
  readonly command?: CommandLine;
}

/** The real-run section: counts side by side, dead letters, final states and their differences. */
function realSection(real: NonNullable<CompareHtmlInput['real']>): string {
  const e = escapeXml;
  const { model } = real;
  const tone = model.tone === 'ok' ? 'better' : model.tone === 'bad' ? 'worse' : 'changed';
  const rows = model.rows.map((r) => `<tr><td>${e(r.label)}</td><td>${r.simulated}</td><td>${r.real}${r.delta !== 0 ? `<span class="d changed">${formatDelta(r.delta, '')}</span>` : ''}</td></tr>`).join('\n');
  const letters = (items: readonly string[]) => (items.length === 0 ? 'none' : items.map(e).join(', '));
  const diffs =
    model.differences.length === 0
      ? ''
      : `<table><tr><th>Path</th><th>simulated</th><th>real</th></tr>${model.differences
          .map((d) => `<tr class="diverging"><td><code>${e(d.path.join('.'))}</code></td>${d.values.map((v) => `<td>${e(showValue(v))}</td>`).join('')}</tr>`)
          .join('\n')}</table>${model.differencesCut ? '<p class="muted">(the first differences only)</p>' : ''}`;
  return `<h2>Real run: ${e(real.run)}</h2><p class="muted">${e(real.file)} · consumer ${e(model.consumer)}</p>
<p class="${tone}">${e(model.verdict)}</p>
<table><thead><tr><th></th><th>simulated</th><th>real</th></tr></thead>\n${rows}</table>
<p>Dead letters: simulated ${letters(model.deadLetters.simulated)}; real ${letters(model.deadLetters.real)}</p>
<p class="muted">stateHash simulated <code>${e(model.stateHash.simulated)}</code>, real <code>${e(model.stateHash.real)}</code></p>${diffs}`;
}

/** The standalone HTML report of a comparison. */
export function compareHtml(input: CompareHtmlInput): string {
  const { model } = input;
  const e = escapeXml;
  const head = `<thead><tr><th>Metric</th>${model.runs.map((r) => `<th>${e(r)}</th>`).join('')}</tr></thead>`;
  const rows = model.metrics
    .map((m) => {
      const cells = m.cells
        .map((c, i) => `<td>${formatValue(c.value, m.unit)}${i > 0 && c.delta !== 0 ? `<span class="d ${c.tone}">${formatDelta(c.delta, m.unit)}</span>` : ''}</td>`)
        .join('');
      return `<tr><td>${e(m.label)}</td>${cells}</tr>`;
    })
    .join('\n');
  const note = violationsNote(model);
  const diffs =
    model.differences.length === 0
      ? '<p class="muted">Every run ends in the same state.</p>'
      : `<table><thead><tr><th>Path</th>${model.runs.map((r) => `<th>${e(r)}</th>`).join('')}</tr></thead>${model.differences
          .slice(0, 500)
          .map((d) => `<tr class="diverging"><td><code>${e(d.path.join('.'))}</code></td>${d.values.map((v) => `<td>${e(showValue(v))}</td>`).join('')}</tr>`)
          .join('\n')}</table>${model.differences.length > 500 ? `<p class="muted">… and ${model.differences.length - 500} more</p>` : ''}`;
  const hints = input.hints.length === 0 ? '<p class="muted">No differences worth a hint.</p>' : `<ul class="hints">${input.hints.map((h) => `<li class="${h.tone}">${e(h.text)}${h.streams ? `<details><summary>All ${h.streams.length} streams</summary>${e(h.streams.join(', '))}</details>` : ''}</li>`).join('')}</ul>`;
  const charted = compareCharts(input.runs);
  const charts = charted ? `<h2>Charts</h2><div class="charts">${svgChart(charted.depth)}${svgChart(charted.latency)}</div>` : '';
  const lesson = input.description?.trim() ? `<section class="lesson" aria-label="Lesson">${markdownHtml(input.description)}</section>\n` : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light dark"><title>${e(input.scenario)} — comparison</title><style>${COMPARE_HTML_STYLE}</style></head>
<body><h1>${e(input.scenario)}</h1><p class="muted">Purestream comparison of ${model.runs.map(e).join(', ')}; deltas are against ${e(model.runs[0] ?? '')}.</p>
${input.command ? `<p class="muted">Same as <code>${e(input.command.command)}</code>${input.command.pending ? ` ${e(input.command.pending)}` : ''}, ${e(input.command.where)}</p>\n` : ''}${lesson}<h2>Why</h2>${hints}
<h2>Metrics</h2><table class="metrics">${head}\n${rows}</table>${note ? `<p class="note muted">${e(note)}</p>` : ''}
${brokeSection(input.runs)}
<h2>Final-state differences${model.divergingStreams.length > 0 ? ` (${model.divergingStreams.length} diverging ${model.divergingStreams.length === 1 ? 'stream' : 'streams'}: ${model.divergingStreams.map(e).join(', ')})` : ''}</h2>${diffs}
${charts}
${input.real ? realSection(input.real) : ''}
</body></html>
`;
}
