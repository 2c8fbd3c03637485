/// <reference lib="dom" />
// The script of an HTML trace page (html.ts): draws the page from the JSON document embedded in
// it, so the page needs no server and fetches nothing. Clicking a step, or a row of the diagram,
// shows the state after it; ↑/↓ (or k/j) move.

import { cycleNote } from '../step-text.ts';
import { drawDiagram } from './diagram.ts';
import { byId, esc } from './dom.ts';
import { drawOperations } from './operations.ts';
import type { PageData } from './page-data.ts';
import { drawBroken, showState } from './state-panel.ts';

const data = JSON.parse(byId('trace-data').textContent ?? 'null') as PageData;
const last = data.steps.length;
let selected = -1;
const items: HTMLElement[] = [];

function select(i: number): void {
  if (i < 0 || i > last) return;
  if (selected >= 0) {
    items[selected]!.classList.remove('selected');
    rows[selected]?.classList.remove('selected');
  }
  selected = i;
  items[i]!.classList.add('selected');
  rows[i]?.classList.add('selected');
  items[i]!.scrollIntoView({ block: 'nearest' });
  showState(data, i);
}

/** The step list: the initial state, each step, and a lasso's loop back. */
function drawSteps(): void {
  const ol = byId('steps');
  for (const s of [{ index: 0, label: 'initial state' }, ...data.steps]) {
    const li = document.createElement('li');
    li.setAttribute('data-step', String(s.index));
    const fails = data.violationAt === s.index;
    li.innerHTML = `<span class="no">${s.index}</span><span class="label">${esc(s.label)}</span>${fails ? `<span class="fail-mark">✗ ${esc(data.property)}</span>` : ''}`;
    if (fails) li.className = 'fails';
    li.addEventListener('click', () => select(s.index));
    ol.appendChild(li);
    items.push(li);
  }
  if (data.cycleStart !== null) {
    const start = data.cycleStart;
    const loop = document.createElement('li');
    loop.className = 'cycle';
    loop.textContent = cycleNote(start);
    loop.addEventListener('click', () => select(start));
    ol.appendChild(loop);
  }
}

const rows = drawDiagram(data, select);
drawOperations(data);
drawSteps();
drawBroken(data);
document.addEventListener('keydown', (e) => {
  if (e.key === 'ArrowDown' || e.key === 'j') {
    select(Math.min(last, selected + 1));
    e.preventDefault();
  }
  if (e.key === 'ArrowUp' || e.key === 'k') {
    select(Math.max(0, selected - 1));
    e.preventDefault();
  }
});
select(data.violationAt ?? last);
