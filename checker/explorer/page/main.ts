/// <reference lib="dom" />
// The explorer page's script. The page stands at a path (the initial state's index and the
// candidate-action index of each step), kept in the URL (`#path=0,3,1`, `&init=1` for another
// initial state) so a link or a reload reopens the same state. Each move asks the server for the
// state at the new path and redraws: the properties (a violated one flagged at once), the steps
// enabled here (click to take), the path as the trace views' space-time diagram, the clients'
// operations and whether the history is linearizable, and every node's state.

import { drawDiagram } from '../../trace/html-viewer/diagram.ts';
import { byId, esc } from '../../trace/html-viewer/dom.ts';
import { drawOperations } from '../../trace/html-viewer/operations.ts';
import { byClient, tree } from '../../trace/html-viewer/state-panel.ts';
import type { Json } from '../../trace/plain.ts';
import type { StateView } from '../describe.ts';
import type { SearchResult } from '../search.ts';

interface Where {
  readonly init: number;
  readonly steps: readonly number[];
}

let here: Where = { init: 0, steps: [] };
/** Steps undone by Back (or by undoing to an earlier step), which Forward takes again. */
let future: number[] = [];
let view: StateView | undefined;

async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, {
    method,
    ...(body !== undefined ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {}),
  });
  const data = (await res.json()) as T & { error?: string };
  if (!res.ok) throw new Error(data.error ?? `${method} ${path}: ${res.status}`);
  return data;
}

function showError(message: string | null): void {
  const box = byId('error');
  box.hidden = message === null;
  box.textContent = message ?? '';
}

// ---------------------------------------------------------------------------------------------
// The path and the URL.

function hashOf(w: Where): string {
  return `#path=${w.steps.join(',')}${w.init !== 0 ? `&init=${w.init}` : ''}`;
}

function parseHash(): Where {
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  const steps = (params.get('path') ?? '').split(',').filter((x) => x !== '').map(Number);
  const init = Number(params.get('init') ?? '0');
  return { init: Number.isInteger(init) && init >= 0 ? init : 0, steps: steps.every((k) => Number.isInteger(k) && k >= 0) ? steps : [] };
}

/** Moves to `w`: the URL changes, and the hash-change handler loads the state. */
function go(w: Where): void {
  const hash = hashOf(w);
  if (location.hash === hash) void load(w);
  else location.hash = hash;
}

function take(index: number): void {
  future = [];
  go({ init: here.init, steps: [...here.steps, index] });
}

/** Undo to step k (0: the initial state); the steps undone can be taken again with Forward. */
function undoTo(k: number): void {
  if (k >= here.steps.length) return;
  future = [...here.steps.slice(k), ...future];
  go({ init: here.init, steps: here.steps.slice(0, k) });
}

function forward(): void {
  const [next, ...rest] = future;
  if (next === undefined) return;
  future = rest;
  go({ init: here.init, steps: [...here.steps, next] });
}

async function load(w: Where): Promise<void> {
  try {
    const v = await api<StateView>('GET', `/api/state?init=${w.init}&path=${w.steps.join(',')}`);
    here = { init: v.init, steps: v.path };
    view = v;
    showError(null);
    render(v);
  } catch (e) {
    showError(e instanceof Error ? e.message : String(e));
  }
}

// ---------------------------------------------------------------------------------------------
// Drawing.

function render(v: StateView): void {
  document.title = `${v.spec} / ${v.config} · step ${v.path.length} · interleave explorer`;
  drawProperties(v);
  drawCandidates(v);
  drawPath(v);
  const diagram = byId('diagram');
  diagram.innerHTML = '';
  const rows = drawDiagram(v.page, (k) => undoTo(k));
  rows[rows.length - 1]?.classList.add('selected');
  const history = byId('history');
  history.innerHTML = '';
  drawOperations(v.page, history);
  drawLinearizability(v);
  drawState(v);
  (byId('back') as HTMLButtonElement).disabled = v.path.length === 0;
  (byId('restart') as HTMLButtonElement).disabled = v.path.length === 0;
  (byId('forward') as HTMLButtonElement).disabled = future.length === 0;
}

function drawProperties(v: StateView): void {
  const ul = byId('properties');
  ul.innerHTML = '';
  for (const p of v.properties) {
    const li = document.createElement('li');
    li.className = p.status.replace(' ', '-');
    li.setAttribute('data-property', p.name);
    li.setAttribute('data-status', p.status);
    const when = p.status === 'reached' ? ` (step ${p.at})` : p.status === 'violated' ? '' : p.status === 'holds' && p.at !== undefined ? ` (failed at step ${p.at})` : '';
    li.textContent = `${p.name}: ${p.status}${when}`;
    li.title = p.kind === 'always' ? 'invariant: must hold in every state' : p.kind === 'sometimes' ? 'must hold in some reachable state' : 'liveness: judged over whole runs by check';
    ul.appendChild(li);
  }
  const alarm = byId('alarm');
  alarm.hidden = v.violated === null;
  alarm.textContent = v.violated ? `✗ ${v.violated.property} is violated ${v.violated.at === 0 ? 'in the initial state' : `after step ${v.violated.at}`}` : '';
  const goal = byId('goal') as HTMLSelectElement;
  if (goal.options.length === 0) {
    goal.add(new Option('to a violation', 'violation'));
    for (const p of v.properties) if (p.kind === 'sometimes') goal.add(new Option(`to ${p.name}`, `sometimes:${p.name}`));
  }
}

function drawCandidates(v: StateView): void {
  const ul = byId('candidates');
  ul.innerHTML = '';
  if (v.steps.length === 0) ul.innerHTML = '<li class="disabled">no step: the run ends here</li>';
  for (const s of v.steps) {
    const li = document.createElement('li');
    li.className = s.enabled ? 'enabled' : 'disabled';
    li.setAttribute('data-index', String(s.index));
    li.innerHTML = `${v.nodes ? `<span class="kind">${esc(s.kind)}</span>` : ''}<span class="label">${esc(s.label)}</span>`;
    if (s.enabled) li.addEventListener('click', () => take(s.index));
    ul.appendChild(li);
  }
}

function drawPath(v: StateView): void {
  const ol = byId('path');
  ol.innerHTML = '';
  const labels = ['initial state', ...v.page.steps.map((s) => s.label)];
  labels.forEach((label, k) => {
    const li = document.createElement('li');
    li.setAttribute('data-step', String(k));
    if (k === labels.length - 1) li.classList.add('current');
    if (v.violated?.at === k) li.classList.add('fails');
    li.title = k === labels.length - 1 ? 'the current state' : `undo to step ${k}`;
    li.innerHTML = `<span class="no">${k}</span><span class="label">${esc(label)}</span>`;
    li.addEventListener('click', () => undoTo(k));
    ol.appendChild(li);
  });
}

function drawLinearizability(v: StateView): void {
  const box = byId('lin');
  const h = v.history;
  if (!h) {
    box.innerHTML = '';
    return;
  }
  box.innerHTML = h.linearizable
    ? `<p class="ok" data-linearizable="yes">✓ the history so far is linearizable (${esc(h.property)})</p>`
    : `<p class="bad" data-linearizable="no">✗ the history so far is not linearizable (${esc(h.property)})${h.clients.length > 0 ? `: ${esc(h.clients.join(', '))} cannot be ordered` : ''}</p>${h.explanation ? `<pre>${esc(h.explanation)}</pre>` : ''}`;
}

type JsonObject = { readonly [k: string]: Json };
const field = (s: Json | undefined, k: string): Json | undefined => (s !== null && typeof s === 'object' && !Array.isArray(s) ? (s as JsonObject)[k] : undefined);

function drawState(v: StateView): void {
  const n = v.path.length;
  byId('state-title').textContent = n === 0 ? 'Initial state' : `State after step ${n}: ${v.last?.label ?? ''}`;
  const prev = n > 0 ? v.page.states[n - 1] : undefined;
  const box = byId('state');
  if (!v.nodes) {
    box.innerHTML = `<pre class="json">${tree(v.state, prev, 0, prev !== undefined)}</pre>`;
    return;
  }
  let html = '';
  // At a violation, the nodes it involves (as the trace views name them) are marked.
  const culprits = v.violated ? v.page.culprits.map((c) => c.name) : [];
  for (const node of v.nodes) {
    const old = field(field(prev, 'nodes'), node.name);
    const cls = 'node-state' + (node.acted ? ' acted' : '') + (node.crashed ? ' down' : '') + (culprits.includes(node.name) ? ' culprit' : '');
    const extra: string[] = [];
    if (node.timers.length > 0) extra.push(`timers: ${node.timers.map(esc).join(', ')}`);
    if (node.inFlight.length > 0) extra.push(`in flight to it: ${node.inFlight.map(esc).join('; ')}`);
    html +=
      `<div class="${cls}" data-node="${esc(node.name)}"><h3>${esc(node.name)} <span class="role">${esc(node.role)}</span></h3>` +
      `<pre class="json">${tree(node.fields, old, 0, prev !== undefined)}</pre>${extra.map((x) => `<p class="extra">${x}</p>`).join('')}</div>`;
  }
  for (const k of ['history', 'faults', 'partition']) {
    const value = field(v.state, k);
    if (value === undefined) continue;
    const [now, before] = k === 'history' ? [byClient(value, v.page.clients), byClient(field(prev, k), v.page.clients)] : [value, field(prev, k)];
    html += `<div class="node-state"><h3>${k}</h3><pre class="json">${tree(now, before, 0, prev !== undefined)}</pre></div>`;
  }
  box.innerHTML = html;
}

// ---------------------------------------------------------------------------------------------
// Save, open, search.

async function save(): Promise<void> {
  const trace = await api<{ spec: string; config: string }>('POST', '/api/trace', { init: here.init, path: here.steps });
  const safe = (x: string): string => x.replace(/[^A-Za-z0-9._-]+/g, '_');
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([JSON.stringify(trace, null, 2) + '\n'], { type: 'application/json' }));
  a.download = `${safe(trace.spec)}.${safe(trace.config)}.trace.json`;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

async function openTrace(file: File): Promise<void> {
  let trace: unknown;
  try {
    trace = JSON.parse(await file.text());
  } catch {
    throw new Error(`${file.name}: not JSON`);
  }
  const w = await api<Where>('POST', '/api/open', { trace });
  future = [];
  go(w);
}

async function search(): Promise<void> {
  const goal = (byId('goal') as HTMLSelectElement).value || 'violation';
  const status = byId('search-status');
  const cancel = byId('cancel');
  const button = byId('search') as HTMLButtonElement;
  button.disabled = true;
  cancel.hidden = false;
  status.textContent = 'searching…';
  const poll = setInterval(() => {
    void api<SearchResult>('GET', '/api/search').then((p) => {
      if (p.status === 'running') status.textContent = `searching… ${p.states.toLocaleString()} states, depth ${p.depth}`;
    });
  }, 250);
  try {
    const r = await api<SearchResult & { path?: number[]; init: number }>('POST', '/api/search', { init: here.init, path: here.steps, goal });
    const what = `${r.states.toLocaleString()} states, ${r.ms} ms`;
    if (r.status === 'found' && r.path) {
      status.textContent = `found ${r.property} ${r.steps!.length} step${r.steps!.length === 1 ? '' : 's'} from here (${what})`;
      future = [];
      go({ init: r.init, steps: r.path });
    } else status.textContent = `${r.status === 'not found' ? 'nothing found: every reachable state searched' : r.status} (${what})`;
  } finally {
    clearInterval(poll);
    button.disabled = false;
    cancel.hidden = true;
  }
}

const report = (p: Promise<unknown>): void => {
  p.catch((e: unknown) => showError(e instanceof Error ? e.message : String(e)));
};

byId('back').addEventListener('click', () => undoTo(here.steps.length - 1));
byId('forward').addEventListener('click', forward);
byId('restart').addEventListener('click', () => undoTo(0));
byId('save').addEventListener('click', () => report(save()));
byId('open').addEventListener('change', (e) => {
  const input = e.target as HTMLInputElement;
  const file = input.files?.[0];
  if (file) report(openTrace(file));
  input.value = '';
});
byId('search').addEventListener('click', () => report(search()));
byId('cancel').addEventListener('click', () => report(api('DELETE', '/api/search')));
document.addEventListener('keydown', (e) => {
  if (e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement) return;
  if (e.key === 'ArrowLeft') undoTo(here.steps.length - 1);
  if (e.key === 'ArrowRight') forward();
});
window.addEventListener('hashchange', () => {
  const w = parseHash();
  // A link typed or pasted elsewhere drops the steps kept for Forward.
  if (view && future.length > 0 && hashOf(w) !== hashOf(here) && !isPrefix(w.steps, here.steps) && !isPrefix(here.steps, w.steps)) future = [];
  void load(w);
});
void load(parseHash());

function isPrefix(a: readonly number[], b: readonly number[]): boolean {
  return a.length <= b.length && a.every((k, i) => b[i] === k);
}
