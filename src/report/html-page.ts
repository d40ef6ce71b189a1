// One self-contained HTML page: inline styles, inline SVG, no scripts, and a Content-Security-Policy
// that forbids fetching anything, so the file opens offline, from a CI artifact or an email, as it is.
import { esc } from './svg';

const STYLE = `
:root { --ok: #1a7f37; --bad: #cf222e; --warn: #9a6700; --muted: #57606a; --line: #d0d7de; --bg: #f6f8fa; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; margin: 0 auto; max-width: 1000px; padding: 24px; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 17px; margin: 28px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
.meta { color: var(--muted); margin: 0 0 16px; }
.simulated { background: #fff8c5; border: 2px solid #bf8700; border-radius: 8px; color: #6a4a00; font-weight: 700; padding: 8px 12px; margin: 0 0 16px; }
.figures { display: flex; gap: 16px; flex-wrap: wrap; }
.figure { flex: 1 1 260px; border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; background: var(--bg); }
.figure .name { font-weight: 600; color: var(--muted); } .figure .value { font-size: 30px; font-weight: 700; }
.figure .how { color: var(--muted); font-size: 13px; }
.verdict { display: inline-block; border-radius: 10px; padding: 0 8px; font-weight: 600; font-size: 12px; }
.verdict.met { background: #dafbe1; color: var(--ok); } .verdict.missed { background: #ffebe9; color: var(--bad); }
.verdict.unknown { background: #fff8c5; color: var(--warn); } .verdict.none { background: #eaeef2; color: var(--muted); }
.shortfalls { color: var(--bad); font-weight: 600; } .all-met { color: var(--ok); font-weight: 600; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--bg); }
code { font: 12px ui-monospace, SFMono-Regular, Menlo, monospace; }
.ok { color: var(--ok); } .bad { color: var(--bad); }
svg text { font: 11px system-ui, sans-serif; fill: #1f2328; }
.timeline .tick line { stroke: #eaeef2; } .axis { stroke: var(--muted); } .axis-title { fill: var(--muted); }
.timeline .not-run { fill: var(--muted); font-style: italic; }
.bar { fill: #8c959f; } .bar.state-succeeded { fill: #2da44e; } .bar.state-failed { fill: var(--bad); }
.bar.state-cancelled { fill: #bf8700; } .bar.state-rolled-back, .bar.state-rolling-back { fill: #8250df; } .bar.open { opacity: 0.6; }
.marker line { stroke-width: 2; } .rto-objective line { stroke: var(--bad); stroke-dasharray: 6 4; } .rto-objective text { fill: var(--bad); font-weight: 600; }
.rto-measured line { stroke: #0969da; } .rto-measured text { fill: #0969da; font-weight: 600; }
.session line, .run-start line { stroke: var(--muted); stroke-dasharray: 2 3; } .session text, .run-start text { fill: var(--muted); }
.chart .series-rto { stroke: #0969da; fill: none; stroke-width: 2; } .chart .series-rpo { stroke: #8250df; fill: none; stroke-width: 2; }
.chart .point { fill: #0969da; } .chart .point.missed { fill: var(--bad); } .chart .objective { stroke: var(--bad); stroke-dasharray: 6 4; }
.chart .tick line { stroke: #eaeef2; } .objective-line text { fill: var(--bad); font-weight: 600; }
footer { margin-top: 32px; color: var(--muted); font-size: 12px; }
@media print { body { padding: 0; } }
`;

export function htmlPage(title: string, body: string): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    // Nothing may be fetched: the page is complete as written.
    '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; img-src data:">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** A table whose cells are HTML already (escape text with esc before passing it). */
export function htmlTable(head: readonly string[], rows: readonly string[][], id?: string): string {
  return [
    `<table${id ? ` id="${id}"` : ''}>`,
    `<thead><tr>${head.map((name) => `<th>${esc(name)}</th>`).join('')}</tr></thead>`,
    '<tbody>',
    ...rows.map((row) => `<tr>${row.map((html) => `<td>${html}</td>`).join('')}</tr>`),
    '</tbody>',
    '</table>',
  ].join('\n');
}
