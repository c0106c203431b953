/**
 * The exported comparison's one stylesheet. Light by default — dark text on white, as a handout
 * reads on paper and on most screens — and the app's dark theme on a screen that prefers dark;
 * printed, always light, with the charts' lines darkened enough to read on white, the hints
 * marked with a sign as well as a colour, and nothing split across pages that reads as one
 * piece (a table's head, a chart, a "Where it broke"). The charts (svgChart.ts) take their
 * colours from here through classes; each run's line also has its own marker shape, so the
 * runs stay apart in black and white. Pure data.
 */

/** The page's CSS. */
export const COMPARE_HTML_STYLE = `:root{color-scheme:light;--bg:#fff;--fg:#1d2430;--muted:#566070;--rule:#d5dae1;--panel:#f4f6f9;--grid:#e3e7ec;--bad:#b3261e;--good:#17803d;--warn:#8a5a00;--diverging:#fdeeed;--ink:72%}
@media screen and (prefers-color-scheme:dark){:root{color-scheme:dark;--bg:#111418;--fg:#e4e8ee;--muted:#9aa4b2;--rule:#2d343f;--panel:#181c22;--grid:#2d343f;--bad:#f2716b;--good:#4cc38a;--warn:#e6b450;--diverging:#3d1d1c;--ink:100%}}
body{background:var(--bg);color:var(--fg);font:14px/1.5 system-ui,sans-serif;margin:0;padding:24px 32px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:16px;margin:28px 0 8px}h3{font-size:14px;margin:16px 0 6px}
table{border-collapse:collapse}th,td{padding:4px 12px;border-bottom:1px solid var(--rule);text-align:right}th:first-child,td:first-child{text-align:left}
th{color:var(--muted);font-weight:600}.d{font-size:12px;margin-left:6px}.better{color:var(--good)}.worse{color:var(--bad)}.changed{color:var(--warn)}
.diverging{background:var(--diverging)}code{font-family:ui-monospace,monospace;font-size:12.5px;overflow-wrap:anywhere}.muted{color:var(--muted)}
.lesson{border-left:3px solid var(--rule);padding:2px 0 2px 14px;margin:16px 0 0;max-width:80ch}.lesson p{margin:0 0 8px}.lesson ul,.lesson ol{margin:0 0 8px;padding-left:20px}
ul.hints{list-style:none;padding:0;margin:0}ul.hints li{padding-left:20px;text-indent:-20px;margin:3px 0}ul.hints li::before{display:inline-block;width:20px;text-indent:0;content:"•"}
ul.hints li.bad{color:var(--bad)}ul.hints li.bad::before{content:"✗"}ul.hints li.good{color:var(--good)}ul.hints li.good::before{content:"✓"}
.note{font-size:12.5px;margin:6px 0 0;max-width:80ch}
.broke{border:1px solid var(--rule);border-radius:6px;padding:4px 16px 8px;margin:10px 0;max-width:100ch}.broke p{margin:6px 0}.broke ol.events{margin:0;padding-left:20px}
.broke .broke-event{font-weight:600}.broke .broke-event code{font-weight:400}.broke .verdict{color:var(--bad)}.fields{margin:8px 0}
.charts{display:flex;gap:16px;flex-wrap:wrap}.charts svg{max-width:100%;height:auto}
svg .bg{fill:var(--panel)}svg .grid{stroke:var(--grid)}svg .tick{fill:var(--muted)}svg .label{fill:var(--fg)}
svg .line{stroke:color-mix(in srgb,var(--run) var(--ink),#000)}svg .mark{fill:color-mix(in srgb,var(--run) var(--ink),#000);stroke:var(--panel);stroke-width:1}svg .mark.open{fill:none;stroke:color-mix(in srgb,var(--run) var(--ink),#000);stroke-width:1.6}
@media print{@page{margin:14mm 12mm}body{font-size:10.5pt;padding:0}th,td{padding:3px 6px;white-space:nowrap}svg .bg{fill:#fff;stroke:var(--rule)}h2{break-after:avoid}h3{break-after:avoid}
table.metrics,table.fields,tr,svg,.broke,.lesson{break-inside:avoid}.charts{display:block}.charts svg{display:block;margin:0 0 10px}ul.hints li{break-inside:avoid}}
`;
