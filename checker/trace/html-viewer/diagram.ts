/// <reference lib="dom" />
// The space-time diagram: one vertical line per node (dashed while it is down), a diagonal arrow
// from the step that sent a message to the step that delivered it, losses, duplications, crashes,
// restarts and local steps on their lanes, partitions shaded, in-flight messages as stubs, the
// step where the property fails ruled in red, and a lasso's loop back under the last step.

import { cycleNote, localNote } from '../step-text.ts';
import { byId, svg } from './dom.ts';
import type { PageData, PageStep } from './page-data.ts';

const COL = 150;
const ROW = 34;
const TOP = 46;
const LEFT = 40;
const x = (i: number): number => LEFT + COL / 2 + i * COL;
const y = (i: number): number => TOP + 14 + i * ROW;

/** Draws the diagram into #diagram; returns its rows (one per state), which select their step. */
export function drawDiagram(data: PageData, select: (step: number) => void): SVGElement[] {
  const nodes = data.nodes ?? ['state'];
  const steps = data.steps;
  const width = LEFT + nodes.length * COL + 20;
  const height = y(steps.length) + ROW;
  const root = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': 'space-time diagram' });
  const rowsGroup = svg('g', {}, root);
  const rows: SVGElement[] = [];
  for (let r = 0; r <= steps.length; r++) {
    const rect = svg('rect', { x: 0, y: y(r) - ROW / 2, width, height: ROW, class: 'row', 'data-step': r }, rowsGroup);
    rect.addEventListener('click', () => select(r));
    rows.push(rect);
    svg('text', { x: 4, y: y(r) + 4, class: 'step-no' }, root, r === 0 ? 'init' : String(r));
  }
  drawPartitions(root, steps);
  drawLanes(root, nodes, steps, height);
  const defs = svg('defs', {}, root);
  const marker = svg('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, defs);
  svg('path', { d: 'M 0 0 L 10 5 L 0 10 z', fill: '#0969da' }, marker);
  const g = svg('g', {}, root);
  for (const s of steps) drawStep(g, s, data.nodes === null);
  // Messages still in flight at the end: dotted stubs.
  for (const f of data.inFlight) {
    const sy = y(f.sentAt);
    const x1 = x(f.from);
    svg('line', { x1, y1: sy, x2: x1 + (x(f.to) - x1) * 0.35, y2: sy + ROW * 0.6, class: 'msg flight' }, g);
  }
  if (data.cycleStart !== null) svg('text', { x: LEFT + 4, y: y(steps.length) + ROW * 0.6, class: 'cycle' }, root, cycleNote(data.cycleStart));
  if (data.violationAt !== null) {
    const vy = y(data.violationAt) + ROW / 2 - 2;
    svg('line', { x1: LEFT, y1: vy, x2: width - 10, y2: vy, class: 'violation' }, root);
    svg('text', { x: LEFT + 4, y: vy + 14, class: 'violation-label' }, root, `✗ ${data.property} fails`);
  }
  byId('diagram').appendChild(root);
  return rows;
}

/** Shaded bands over the isolated lanes, from the cut to the heal. */
function drawPartitions(root: SVGElement, steps: readonly PageStep[]): void {
  const band = (p: PageStep, until: number): void => {
    for (const n of p.isolated ?? []) {
      svg('rect', { x: x(n) - COL / 2 + 6, y: y(p.index), width: COL - 12, height: (until - p.index) * ROW, class: 'partition' }, root);
    }
  };
  let open: PageStep | null = null;
  for (const s of steps) {
    if (s.kind === 'partition') open = s;
    if (s.kind === 'heal' && open) {
      band(open, s.index);
      open = null;
    }
  }
  if (open) band(open, steps.length + 0.5);
}

/** The nodes' names and lanes, dashed while a node is down. */
function drawLanes(root: SVGElement, nodes: readonly string[], steps: readonly PageStep[], height: number): void {
  nodes.forEach((name, i) => {
    svg('text', { x: x(i), y: 22, 'text-anchor': 'middle', class: 'node-name' }, root, name);
    let from = y(0) - ROW / 2;
    let down = false;
    for (const s of steps) {
      if (s.node !== i) continue;
      if ((s.kind === 'crash' && !down) || (s.kind === 'restart' && down)) {
        svg('line', { x1: x(i), y1: from, x2: x(i), y2: y(s.index), class: down ? 'lane down' : 'lane' }, root);
        from = y(s.index);
        down = !down;
      }
    }
    svg('line', { x1: x(i), y1: from, x2: x(i), y2: height - 8, class: down ? 'lane down' : 'lane' }, root);
  });
}

function drawStep(g: SVGElement, s: PageStep, raw: boolean): void {
  const t = y(s.index);
  // The nodes a failure detector told of this crash or restart, each on its lane.
  for (const n of s.told ?? []) {
    svg('circle', { cx: x(n.node), cy: t, r: 4, class: 'local' }, g);
    svg('text', { x: x(n.node) + 10, y: t + 4, class: 'local' }, g, n.text);
  }
  switch (s.kind) {
    case 'deliver':
    case 'lose':
    case 'duplicate': {
      const sy = s.sentAt !== undefined ? y(s.sentAt) : t - ROW * 0.8;
      const x1 = x(s.from!);
      const x2 = x(s.to!);
      // A step that was not replayed has no message text: its label stands in.
      const message = s.message ?? s.label;
      if (s.kind === 'deliver') {
        if (x1 === x2) svg('path', { d: `M ${x1} ${sy} C ${x1 + 40} ${sy}, ${x1 + 40} ${t}, ${x1 + 2} ${t}`, class: 'msg', 'marker-end': 'url(#arrow)' }, g);
        else svg('line', { x1, y1: sy, x2: x2 + (x2 > x1 ? -3 : 3), y2: t, class: 'msg', 'marker-end': 'url(#arrow)' }, g);
        svg('text', { x: x1 + (x2 - x1) * 0.72, y: sy + (t - sy) * 0.72 - 5, 'text-anchor': 'middle', class: 'msg-label' }, g, message);
      } else if (s.kind === 'lose') {
        const mx = (x1 + x2) / 2;
        svg('line', { x1, y1: sy, x2: mx, y2: t, class: 'msg lost' }, g);
        svg('text', { x: mx, y: t + 4, 'text-anchor': 'middle', class: 'lost-label' }, g, `✕ lost ${message}`);
      } else {
        svg('text', { x: (x1 + x2) / 2, y: t + 4, 'text-anchor': 'middle', class: 'local' }, g, `⧉ duplicated ${message}`);
      }
      return;
    }
    case 'crash': {
      const cx = x(s.node!);
      svg('line', { x1: cx - 7, y1: t - 7, x2: cx + 7, y2: t + 7, class: 'crash' }, g);
      svg('line', { x1: cx - 7, y1: t + 7, x2: cx + 7, y2: t - 7, class: 'crash' }, g);
      svg('text', { x: cx + 12, y: t + 4, class: 'lost-label' }, g, 'crash');
      return;
    }
    case 'restart':
      svg('text', { x: x(s.node!), y: t + 5, 'text-anchor': 'middle', class: 'restart' }, g, '↻');
      svg('text', { x: x(s.node!) + 12, y: t + 4, class: 'restart' }, g, 'restart');
      return;
    case 'timeout':
    case 'choose':
      svg('circle', { cx: x(s.node!), cy: t, r: 5, class: 'local' }, g);
      svg('text', { x: x(s.node!) + 10, y: t + 4, class: 'local' }, g, localNote(s));
      return;
    case 'partition':
    case 'heal':
      svg('text', { x: LEFT + 4, y: t + 4, class: 'lost-label' }, g, s.label);
      return;
    default:
      if (raw) {
        svg('circle', { cx: x(0), cy: t, r: 4, class: 'local' }, g);
        svg('text', { x: x(0) + 10, y: t + 4 }, g, s.label);
      }
  }
}
