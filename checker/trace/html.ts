// The HTML view of a trace: one self-contained page (inline CSS and JS, no network fetches) to
// open in a browser or attach to a CI run. It shows
// - a space-time diagram (SVG): one vertical line per node, a diagonal arrow from the step that
//   sent a message to the step that delivered it, crashes and restarts on the lanes, partitions
//   shaded, the step where the property fails ruled in red;
// - the list of steps: clicking one (or a row of the diagram; ↑/↓ move) shows every node's state
//   at that point, with what the step changed highlighted (hover for the old value);
// - the violated property with the values that break it;
// - for systems with clients, each client's operations as a timeline (invoke → return).
// The page is drawn by its script (html-viewer/, typed and bundled) from a JSON document
// embedded in it, so it needs no server.

import type { Json } from './plain.ts';
import { viewerScript } from './html-script.ts';
import type { PageData, PageStep } from './html-viewer/page-data.ts';
import { timelineOf } from './timeline.ts';
import { nodeState, violatingState, type TraceView } from './view.ts';

export function renderHtml(view: TraceView): string {
  const { trace } = view;
  const data = pageData(view);
  const verdict = `${trace.property} violated${view.violationAt !== undefined ? ` after step ${view.violationAt}` : ''}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${data.title}: ${verdict}`)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
  <h1>${escapeHtml(data.title)}</h1>
  <p class="verdict">✗ ${escapeHtml(verdict)}${data.expected ? ' <span class="tag">the expected bug</span>' : ''}</p>
  <p class="meta">${trace.steps.length} step${trace.steps.length === 1 ? '' : 's'} · found by ${escapeHtml(data.strategy)} · ${escapeHtml(trace.file)}</p>
</header>
<main>
  <section id="diagram-panel"><h2>Space-time diagram</h2><div id="diagram"></div><div id="history"></div></section>
  <section id="steps-panel"><h2>Steps</h2><ol id="steps" start="0"></ol></section>
  <section id="state-panel"><h2 id="state-title">State</h2><div id="state"></div><div id="broken"></div></section>
</main>
<script type="application/json" id="trace-data">${embedJson(data)}</script>
<script>${viewerScript()}</script>
</body>
</html>`;
}

/** The document the page's script draws from (the explorer's page draws from it too). */
export function pageData(view: TraceView): PageData {
  const { trace } = view;
  const state = violatingState(view);
  const tl = trace.nodes ? timelineOf(view) : undefined;
  return {
    title: `${trace.spec} / ${trace.config}`,
    property: trace.property,
    expected: typeof trace.expected === 'object' && trace.expected.violates === trace.property,
    file: trace.file,
    strategy: trace.strategy + (trace.seed !== undefined ? ` (seed ${trace.seed})` : ''),
    nodes: trace.nodes ?? null,
    steps: trace.steps.map((s, i): PageStep => {
      const t = tl?.steps[i];
      if (!t) return { index: i + 1, label: s.label, kind: 'step' };
      return {
        index: t.index,
        label: t.label,
        kind: t.kind,
        ...(t.node !== undefined ? { node: t.node } : {}),
        ...(t.from !== undefined ? { from: t.from, to: t.to! } : {}),
        ...(t.message !== undefined ? { message: t.message } : {}),
        ...(t.sentAt !== undefined ? { sentAt: t.sentAt } : {}),
        ...(t.timer !== undefined ? { timer: t.timer } : {}),
        ...(t.choice !== undefined ? { choice: t.choice } : {}),
        ...(t.isolated !== undefined ? { isolated: t.isolated } : {}),
        ...(t.notified !== undefined ? { told: t.notified.map((n) => ({ node: n.node, text: `learns ${tl!.nodes[n.peer]} is ${n.event}` })) } : {}),
      };
    }),
    states: view.states.length > 0 ? view.states : [],
    violationAt: view.violationAt ?? null,
    culprits: view.culprits.map((name) => ({ name, value: (trace.nodes ? nodeState(state, name) : field(state, name)) ?? null })),
    operations: (tl?.operations ?? []).map((o) => ({
      client: tl!.nodes[o.node] ?? `client ${o.client}`,
      text: view.operationText ? view.operationText(o.input, o.output, o.output !== undefined) : `${JSON.stringify(o.input)}${o.output !== undefined ? ` → ${JSON.stringify(o.output)}` : ' …'}`,
      input: o.input,
      ...(o.output !== undefined ? { output: o.output } : {}),
      invokedAt: o.invokedAt,
      ...(o.returnedAt !== undefined ? { returnedAt: o.returnedAt } : {}),
    })),
    cycleStart: trace.cycleStart ?? null,
    explanation: view.history?.explanation ?? null,
    clients: view.clients ?? [],
    inFlight: tl && view.states.length === trace.steps.length + 1 ? tl.inFlight.map((f) => ({ from: f.from, to: f.to, message: f.text, sentAt: f.sentAt })) : [],
  };
}

function field(s: Json, k: string): Json | undefined {
  return typeof s === 'object' && s !== null && !Array.isArray(s) ? s[k] : undefined;
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** JSON safe inside a <script> element: no `</script>`, no line separators. */
function embedJson(v: unknown): string {
  return JSON.stringify(v).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** The trace page's styles; the explorer page shares its diagram and state styles. */
export const CSS = `
:root { --fg: #1f2328; --muted: #656d76; --line: #d0d7de; --bg: #fff; --panel: #f6f8fa; --red: #cf222e; --green: #1a7f37;
  --blue: #0969da; --amber: #9a6700; --sel: #fff8c5; --changed: #dafbe1; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); }
header { padding: 14px 20px 8px; border-bottom: 1px solid var(--line); }
h1 { font-size: 20px; margin: 0 0 4px; }
h2 { font-size: 13px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); margin: 0 0 8px; }
.verdict { color: var(--red); font-weight: 600; margin: 0; }
.tag { color: var(--muted); font-weight: 400; border: 1px solid var(--line); border-radius: 10px; padding: 0 8px; font-size: 12px; }
.meta { color: var(--muted); margin: 2px 0 0; font-size: 12px; }
main { display: grid; grid-template-columns: minmax(300px, auto) minmax(260px, 360px) minmax(320px, 1fr); gap: 16px; padding: 16px 20px; align-items: start; }
section { min-width: 0; }
#diagram { overflow-x: auto; }
svg text { font: 12px system-ui, sans-serif; }
svg .node-name { font-weight: 600; font-size: 13px; }
svg .lane { stroke: #8c959f; stroke-width: 1.5; }
svg .lane.down { stroke-dasharray: 3 4; stroke: #c9ccd1; }
svg .row { fill: transparent; cursor: pointer; }
svg .row:hover { fill: #f3f4f6; }
svg .row.selected { fill: var(--sel); }
svg .msg { stroke: var(--blue); stroke-width: 1.6; fill: none; }
svg .msg.lost { stroke: var(--red); stroke-dasharray: 5 3; }
svg .msg.flight { stroke: #8c959f; stroke-dasharray: 2 3; }
svg .msg-label { fill: var(--blue); }
svg .lost-label { fill: var(--red); }
svg .local { fill: var(--amber); }
svg .crash { stroke: var(--red); stroke-width: 2.5; }
svg .restart { fill: var(--green); font-weight: 700; }
svg .violation { stroke: var(--red); stroke-width: 2; stroke-dasharray: 6 3; }
svg .violation-label { fill: var(--red); font-weight: 600; }
svg .partition { fill: rgba(207, 34, 46, .08); stroke: rgba(207, 34, 46, .35); stroke-dasharray: 4 3; }
svg .step-no { fill: var(--muted); font-size: 11px; }
#steps { list-style: none; margin: 0; padding: 0; border: 1px solid var(--line); border-radius: 6px; max-height: 75vh; overflow: auto; }
#steps li { padding: 5px 10px; border-bottom: 1px solid var(--line); cursor: pointer; display: flex; gap: 8px; }
#steps li:last-child { border-bottom: 0; }
#steps li:hover { background: var(--panel); }
#steps li.selected { background: var(--sel); }
#steps li.fails { box-shadow: inset 3px 0 0 var(--red); }
#steps .no { color: var(--muted); min-width: 2.2em; text-align: right; font-variant-numeric: tabular-nums; }
#steps li.cycle { color: var(--amber); }
svg .cycle { fill: var(--amber); font-weight: 600; }
#steps .fail-mark { color: var(--red); font-weight: 600; margin-left: auto; white-space: nowrap; }
#state-title { text-transform: none; letter-spacing: 0; font-size: 14px; color: var(--fg); }
#state { border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; background: var(--panel); }
.node-state { margin: 4px 0 10px; }
.node-state h3 { font-size: 13px; margin: 0 0 2px; }
.node-state.acted h3::after { content: " ← acted"; color: var(--amber); font-weight: 400; }
.node-state.down h3::after { content: " (crashed)"; color: var(--red); font-weight: 400; }
.node-state.culprit h3 { color: var(--red); }
pre.json { margin: 0; font: 12px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; white-space: pre-wrap; word-break: break-word; }
.changed { background: var(--changed); outline: 1px solid #4ac26b; border-radius: 2px; }
.removed { color: var(--red); text-decoration: line-through; }
#broken { margin-top: 14px; border: 1px solid var(--red); border-radius: 6px; padding: 8px 12px; background: #ffebe9; }
#broken h3 { margin: 0 0 6px; font-size: 14px; color: var(--red); }
#history { margin-top: 16px; }
#broken pre.explanation { margin: 8px 0 0; font: 12px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; white-space: pre-wrap; }
svg .op-label { font-size: 11px; }
svg .op { fill: #ddf4ff; stroke: var(--blue); }
svg .op.pending { fill: #fff8c5; stroke: var(--amber); stroke-dasharray: 4 3; }
`;
