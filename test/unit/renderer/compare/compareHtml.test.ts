import { describe, expect, it } from 'vitest';
import { runFacts } from '../../../../renderer/lib/reader/runCharts';
import { alignSeries, latencyPoints } from '../../../../renderer/lib/compare/chartSeries';
import { compareHtml } from '../../../../renderer/lib/compare/compareHtml';
import { brokeSection } from '../../../../renderer/lib/compare/brokeSection';
import { compareModel } from '../../../../renderer/lib/compare/compareModel';
import { realRunModel } from '../../../../renderer/lib/compare/realRunModel';
import type { RealComparison } from '../../../../src/sources/sinks/compareReal';
import { readFileSync } from 'node:fs';
import { ticks } from '../../../../renderer/lib/compare/svgChart';
import { compareCharts } from '../../../../renderer/lib/compare/overlayChart';
import { parseScenario } from '../../../../src/engine/scenario/parse';
import { runScenario } from '../../../../src/engine/run';
import { toDomainModule } from '../../../../src/engine/module/bundled';
import library from '../../../fixtures/modules/library/library';
import { whyHints } from '../../../../renderer/lib/compare/whyHints';
import { flashSale, flashSaleRunData, flashSaleScenario, runData } from './flashSale';
import { compareCommandLine, scenarioArgument } from '../../../../renderer/lib/cli/commandLine';

describe('compareHtml', () => {
  const { report } = flashSale();
  const runs = [0, 1].map((i) => runData(flashSale(), i));

  it('is a standalone page with the table, the differences, the hints and two inline SVG charts', () => {
    const html = compareHtml({ scenario: report.scenario, model: compareModel(runs.map((r) => r.report)), hints: whyHints(runs), runs });
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<th>one queue</th><th>8 workers</th>');
    expect(html).toContain('stock:tee@main.stock');
    expect(html).toContain('oversold tee@main by 4');
    expect(html.match(/<svg /g)).toHaveLength(2);
    expect(html).not.toMatch(/<script|src=|href=/);
  });

  it('holds the real run set beside its simulated run: counts side by side, dead letters, stateHash and the verdict', () => {
    const comparison = JSON.parse(readFileSync('test/fixtures/real-runs/decoupled-uptime.flaky-retries.email.comparison.json', 'utf8')) as RealComparison;
    const model = realRunModel(comparison);
    const html = compareHtml({ scenario: report.scenario, model: compareModel(runs.map((r) => r.report)), hints: [], runs, real: { file: 'email.state.json', run: comparison.run, model } });
    expect(html).toContain(`<h2>Real run: ${comparison.run.replace('&', '&amp;')}</h2>`);
    expect(html).toContain('<tr><td>Deliveries</td><td>28</td><td>32<span class="d changed">+4</span></td></tr>');
    expect(html).toContain('Dead letters: simulated c8.1 (OrderPlaced), c12.1 (OrderPlaced); real c8.1 (OrderPlaced), c12.1 (OrderPlaced)');
    expect(html).toContain(`<p class="better">The final states are equal (stateHash ${comparison.real.stateHash}), as they must be for an exactly-once consumer.</p>`);
    expect(html).not.toMatch(/<script|src=|href=/);
  });

  it('escapes names', () => {
    const evil = { ...report.runs[0], name: '<b>x</b>' };
    const html = compareHtml({ scenario: 'a & b', model: compareModel([evil]), hints: [], runs: [{ report: evil }] });
    expect(html).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(html).toContain('a &amp; b');
  });

  it('says the command line that reproduces it, as Compare shows it, as escaped text under the title', () => {
    const shipped = compareCommandLine(scenarioArgument('flash-sale.json', {}, [{ path: 'samples/scenarios/flash-sale.json', value: {} }]));
    const plain = compareHtml({ scenario: report.scenario, model: compareModel(runs.map((r) => r.report)), hints: [], runs, command: shipped });
    expect(plain).toContain(`</h1><p class="muted">Purestream comparison of one queue, 8 workers; deltas are against one queue.</p>
<p class="muted">Same as <code>purestream compare samples/scenarios/flash-sale.json</code>, run in a Purestream checkout&#39;s folder</p>`);

    // a hostile scenario file name and run name: the command quotes it for the shell, the page escapes it
    const evil = { ...report.runs[0], name: '<script>alert("run")</script>' };
    const command = compareCommandLine(scenarioArgument(`<script>alert("x")'.json`, {}, []));
    expect(command.command).toBe(`purestream compare '<script>alert("x")'\\''.json'`);
    const html = compareHtml({ scenario: '<script>"s"</script>', model: compareModel([evil]), hints: [], runs: [{ report: evil }], command });
    expect(html).toContain(
      `<p class="muted">Same as <code>purestream compare &#39;&lt;script&gt;alert(&quot;x&quot;)&#39;\\&#39;&#39;.json&#39;</code>, run in the scenario file&#39;s folder</p>`,
    );
    expect(html).toContain('&lt;script&gt;alert(&quot;run&quot;)&lt;/script&gt;');
    expect(html).not.toMatch(/<script|src=|href=/);

    // a scenario with edits its file does not hold: the page says so right after the command, as Compare does
    const edited = compareCommandLine(scenarioArgument('flash-sale.json', { edited: true }, [{ path: 'samples/scenarios/flash-sale.json', value: {} }]), true);
    expect(compareHtml({ scenario: report.scenario, model: compareModel(runs.map((r) => r.report)), hints: [], runs, command: edited })).toContain(
      `<p class="muted">Same as <code>purestream compare flash-sale.json</code> with your edits, once saved to that file (Download scenario), run in the scenario file&#39;s folder</p>`,
    );
  });
});

describe('the handout: the lesson, where it broke, what violations count, a page that prints', () => {
  const page = async () => {
    const runs = await flashSaleRunData();
    return compareHtml({ scenario: flashSale().report.scenario, description: flashSaleScenario().description, model: compareModel(runs.map((r) => r.report)), hints: whyHints(runs), runs });
  };

  it("opens with the scenario's description, its Markdown rendered", async () => {
    const html = await page();
    expect(html).toContain('<section class="lesson" aria-label="Lesson"><p>150 customers each order one tee, 2 ms apart, but only 100 are in stock, and a decision takes 10 ms.</p>');
    expect(html).toContain('<li><strong>8 workers</strong> decide up to eight orders at once, each against the stock it <em>read when it started</em>.');
    expect(html).toContain('the <code>stock-non-negative</code> invariant breaks');
    // the lesson comes before the hints
    expect(html.indexOf('class="lesson"')).toBeLessThan(html.indexOf('<h2>Why</h2>'));
  });

  it('escapes the description: its HTML is text, its Markdown the only markup', () => {
    const { report } = flashSale();
    const html = compareHtml({ scenario: 's', description: '**<img src=x onerror=alert(1)>** & `</style><script>x</script>`', model: compareModel([report.runs[0]]), hints: [], runs: [{ report: report.runs[0] }] });
    expect(html).toContain('<p><strong>&lt;img src=x onerror=alert(1)&gt;</strong> &amp; <code>&lt;/style&gt;&lt;script&gt;x&lt;/script&gt;</code></p>');
    expect(html).not.toMatch(/<script|<img/);
    // no description: no lesson
    expect(compareHtml({ scenario: 's', description: '  ', model: compareModel([report.runs[0]]), hints: [], runs: [{ report: report.runs[0] }] })).not.toContain('class="lesson"');
  });

  it("shows where the 8 workers broke stock-non-negative: the command, the events it decided, the stock it read, before and after, the invariant's message", async () => {
    const html = await page();
    const section = /<h2>Where it broke<\/h2>[\s\S]*?<\/section>/.exec(html)![0];
    expect(section).toContain('<section class="broke" aria-label="Where 8 workers broke"><h3>“8 workers”: stock-non-negative at t=210 ms</h3>');
    expect(section).toContain('Command <code>c101</code> <strong>PlaceOrder</strong> <code>{&quot;orderId&quot;:&quot;o-101&quot;,&quot;customerId&quot;:&quot;u-101&quot;,&quot;sku&quot;:&quot;tee&quot;,&quot;qty&quot;:1,&quot;warehouse&quot;:&quot;main&quot;}</code> — decided by worker 0 from 200 to 210 ms.');
    expect(section).toContain('<li>#202 <strong>OrderPlaced</strong> on order:o-101');
    expect(section).toContain('<li class="broke-event">#203 <strong>StockReserved</strong> on stock:tee@main');
    expect(section).toContain('<tr><th>stock:tee@main</th><th>it read</th><th>just before #203</th><th>after #203</th></tr>\n<tr><td><code>stock</code></td><td>4</td><td>0</td><td>-1</td></tr>');
    expect(section).toContain('Between its read and #203, other decisions changed stock:tee@main: it decided on a state that was no longer there.');
    expect(section).toContain('Broke <strong>stock-non-negative</strong>: stock of tee@main is -1. Still broken at the end: stock of tee@main is -4.');
    // the runs that broke nothing have no section
    expect(html.match(/<section class="broke"/g)).toHaveLength(1);
  });

  it('says other decisions changed the stream only when the engine found the decision stale, not when its own earlier event did', () => {
    const broke = {
      invariant: 'no-negative',
      message: 'n is -1',
      atMs: 5,
      stream: 's:1',
      eventSeq: 2,
      command: { id: 'c1', type: 'Take' },
      decision: { worker: 0, startedAt: 0, endedAt: 5, stale: false },
      read: { aggregate: { n: 1 } },
      // its own first event (#1) took n to 0 before #2 took it below
      events: [{ seq: 1, type: 'Took', stream: 's:1', data: {} }, { seq: 2, type: 'Took', stream: 's:1', data: {} }],
      before: { n: 0 },
      after: { n: -1 },
    };
    expect(brokeSection([{ report: { name: 'one' }, broke }])).not.toContain('other decisions changed');
    expect(brokeSection([{ report: { name: 'one' }, broke: { ...broke, decision: { ...broke.decision, stale: true } } }])).toContain('Between its read and #2, other decisions changed s:1');
  });

  it('says under the metrics what a violation counts, and in the hint why the stock ending at -4 is one', async () => {
    const html = await page();
    expect(html).toContain('<p class="note muted">Invariant violations counts the times a stream went from allowed to broken: a stream that stays broken counts once, however far it goes.</p>');
    expect(html).toContain('Once, because a violation is counted when a stream goes from allowed to broken, and stock:tee@main stayed broken (at the end: stock of tee@main is -4)');
    const { report } = flashSale();
    expect(compareHtml({ scenario: 's', model: compareModel([report.runs[0], report.runs[2]]), hints: [], runs: [] })).not.toContain('class="note');
  });

  it('is light, dark only on a screen that prefers it, and prints light: page breaks kept out of tables, charts and sections', async () => {
    const html = await page();
    const style = /<style>([\s\S]*)<\/style>/.exec(html)![1];
    expect(style).toMatch(/^:root\{color-scheme:light;--bg:#fff;--fg:#1d2430/);
    expect(style).toContain('@media screen and (prefers-color-scheme:dark){:root{color-scheme:dark;--bg:#111418');
    const print = style.slice(style.indexOf('@media print{'));
    expect(print).toContain('@page{');
    expect(print).toContain('break-inside:avoid');
    expect(print).toContain('h2{break-after:avoid}');
    expect(html.match(/<style>/g)).toHaveLength(1);
  });

  it("marks each run's line with its own shape, in the plot and in the legend, so the lines read apart in black and white", async () => {
    const html = await page();
    for (const svg of html.match(/<svg [\s\S]*?<\/svg>/g)!) {
      const groups = [...svg.matchAll(/<g style="--run:[^"]*"><polyline[\s\S]*?<\/g>/g)].map((m) => m[0]);
      expect(groups).toHaveLength(4);
      // one shape per line, every line's its own, and some of each
      const shapes = groups.map((g) => new Set([...g.matchAll(/class="mark[^"]* ([a-z-]+)"/g)].map((m) => m[1])));
      expect(shapes.map((s) => [...s])).toEqual([['dot'], ['square'], ['triangle'], ['diamond']]);
      // single writer's line lies on one queue's: its markers fall between one queue's
      const xsOf = (g: string) => [...g.matchAll(/class="mark[^"]*" (?:cx|x|d)="M?([\d.]+)/g)].map((m) => Number(m[1]));
      const oneQueue = new Set(xsOf(groups[0]));
      expect(xsOf(groups[2]).filter((x) => oneQueue.has(x))).toEqual([]);
      // the legend shows each line's shape beside its name
      const legend = [...svg.matchAll(/<g transform="translate[^"]*" style="--run:[^"]*">([\s\S]*?)<\/g>/g)].map((m) => m[1]);
      expect(legend).toHaveLength(4);
      legend.forEach((item, k) => expect(item).toMatch(new RegExp(`class="mark ${[...shapes[k]][0]}"`)));
    }
  });
});

describe('chart data', () => {
  it('aligns point series on one x axis, null where a run has no point', () => {
    expect(alignSeries([[{ t: 0, value: 1 }], [{ t: 5, value: 2 }]])).toEqual([[0, 5], [1, null], [null, 2]]);
  });

  it('latency points are sorted by arrival', () => {
    const pts = latencyPoints(flashSale().traces[0]);
    expect(pts.every((p, i) => i === 0 || pts[i - 1].t <= p.t)).toBe(true);
  });

  it('ticks are round numbers within the range', () => {
    expect(ticks(0, 100, 2)).toEqual([0, 50, 100]);
    expect(ticks(0, 21, 7)).toEqual([0, 5, 10, 15, 20]);
    expect(ticks(0, 0.3, 3)).toEqual([0, 0.1, 0.2, 0.3]);
  });
});

/** The trial's library (two copies, six borrowers at once, three schedulers), run with traces. */
function libraryRuns() {
  const module = toDomainModule(library);
  const parsed = parseScenario(readFileSync('test/fixtures/modules/library/library.scenario.json', 'utf8'), 'library.scenario.json', { domain: module });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const { report, traces } = runScenario(parsed.scenario, { domain: module, trace: true });
  return { report, runs: report.runs.map((r, i) => ({ report: r, facts: runFacts(traces[i], 4000) })) };
}

/** The y coordinates of every point of the SVG's lines. */
const lineYs = (svg: string): number[] => [...svg.matchAll(/points="([^"]*)"/g)].flatMap((m) => m[1].split(' ').map((p) => Number(p.split(',')[1])));

describe('the exported charts (the library: latency reaches 25 ms, single writer keeps the queue of one queue)', () => {
  const { report, runs } = libraryRuns();
  const html = compareHtml({ scenario: report.scenario, model: compareModel(runs.map((r) => r.report)), hints: whyHints(runs), runs });
  const svgs: string[] = html.match(/<svg [\s\S]*?<\/svg>/g) ?? [];

  it('draw the model the app draws: the y axis reaches above the data, its top the last tick', () => {
    const charts = compareCharts(runs)!;
    expect([charts.latency.y.max, charts.latency.y.top, charts.latency.y.ticks]).toEqual([25, 30, [0, 10, 20, 30]]);
    expect([charts.depth.y.max, charts.depth.y.top]).toEqual([4, 5]);
    expect(svgs).toHaveLength(2);
    for (const [svg, chart] of [[svgs[0]!, charts.depth], [svgs[1]!, charts.latency]] as const) {
      expect(svg).toContain(`data-y-max="${chart.y.max}" data-y-top="${chart.y.top}"`);
      const tickLabels = [...svg.matchAll(/text-anchor="end"[^>]*>([\d.,]+)</g)].map((m) => Number(m[1].replace(/,/g, '')));
      expect(Math.max(...tickLabels)).toBeGreaterThanOrEqual(chart.y.max);
      // no point of a line above the top tick's grid line
      const topLine = Number(/<line x1="[\d.]+" x2="[\d.]+" y1="([\d.]+)"/.exec(svg.slice(svg.lastIndexOf('<line x1=', svg.indexOf('<polyline'))))![1]);
      expect(Math.min(...lineYs(svg))).toBeGreaterThanOrEqual(topLine);
    }
  });

  it('name the line identical to an earlier one "same as" it and draw it dashed, as the app does', () => {
    for (const svg of svgs) {
      expect(svg).toContain('>single writer (same as one queue)</text>');
      expect(svg).toMatch(/stroke-dasharray="10 6"[^>]*><title>single writer \(same as one queue\)<\/title>/);
    }
    expect(svgs[0]).toContain('aria-label="Decision queue depth: one queue, 4 workers, single writer (same as one queue)"');
  });

  it('set the axis titles apart from the tick labels: the y title turned at the left edge, the x title below the time ticks', () => {
    const svg = svgs[1];
    expect(svg).toMatch(/<text transform="translate\(14 [\d.]+\) rotate\(-90\)"[^>]*>ms<\/text>/);
    const tickY = Number(/y="([\d.]+)" text-anchor="middle"[^>]*>0</.exec(svg)![1]);
    const titleY = Number(/y="([\d.]+)" text-anchor="middle"[^>]*>t \(ms\)</.exec(svg)![1]);
    expect(titleY - tickY).toBeGreaterThanOrEqual(16);
  });
});
