/// <reference lib="dom" />
// The clients' operations as a timeline: one row per client, a bar from the step that invoked an
// operation to the step that returned it (dashed while pending).

import { byId, svg } from './dom.ts';
import type { PageData } from './page-data.ts';

export function drawOperations(data: PageData): void {
  if (data.operations.length === 0) return;
  const host = byId('history');
  const h2 = document.createElement('h2');
  h2.textContent = 'Client operations';
  host.appendChild(h2);
  const clients: string[] = [];
  for (const o of data.operations) if (!clients.includes(o.client)) clients.push(o.client);
  const n = data.steps.length;
  const W = 22;
  const LH = 30;
  const L = 110;
  const root = svg('svg', { width: L + (n + 1) * W + 20, height: clients.length * LH + 26, role: 'img', 'aria-label': 'client operations' });
  for (let i = 0; i <= n; i += Math.max(1, Math.ceil(n / 20))) svg('text', { x: L + i * W, y: 12, class: 'step-no', 'text-anchor': 'middle' }, root, String(i));
  clients.forEach((c, k) => svg('text', { x: 4, y: 26 + k * LH + 15 }, root, c));
  for (const o of data.operations) {
    const k = clients.indexOf(o.client);
    const done = o.returnedAt !== undefined;
    const end = o.returnedAt ?? n + 0.8;
    const bar = svg('rect', { x: L + o.invokedAt * W, y: 26 + k * LH, width: Math.max(8, (end - o.invokedAt) * W), height: LH - 8, rx: 4, class: done ? 'op' : 'op pending' }, root);
    svg('title', {}, bar, `${JSON.stringify(o.input)} → ${done ? JSON.stringify(o.output) : 'pending'}`);
    svg('text', { x: L + o.invokedAt * W + 4, y: 26 + k * LH + 15 }, root, JSON.stringify(o.input) + (done ? ` → ${JSON.stringify(o.output)}` : ' …'));
  }
  host.appendChild(root);
}
