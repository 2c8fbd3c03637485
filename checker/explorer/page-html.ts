// The explorer's page: one self-contained document (styles and script inline, no fetches but the
// explorer's own API). Its script (page/) draws everything from the API's answers.

import { CSS as TRACE_CSS, escapeHtml } from '../trace/html.ts';
import { explorerScript } from './page-script.ts';

export function explorerPage(title: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · interleave explorer</title>
<link rel="icon" href="data:,">
<style>${TRACE_CSS}${CSS}</style>
</head>
<body>
<header>
  <h1>${escapeHtml(title)} <span class="tag">explorer</span></h1>
  <div id="alarm" hidden></div>
  <ul id="properties"></ul>
  <nav id="toolbar">
    <button id="back" title="one step back (←)">◀ Back</button>
    <button id="forward" title="redo the step undone (→)">Forward ▶</button>
    <button id="restart" title="back to the initial state">Initial state</button>
    <span class="sep"></span>
    <button id="save">Save as trace</button>
    <label class="file">Open trace… <input type="file" id="open" accept=".json,application/json"></label>
    <span class="sep"></span>
    <select id="goal" aria-label="search goal"></select>
    <button id="search">Search from here</button>
    <button id="cancel" hidden>Cancel</button>
    <span id="search-status"></span>
  </nav>
  <div id="error" hidden></div>
</header>
<main>
  <section id="diagram-panel"><h2>Path: space-time diagram</h2><div id="diagram"></div><div id="history"></div><div id="lin"></div></section>
  <section id="steps-panel">
    <h2>Steps from here</h2><ul id="candidates"></ul>
    <h2>Path so far</h2><ol id="path" start="0"></ol>
  </section>
  <section id="state-panel"><h2 id="state-title">State</h2><div id="state"></div></section>
</main>
<script>${explorerScript()}</script>
</body>
</html>`;
}

const CSS = `
main { grid-template-columns: minmax(300px, auto) minmax(260px, 380px) minmax(320px, 1fr); }
#properties { list-style: none; margin: 6px 0; padding: 0; display: flex; flex-wrap: wrap; gap: 6px; }
#properties li { border: 1px solid var(--line); border-radius: 12px; padding: 1px 10px; font-size: 12px; }
#properties li.holds::before, #properties li.reached::before { content: "✓ "; color: var(--green); }
#properties li.violated { border-color: var(--red); background: #ffebe9; color: var(--red); font-weight: 600; }
#properties li.violated::before { content: "✗ "; }
#properties li.not-reached { color: var(--muted); }
#properties li.not-reached::before { content: "○ "; }
#properties li.liveness { color: var(--muted); }
#alarm { margin: 6px 0; padding: 6px 12px; border: 1px solid var(--red); border-radius: 6px; background: #ffebe9; color: var(--red); font-weight: 600; }
#error { margin: 6px 0; padding: 6px 12px; border: 1px solid var(--amber); border-radius: 6px; background: #fff8c5; }
#toolbar { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; margin: 4px 0; }
#toolbar .sep { width: 10px; }
#toolbar button, #toolbar .file, #toolbar select { font: inherit; font-size: 13px; padding: 3px 10px; border: 1px solid var(--line); border-radius: 6px; background: var(--panel); cursor: pointer; }
#toolbar button:disabled { opacity: .45; cursor: default; }
#toolbar .file input { display: none; }
#search-status { color: var(--muted); font-size: 12px; }
#candidates, #path { list-style: none; margin: 0 0 14px; padding: 0; border: 1px solid var(--line); border-radius: 6px; max-height: 40vh; overflow: auto; }
#candidates li, #path li { padding: 4px 10px; border-bottom: 1px solid var(--line); display: flex; gap: 8px; }
#candidates li:last-child, #path li:last-child { border-bottom: 0; }
#candidates li.enabled { cursor: pointer; }
#candidates li.enabled:hover, #path li:hover { background: var(--panel); }
#candidates li.disabled { color: #8c959f; }
#candidates li.disabled::after { content: "not enabled"; margin-left: auto; font-size: 11px; }
#candidates .kind { color: var(--muted); font-size: 11px; min-width: 5.5em; }
#path li { cursor: pointer; }
#path li.current { background: var(--sel); }
#path li.fails { box-shadow: inset 3px 0 0 var(--red); }
#path .no { color: var(--muted); min-width: 2.2em; text-align: right; font-variant-numeric: tabular-nums; }
.node-state.culprit { border-left: 3px solid var(--red); padding-left: 8px; }
.node-state.culprit h3::before { content: "✗ "; color: var(--red); }
.node-state .role { color: var(--muted); font-weight: 400; font-size: 12px; }
.node-state .extra { font-size: 12px; color: var(--muted); margin: 2px 0 0; }
#lin { margin-top: 12px; }
#lin .ok { color: var(--green); font-weight: 600; }
#lin .bad { color: var(--red); font-weight: 600; }
#lin pre { font: 12px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; white-space: pre-wrap; border: 1px solid var(--red); border-radius: 6px; padding: 8px; background: #ffebe9; }
svg .client-name { font-weight: 600; }
`;
