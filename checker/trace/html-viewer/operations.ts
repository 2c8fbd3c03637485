/// <reference lib="dom" />
// The clients' operations as a timeline: one row per client (named as its node), a bar from the
// step that invoked an operation to the step that returned it (dashed while pending), labelled
// with the operation as the sequential spec writes it. Step columns are widened so labels fit
// their bars; a label that still does not fit is shortened with an ellipsis (the whole operation
// is in the bar's tooltip).

import { byId, svg } from './dom.ts';
import type { PageData } from './page-data.ts';

/** Roughly how wide a character of an 11px label is, to size the columns before measuring. */
const CHAR = 6.4;

export function drawOperations(data: PageData, host: HTMLElement = byId('history')): void {
  if (data.operations.length === 0) return;
  const h2 = document.createElement('h2');
  h2.textContent = 'Client operations';
  host.appendChild(h2);
  const clients: string[] = [];
  for (const o of data.operations) if (!clients.includes(o.client)) clients.push(o.client);
  const n = data.steps.length;
  const span = (o: PageData['operations'][number]): number => (o.returnedAt ?? n + 0.8) - o.invokedAt;
  const W = Math.min(90, Math.max(22, ...data.operations.map((o) => (o.text.length * CHAR + 10) / Math.max(0.8, span(o)))));
  const LH = 30;
  const L = Math.max(80, ...clients.map((c) => c.length * 7.5 + 12));
  const root = svg('svg', { width: L + (n + 1) * W + 20, height: clients.length * LH + 26, role: 'img', 'aria-label': 'client operations' });
  host.appendChild(root);
  for (let i = 0; i <= n; i += Math.max(1, Math.ceil(n / 20))) svg('text', { x: L + i * W, y: 12, class: 'step-no', 'text-anchor': 'middle' }, root, String(i));
  clients.forEach((c, k) => svg('text', { x: 4, y: 26 + k * LH + 15, class: 'client-name' }, root, c));
  for (const o of data.operations) {
    const k = clients.indexOf(o.client);
    const done = o.returnedAt !== undefined;
    const width = Math.max(8, span(o) * W);
    const bar = svg('rect', { x: L + o.invokedAt * W, y: 26 + k * LH, width, height: LH - 8, rx: 4, class: done ? 'op' : 'op pending' }, root);
    svg('title', {}, bar, `${o.client}: ${o.text}${done ? '' : ' (pending)'}`);
    const label = svg('text', { x: L + o.invokedAt * W + 4, y: 26 + k * LH + 15, class: 'op-label' }, root, o.text) as SVGTextElement;
    fit(label, width - 8);
  }
}

/** Shortens `label` with an ellipsis until it is no wider than `room`. */
function fit(label: SVGTextElement, room: number): void {
  const full = label.textContent ?? '';
  let keep = full.length;
  while (keep > 0 && label.getComputedTextLength() > room) {
    keep--;
    label.textContent = full.slice(0, keep) + '…';
  }
  if (keep === 0 && label.getComputedTextLength() > room) label.textContent = '';
}
