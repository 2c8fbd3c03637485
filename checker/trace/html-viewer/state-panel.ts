/// <reference lib="dom" />
// The state panel: every node's state after the selected step, with what the step changed
// highlighted (the old value in the tooltip), and the values that break the property.

import type { Json } from '../plain.ts';
import { show } from '../plain.ts';
import { byId, esc } from './dom.ts';
import type { PageData } from './page-data.ts';

type JsonObject = { readonly [k: string]: Json };

const same = (a: Json | undefined, b: Json | undefined): boolean => JSON.stringify(a) === JSON.stringify(b);
const isObj = (v: Json | undefined): v is JsonObject => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Pretty JSON of `v` as HTML; with `compare`, what differs from `old` is highlighted. */
export function tree(v: Json | undefined, old: Json | undefined, indent: number, compare: boolean): string {
  const pad = '  '.repeat(indent);
  if (compare && Array.isArray(v) && Array.isArray(old) && v.length !== old.length) return listDiff(v, old, pad);
  if (compare && !same(v, old) && !(isObj(v) && isObj(old)) && !(Array.isArray(v) && Array.isArray(old) && v.length === old.length)) {
    return `<span class="changed" title="was: ${esc(show(old))}">${esc(show(v))}</span>`;
  }
  if (isObj(v)) {
    const keys = Object.keys(v);
    if (keys.length === 0 && !(compare && isObj(old) && Object.keys(old).length > 0)) return '{}';
    const inner = keys.map((k) => `${pad}  ${esc(JSON.stringify(k))}: ${tree(v[k], isObj(old) ? old[k] : undefined, indent + 1, compare && isObj(old))}`);
    if (compare && isObj(old)) {
      for (const k of Object.keys(old)) {
        if (!(k in v)) inner.push(`${pad}  <span class="removed" title="removed">${esc(JSON.stringify(k))}: ${esc(show(old[k]))}</span>`);
      }
    }
    return `{\n${inner.join(',\n')}\n${pad}}`;
  }
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    const flat = v.every((x) => !isObj(x) && !Array.isArray(x));
    if (flat && JSON.stringify(v).length < 60 && (!compare || same(v, old))) return esc(JSON.stringify(v));
    const olds = Array.isArray(old) ? old : undefined;
    return `[\n${v.map((x, i) => `${pad}  ${tree(x, olds?.[i], indent + 1, compare && olds !== undefined)}`).join(',\n')}\n${pad}]`;
  }
  return esc(show(v));
}

/** A list that grew or shrank, as a multiset: new items highlighted, gone ones struck out. */
function listDiff(v: readonly Json[], old: readonly Json[], pad: string): string {
  const left = old.map((x) => JSON.stringify(x));
  const lines = v.map((x) => {
    const k = left.indexOf(JSON.stringify(x));
    if (k >= 0) {
      left.splice(k, 1);
      return `${pad}  ${esc(show(x))}`;
    }
    return `${pad}  <span class="changed" title="new">${esc(show(x))}</span>`;
  });
  for (const x of left) lines.push(`${pad}  <span class="removed" title="gone">${esc(x)}</span>`);
  return lines.length > 0 ? `[\n${lines.join(',\n')}\n${pad}]` : '[]';
}

const field = (s: Json | undefined, k: string): Json | undefined => (isObj(s) ? s[k] : undefined);

/** Shows the state after step `i` (0: the initial state). */
export function showState(data: PageData, i: number): void {
  const s = data.states[i];
  const prev = i > 0 ? data.states[i - 1] : undefined;
  const step = i > 0 ? data.steps[i - 1] : undefined;
  byId('state-title').textContent = step === undefined ? 'Initial state' : `State after step ${i}: ${step.label}`;
  const box = byId('state');
  if (s === undefined) {
    box.innerHTML = '<p>The trace was not replayed this far, so the state is not known.</p>';
    return;
  }
  const compare = prev !== undefined;
  if (!data.nodes) {
    box.innerHTML = `<pre class="json">${tree(s, prev, 0, compare)}</pre>`;
    return;
  }
  let html = '';
  const culprits = data.culprits.map((c) => c.name);
  const crashedValue = field(s, 'crashed');
  const crashed = Array.isArray(crashedValue) ? crashedValue : [];
  const acted = step?.kind === 'deliver' ? step.to : step?.node;
  data.nodes.forEach((name, k) => {
    const cls =
      'node-state' + (acted === k ? ' acted' : '') + (crashed.includes(name) ? ' down' : '') + (i === data.violationAt && culprits.includes(name) ? ' culprit' : '');
    html += `<div class="${cls}" data-node="${esc(name)}"><h3>${esc(name)}</h3><pre class="json">${tree(field(field(s, 'nodes'), name), field(field(prev, 'nodes'), name), 0, compare)}</pre></div>`;
  });
  for (const k of ['network', 'timers', 'history', 'faults', 'partition']) {
    if (!isObj(s) || !(k in s)) continue;
    const [now, before] = k === 'history' ? [byClient(s[k], data.clients), byClient(field(prev, k), data.clients)] : [s[k], field(prev, k)];
    html += `<div class="node-state"><h3>${k}${k === 'network' ? ' (in flight)' : ''}</h3><pre class="json">${tree(now, before, 0, compare)}</pre></div>`;
  }
  box.innerHTML = html;
}

/** The clients' history (one list per client, in client order) keyed by the clients' names. */
export function byClient(history: Json | undefined, clients: readonly string[]): Json | undefined {
  if (!Array.isArray(history) || history.length !== clients.length) return history;
  const out: { [k: string]: Json } = {};
  clients.forEach((name, i) => (out[name] = history[i]!));
  return out;
}

/** The violated property and the values that break it. */
export function drawBroken(data: PageData): void {
  let html = `<h3>✗ ${esc(data.property)} is violated${data.violationAt !== null ? ` after step ${data.violationAt}` : ''}${data.culprits.length > 0 ? ' by' : ''}</h3>`;
  for (const c of data.culprits) html += `<div class="node-state"><h3>${esc(c.name)}</h3><pre class="json">${tree(c.value, undefined, 0, false)}</pre></div>`;
  if (data.explanation !== null) html += `<pre class="explanation">${esc(data.explanation)}</pre>`;
  byId('broken').innerHTML = html;
}
