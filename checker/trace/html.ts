// The HTML view of a trace: one self-contained page (inline CSS and JS, no network fetches) to
// open in a browser or attach to a CI run. It shows
// - a space-time diagram (SVG): one vertical line per node, a diagonal arrow from the step that
//   sent a message to the step that delivered it, crashes and restarts on the lanes, partitions
//   shaded, the step where the property fails ruled in red;
// - the list of steps: clicking one (or a row of the diagram; ↑/↓ move) shows every node's state
//   at that point, with what the step changed highlighted (hover for the old value);
// - the violated property with the values that break it;
// - for systems with clients, each client's operations as a timeline (invoke → return).
// The page is drawn by its script from a JSON document embedded in it, so it needs no server.

import type { Json } from './plain.ts';
import { cycleNote, localNote } from './step-text.ts';
import { timelineOf } from './timeline.ts';
import { nodeState, violatingState, type TraceView } from './view.ts';

/** The data the page's script draws from. */
interface PageData {
  readonly title: string;
  readonly property: string;
  readonly expected: boolean;
  readonly file: string;
  readonly strategy: string;
  readonly nodes: readonly string[] | null;
  readonly steps: readonly PageStep[];
  readonly states: readonly Json[];
  readonly violationAt: number | null;
  readonly culprits: readonly { readonly name: string; readonly value: Json }[];
  readonly operations: readonly PageOp[];
  readonly inFlight: readonly { readonly from: number; readonly to: number; readonly message: string; readonly sentAt: number }[];
  /** A lasso: the step the run goes back to after the last, and the words for it. */
  readonly cycle: { readonly start: number; readonly note: string } | null;
}

interface PageStep {
  readonly index: number;
  readonly label: string;
  readonly kind: string;
  readonly from?: number;
  readonly to?: number;
  readonly node?: number;
  readonly isolated?: readonly number[];
  readonly message?: string;
  readonly sentAt?: number;
  /** A local step's note (`⏰ timer t fires`, the choice). */
  readonly note?: string;
}

interface PageOp {
  readonly client: string;
  readonly input: Json;
  readonly output?: Json;
  readonly invokedAt: number;
  readonly returnedAt?: number;
}

export function renderHtml(view: TraceView): string {
  const { trace } = view;
  const state = violatingState(view);
  const tl = trace.nodes ? timelineOf(view) : undefined;
  const data: PageData = {
    title: `${trace.spec} / ${trace.config}`,
    property: trace.property,
    expected: typeof trace.expected === 'object' && trace.expected.violates === trace.property,
    file: trace.file,
    strategy: trace.strategy + (trace.seed !== undefined ? ` (seed ${trace.seed})` : ''),
    nodes: trace.nodes ?? null,
    steps: trace.steps.map((s, i) => {
      const t = tl?.steps[i];
      return {
        index: i + 1,
        label: s.label,
        kind: t?.kind ?? 'step',
        ...(t?.from !== undefined ? { from: t.from, to: t.to } : {}),
        ...(t?.node !== undefined && t.kind !== 'deliver' ? { node: t.node } : {}),
        ...(t?.isolated !== undefined ? { isolated: t.isolated } : {}),
        ...(t?.message !== undefined ? { message: t.message } : {}),
        ...(t?.sentAt !== undefined ? { sentAt: t.sentAt } : {}),
        ...(t?.kind === 'timeout' || t?.kind === 'choose' ? { note: localNote(t) } : {}),
      };
    }),
    states: view.states.length > 0 ? view.states : [],
    violationAt: view.violationAt ?? null,
    culprits: view.culprits.map((name) => ({ name, value: (trace.nodes ? nodeState(state, name) : field(state, name)) ?? null })),
    operations: (tl?.operations ?? []).map((o) => ({
      client: o.node !== undefined ? tl!.nodes[o.node]! : `client ${o.client}`,
      input: o.input,
      ...(o.output !== undefined ? { output: o.output } : {}),
      invokedAt: o.invokedAt,
      ...(o.returnedAt !== undefined ? { returnedAt: o.returnedAt } : {}),
    })),
    cycle: trace.cycleStart !== undefined ? { start: trace.cycleStart, note: cycleNote(trace.cycleStart) } : null,
    inFlight: tl && view.states.length === trace.steps.length + 1 ? tl.inFlight.map((f) => ({ from: f.from, to: f.to, message: f.text, sentAt: f.sentAt })) : [],
  };
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
<script>${SCRIPT}</script>
</body>
</html>`;
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

const CSS = `
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
svg .op { fill: #ddf4ff; stroke: var(--blue); }
svg .op.pending { fill: #fff8c5; stroke: var(--amber); stroke-dasharray: 4 3; }
`;

// The page's script: plain browser JavaScript, drawn from the embedded JSON.
const SCRIPT = String.raw`
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('trace-data').textContent);
  var SVG = 'http://www.w3.org/2000/svg';
  var nodes = data.nodes || ['state'];
  var steps = data.steps;
  var states = data.states;
  var selected = -1;

  function el(tag, attrs, parent, text) {
    var e = document.createElementNS(SVG, tag);
    for (var k in attrs) e.setAttribute(k, String(attrs[k]));
    if (text !== undefined) e.textContent = text;
    if (parent) parent.appendChild(e);
    return e;
  }
  function esc(s) {
    return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  }
  function show(v) { return v === undefined ? '∅' : JSON.stringify(v); }

  // ---- the space-time diagram -------------------------------------------------------------
  var COL = 150, ROW = 34, TOP = 46, LEFT = 40;
  var rowsSvg = [];
  function x(i) { return LEFT + COL / 2 + i * COL; }
  function y(i) { return TOP + 14 + i * ROW; }
  function drawDiagram() {
    var width = LEFT + nodes.length * COL + 20;
    var height = y(steps.length) + ROW;
    var svg = el('svg', { width: width, height: height, viewBox: '0 0 ' + width + ' ' + height, role: 'img', 'aria-label': 'space-time diagram' });
    var rows = el('g', {}, svg);
    for (var r = 0; r <= steps.length; r++) {
      var rect = el('rect', { x: 0, y: y(r) - ROW / 2, width: width, height: ROW, class: 'row', 'data-step': r }, rows);
      rect.addEventListener('click', (function (k) { return function () { select(k); }; })(r));
      rowsSvg.push(rect);
      el('text', { x: 4, y: y(r) + 4, class: 'step-no' }, svg, r === 0 ? 'init' : String(r));
    }
    // Partitions: shaded bands over the isolated lanes, from the cut to the heal.
    var open = null;
    steps.forEach(function (s) {
      if (s.kind === 'partition') open = s;
      if (s.kind === 'heal' && open) { band(open, s.index); open = null; }
    });
    if (open) band(open, steps.length + 0.5);
    function band(p, until) {
      (p.isolated || []).forEach(function (n) {
        el('rect', { x: x(n) - COL / 2 + 6, y: y(p.index), width: COL - 12, height: (until - p.index) * ROW, class: 'partition' }, svg);
      });
    }
    // Lanes, dashed while a node is down.
    nodes.forEach(function (name, i) {
      el('text', { x: x(i), y: 22, 'text-anchor': 'middle', class: 'node-name' }, svg, name);
      var from = y(0) - ROW / 2, down = false;
      steps.forEach(function (s) {
        if (s.node !== i) return;
        if (s.kind === 'crash' && !down) { el('line', { x1: x(i), y1: from, x2: x(i), y2: y(s.index), class: 'lane' }, svg); from = y(s.index); down = true; }
        if (s.kind === 'restart' && down) { el('line', { x1: x(i), y1: from, x2: x(i), y2: y(s.index), class: 'lane down' }, svg); from = y(s.index); down = false; }
      });
      el('line', { x1: x(i), y1: from, x2: x(i), y2: height - 8, class: down ? 'lane down' : 'lane' }, svg);
    });
    var defs = el('defs', {}, svg);
    var m = el('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, defs);
    el('path', { d: 'M 0 0 L 10 5 L 0 10 z', fill: '#0969da' }, m);
    var g = el('g', {}, svg);
    steps.forEach(function (s) {
      var t = y(s.index);
      if (s.kind === 'deliver' || s.kind === 'lose' || s.kind === 'duplicate') {
        var sy = s.sentAt !== undefined ? y(s.sentAt) : t - ROW * 0.8;
        var x1 = x(s.from), x2 = x(s.to);
        if (s.kind === 'deliver') {
          if (x1 === x2) el('path', { d: 'M ' + x1 + ' ' + sy + ' C ' + (x1 + 40) + ' ' + sy + ', ' + (x1 + 40) + ' ' + t + ', ' + (x1 + 2) + ' ' + t, class: 'msg', 'marker-end': 'url(#arrow)' }, g);
          else el('line', { x1: x1, y1: sy, x2: x2 + (x2 > x1 ? -3 : 3), y2: t, class: 'msg', 'marker-end': 'url(#arrow)' }, g);
          var lx = x1 + (x2 - x1) * 0.72, ly = sy + (t - sy) * 0.72;
          el('text', { x: lx, y: ly - 5, 'text-anchor': 'middle', class: 'msg-label' }, g, s.message || '');
        } else if (s.kind === 'lose') {
          var mx = (x1 + x2) / 2;
          el('line', { x1: x1, y1: sy, x2: mx, y2: t, class: 'msg lost' }, g);
          el('text', { x: mx, y: t + 4, 'text-anchor': 'middle', class: 'lost-label' }, g, '✕ lost ' + (s.message || ''));
        } else {
          el('text', { x: (x1 + x2) / 2, y: t + 4, 'text-anchor': 'middle', class: 'local' }, g, '⧉ duplicated ' + (s.message || ''));
        }
      } else if (s.kind === 'crash') {
        var cx = x(s.node);
        el('line', { x1: cx - 7, y1: t - 7, x2: cx + 7, y2: t + 7, class: 'crash' }, g);
        el('line', { x1: cx - 7, y1: t + 7, x2: cx + 7, y2: t - 7, class: 'crash' }, g);
        el('text', { x: cx + 12, y: t + 4, class: 'lost-label' }, g, 'crash');
      } else if (s.kind === 'restart') {
        el('text', { x: x(s.node), y: t + 5, 'text-anchor': 'middle', class: 'restart' }, g, '↻');
        el('text', { x: x(s.node) + 12, y: t + 4, class: 'restart' }, g, 'restart');
      } else if (s.kind === 'timeout' || s.kind === 'choose') {
        el('circle', { cx: x(s.node), cy: t, r: 5, class: 'local' }, g);
        el('text', { x: x(s.node) + 10, y: t + 4, class: 'local' }, g, s.note);
      } else if (s.kind === 'partition' || s.kind === 'heal') {
        el('text', { x: LEFT + 4, y: t + 4, class: 'lost-label' }, g, s.label);
      } else if (!data.nodes) {
        el('circle', { cx: x(0), cy: t, r: 4, class: 'local' }, g);
        el('text', { x: x(0) + 10, y: t + 4 }, g, s.label);
      }
    });
    // Messages still in flight at the end: dotted stubs.
    data.inFlight.forEach(function (f) {
      var sy = y(f.sentAt), x1 = x(f.from), x2 = x(f.to);
      el('line', { x1: x1, y1: sy, x2: x1 + (x2 - x1) * 0.35, y2: sy + ROW * 0.6, class: 'msg flight' }, g);
    });
    if (data.cycle) {
      el('text', { x: LEFT + 4, y: y(steps.length) + ROW * 0.6, class: 'cycle' }, svg, data.cycle.note);
    }
    if (data.violationAt !== null) {
      var vy = y(data.violationAt) + ROW / 2 - 2;
      el('line', { x1: LEFT, y1: vy, x2: width - 10, y2: vy, class: 'violation' }, svg);
      el('text', { x: LEFT + 4, y: vy + 14, class: 'violation-label' }, svg, '✗ ' + data.property + ' fails');
    }
    document.getElementById('diagram').appendChild(svg);
  }

  // ---- client operations ------------------------------------------------------------------
  function drawHistory() {
    if (!data.operations.length) return;
    var host = document.getElementById('history');
    var h2 = document.createElement('h2');
    h2.textContent = 'Client operations';
    host.appendChild(h2);
    var clients = [];
    data.operations.forEach(function (o) { if (clients.indexOf(o.client) < 0) clients.push(o.client); });
    var W = 22, LH = 30, L = 110, width = L + (steps.length + 1) * W + 20, height = clients.length * LH + 26;
    var svg = el('svg', { width: width, height: height, role: 'img', 'aria-label': 'client operations' });
    for (var i = 0; i <= steps.length; i += Math.max(1, Math.ceil(steps.length / 20))) el('text', { x: L + i * W, y: 12, class: 'step-no', 'text-anchor': 'middle' }, svg, String(i));
    clients.forEach(function (c, k) { el('text', { x: 4, y: 26 + k * LH + 15 }, svg, c); });
    data.operations.forEach(function (o) {
      var k = clients.indexOf(o.client), end = o.returnedAt !== undefined ? o.returnedAt : steps.length + 0.8;
      var r = el('rect', { x: L + o.invokedAt * W, y: 26 + k * LH, width: Math.max(8, (end - o.invokedAt) * W), height: LH - 8, rx: 4, class: o.returnedAt !== undefined ? 'op' : 'op pending' }, svg);
      el('title', {}, r, JSON.stringify(o.input) + ' → ' + (o.returnedAt !== undefined ? JSON.stringify(o.output) : 'pending'));
      el('text', { x: L + o.invokedAt * W + 4, y: 26 + k * LH + 15 }, svg, JSON.stringify(o.input) + (o.returnedAt !== undefined ? ' → ' + JSON.stringify(o.output) : ' …'));
    });
    host.appendChild(svg);
  }

  // ---- the step list ----------------------------------------------------------------------
  var items = [];
  function drawSteps() {
    var ol = document.getElementById('steps');
    var all = [{ index: 0, label: 'initial state' }].concat(steps);
    all.forEach(function (s) {
      var li = document.createElement('li');
      li.setAttribute('data-step', String(s.index));
      li.innerHTML = '<span class="no">' + (s.index === 0 ? '0' : s.index) + '</span><span class="label">' + esc(s.label) + '</span>' +
        (data.violationAt === s.index ? '<span class="fail-mark">✗ ' + esc(data.property) + '</span>' : '');
      if (data.violationAt === s.index) li.className = 'fails';
      li.addEventListener('click', function () { select(s.index); });
      ol.appendChild(li);
      items.push(li);
    });
    if (data.cycle) {
      var loop = document.createElement('li');
      loop.className = 'cycle';
      loop.textContent = data.cycle.note;
      loop.addEventListener('click', function () { select(data.cycle.start); });
      ol.appendChild(loop);
    }
  }

  // ---- the state panel --------------------------------------------------------------------
  function same(a, b) { return JSON.stringify(a) === JSON.stringify(b); }
  function isObj(v) { return v !== null && typeof v === 'object' && !Array.isArray(v); }
  /** Pretty JSON of v, with what differs from old highlighted (old value in the tooltip). */
  function tree(v, old, indent, compare) {
    var pad = new Array(indent + 1).join('  ');
    if (compare && Array.isArray(v) && Array.isArray(old) && v.length !== old.length) return listDiff(v, old, pad);
    if (compare && !same(v, old) && !(isObj(v) && isObj(old)) && !(Array.isArray(v) && Array.isArray(old) && v.length === old.length)) {
      return '<span class="changed" title="was: ' + esc(show(old)) + '">' + esc(show(v)) + '</span>';
    }
    if (isObj(v)) {
      var keys = Object.keys(v);
      if (!keys.length && !(compare && isObj(old) && Object.keys(old).length)) return '{}';
      var inner = keys.map(function (k) {
        return pad + '  ' + esc(JSON.stringify(k)) + ': ' + tree(v[k], isObj(old) ? old[k] : undefined, indent + 1, compare && isObj(old));
      });
      if (compare && isObj(old)) Object.keys(old).forEach(function (k) {
        if (!(k in v)) inner.push(pad + '  <span class="removed" title="removed">' + esc(JSON.stringify(k)) + ': ' + esc(show(old[k])) + '</span>');
      });
      return '{\n' + inner.join(',\n') + '\n' + pad + '}';
    }
    if (Array.isArray(v)) {
      if (!v.length) return '[]';
      var flat = v.every(function (x) { return !isObj(x) && !Array.isArray(x); });
      if (flat && JSON.stringify(v).length < 60 && (!compare || same(v, old))) return esc(JSON.stringify(v));
      return '[\n' + v.map(function (x, i) { return pad + '  ' + tree(x, Array.isArray(old) ? old[i] : undefined, indent + 1, compare && Array.isArray(old)); }).join(',\n') + '\n' + pad + ']';
    }
    return esc(show(v));
  }
  /** A list that grew or shrank, as a multiset: new items highlighted, gone ones struck out. */
  function listDiff(v, old, pad) {
    var left = old.map(function (x) { return JSON.stringify(x); });
    var lines = v.map(function (x) {
      var k = left.indexOf(JSON.stringify(x));
      if (k >= 0) { left.splice(k, 1); return pad + '  ' + esc(show(x)); }
      return pad + '  <span class="changed" title="new">' + esc(show(x)) + '</span>';
    });
    left.forEach(function (x) { lines.push(pad + '  <span class="removed" title="gone">' + esc(x) + '</span>'); });
    return lines.length ? '[\n' + lines.join(',\n') + '\n' + pad + ']' : '[]';
  }
  function select(i) {
    if (i < 0 || i > steps.length) return;
    if (selected >= 0) { items[selected].classList.remove('selected'); rowsSvg[selected] && rowsSvg[selected].classList.remove('selected'); }
    selected = i;
    items[i].classList.add('selected');
    if (rowsSvg[i]) rowsSvg[i].classList.add('selected');
    items[i].scrollIntoView({ block: 'nearest' });
    var s = states[i], prev = i > 0 ? states[i - 1] : undefined;
    var step = i > 0 ? steps[i - 1] : null;
    document.getElementById('state-title').textContent = i === 0 ? 'Initial state' : 'State after step ' + i + ': ' + step.label;
    var box = document.getElementById('state');
    if (s === undefined) { box.innerHTML = '<p>The trace was not replayed this far, so the state is not known.</p>'; return; }
    var html = '';
    var culprits = data.culprits.map(function (c) { return c.name; });
    if (data.nodes) {
      var crashed = s.crashed || [];
      var acted = step ? (step.kind === 'deliver' ? step.to : step.node) : undefined;
      data.nodes.forEach(function (name, k) {
        var v = s.nodes ? s.nodes[name] : undefined, o = prev && prev.nodes ? prev.nodes[name] : undefined;
        var cls = 'node-state' + (acted === k ? ' acted' : '') + (crashed.indexOf(name) >= 0 ? ' down' : '') + (i === data.violationAt && culprits.indexOf(name) >= 0 ? ' culprit' : '');
        html += '<div class="' + cls + '" data-node="' + esc(name) + '"><h3>' + esc(name) + '</h3><pre class="json">' + tree(v, o, 0, prev !== undefined) + '</pre></div>';
      });
      ['network', 'timers', 'history', 'faults', 'partition'].forEach(function (k) {
        if (!(k in s)) return;
        html += '<div class="node-state"><h3>' + k + (k === 'network' ? ' (in flight)' : '') + '</h3><pre class="json">' + tree(s[k], prev ? prev[k] : undefined, 0, prev !== undefined) + '</pre></div>';
      });
    } else {
      html = '<pre class="json">' + tree(s, prev, 0, prev !== undefined) + '</pre>';
    }
    box.innerHTML = html;
  }
  function drawBroken() {
    var box = document.getElementById('broken');
    var html = '<h3>✗ ' + esc(data.property) + ' is violated' + (data.violationAt !== null ? ' after step ' + data.violationAt : '') + (data.culprits.length ? ' by' : '') + '</h3>';
    data.culprits.forEach(function (c) { html += '<div class="node-state"><h3>' + esc(c.name) + '</h3><pre class="json">' + tree(c.value, undefined, 0, false) + '</pre></div>'; });
    box.innerHTML = html;
  }
  document.addEventListener('keydown', function (e) {
    if (e.key === 'ArrowDown' || e.key === 'j') { select(Math.min(steps.length, selected + 1)); e.preventDefault(); }
    if (e.key === 'ArrowUp' || e.key === 'k') { select(Math.max(0, selected - 1)); e.preventDefault(); }
  });
  drawDiagram();
  drawHistory();
  drawSteps();
  drawBroken();
  select(data.violationAt !== null ? data.violationAt : steps.length);
})();
`;
