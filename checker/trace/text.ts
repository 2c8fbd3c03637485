// The text view of a trace, for the terminal: one lane per node, one row per step (a message is an
// arrow from sender to receiver labelled with the message, faults are marked: ✗ crash,
// ↻ restart, ⌁ lost, ⧉ duplicated, ╳ partition), and under each step what it did: the fields of
// the acting node that changed (old → new), what it sent, its timers, the clients' operations.
// The step where the property first fails is marked, and the view ends with the values that
// break it. A raw model (no nodes) is a numbered list of actions with state diffs.

import { show, type Change, type Json } from './plain.ts';
import { PLAIN, visibleWidth, type Style } from './style.ts';
import { cycleNote, sentAtNote } from './step-text.ts';
import { timelineOf, type Flight, type Timeline, type TimelineStep } from './timeline.ts';
import { nodeState, violatingState, type TraceView } from './view.ts';

export interface TextOptions {
  /** Print every node's whole state after each step instead of the changes. */
  readonly full?: boolean;
  /** ANSI colours (see style.ts for when to want them). */
  readonly style?: Style;
}

export function renderText(view: TraceView, options: TextOptions = {}): string {
  const st = options.style ?? PLAIN;
  const { trace } = view;
  const out: string[] = [];
  const n = trace.steps.length;
  const expected = typeof trace.expected === 'object' && trace.expected.violates === trace.property;
  out.push(
    `${st.bold(`${trace.spec} / ${trace.config}`)}: ${st.red(`${trace.property} violated`)} after ${n} step${n === 1 ? '' : 's'}` +
      (expected ? st.dim(' (the expected bug)') : ''),
  );
  out.push(st.dim(`found by ${trace.strategy}${trace.seed !== undefined ? ` (seed ${trace.seed})` : ''} in ${trace.file}`));
  if (trace.nodes) renderLanes(view, timelineOf(view), options.full === true, st, out);
  else renderList(view, options.full === true, st, out);
  out.push('', ...verdict(view, st));
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Raw models: numbered actions with state diffs.

function renderList(view: TraceView, full: boolean, st: Style, out: string[]): void {
  const { trace, states } = view;
  const width = String(trace.steps.length).length;
  const indent = ' '.repeat(width + 4);
  if (states[0] !== undefined) out.push('', `${' '.repeat(width)}  ${st.dim('initial state:')} ${show(states[0])}`);
  if (view.violationAt === 0) out.push(`${indent}${failsHere(view, st)}`);
  trace.steps.forEach((step, i) => {
    out.push(`${st.dim(String(i + 1).padStart(width))}  ${st.bold(step.label)}`);
    const after = states[i + 1];
    if (after === undefined) return;
    if (full) out.push(`${indent}${show(after)}`);
    else for (const c of view.records[i + 1]?.changes ?? []) out.push(`${indent}${change(c.path || 'state', c, st)}`);
    if (view.violationAt === i + 1) out.push(`${indent}${failsHere(view, st)}`);
  });
  if (trace.cycleStart !== undefined) out.push(`${' '.repeat(width)}  ${st.yellow(cycleNote(trace.cycleStart))}`);
}

// ---------------------------------------------------------------------------------------------
// Actor systems: lanes.

const MARK = { timeout: '⏰', choose: '●', crash: '✗', restart: '↻' } as const;

function renderLanes(view: TraceView, tl: Timeline, full: boolean, st: Style, out: string[]): void {
  const nodes = tl.nodes;
  const longest = Math.max(0, ...tl.steps.map((s) => (s.kind === 'deliver' ? [...(s.message ?? '')].length : 0)));
  const col = Math.max(12, ...nodes.map((x) => [...x].length + 2), Math.min(longest + 6, 22));
  const center = (i: number): number => i * col + Math.floor(col / 2);
  const lastName = [...(nodes[nodes.length - 1] ?? '')].length;
  const width = Math.max(center(nodes.length - 1) + 1, center(nodes.length - 1) + Math.ceil(lastName / 2));
  const num = Math.max(4, String(tl.steps.length).length);
  const down = new Set<number>();

  /** A row of lanes: `│` for a live node, `┊` for a crashed one; cells are coloured strings. */
  const lanes = (): string[] => {
    const row = Array.from({ length: width }, () => ' ');
    for (let i = 0; i < nodes.length; i++) row[center(i)] = down.has(i) ? st.dim('┊') : st.dim('│');
    return row;
  };
  const line = (prefix: string, row: string[], text: string): string => {
    const drawn = row.join('').replace(/\s+$/, '');
    return text ? `${prefix}${drawn}${' '.repeat(Math.max(2, width + 2 - visibleWidth(drawn)))}${text}` : prefix + drawn;
  };
  const blank = ' '.repeat(num + 2);
  const detail = (text: string): void => {
    out.push(line(blank, lanes(), text));
  };

  const header = Array.from({ length: width }, () => ' ');
  nodes.forEach((name, i) => {
    const chars = [...name];
    const start = Math.max(0, center(i) - Math.floor(chars.length / 2));
    chars.forEach((ch, k) => (header[start + k] = k === 0 ? st.bold(chars.join('')) : ''));
  });
  out.push('', blank + header.join('').trimEnd());

  // Step 0: what init sent.
  if (tl.initialSends.length > 0 || view.violationAt === 0) {
    out.push(line(st.dim('init'.padStart(num) + '  '), lanes(), st.dim('initial state')));
    for (const text of sendLines(tl.initialSends, nodes, st)) detail(text);
    if (view.violationAt === 0) detail(failsHere(view, st));
  }

  for (const step of tl.steps) {
    const row = lanes();
    const text = drawStep(step, row, center, nodes, st);
    out.push(line(st.dim(String(step.index).padStart(num)) + '  ', row, text));
    if (step.kind === 'crash') down.add(step.node!);
    if (step.kind === 'restart') down.delete(step.node!);
    const after = view.states[step.index];
    if (after === undefined) continue;
    if (full) {
      for (const name of nodes) detail(`${st.bold(name)}: ${show(nodeState(after, name))}`);
      const net = typeof after === 'object' && after !== null && !Array.isArray(after) ? after.network : undefined;
      if (Array.isArray(net)) detail(`${st.dim('in flight:')} ${net.length === 0 ? '—' : net.map((e) => String(e)).join(', ')}`);
    } else {
      for (const t of details(step, nodes, st, view.operationText)) detail(t);
    }
    if (view.violationAt === step.index) detail(failsHere(view, st));
  }
  if (view.trace.cycleStart !== undefined) out.push(line(' '.repeat(num) + '  ', lanes(), st.yellow(cycleNote(view.trace.cycleStart))));
  if (tl.inFlight.length > 0 && view.states.length === tl.steps.length + 1) {
    out.push('', st.dim(`still in flight: ${tl.inFlight.map((f) => `${nodes[f.from]} → ${nodes[f.to]}: ${f.text}`).join(', ')}`));
  }
}

/** Draws the step's arrow or mark into `row`; returns the text to its right. */
function drawStep(step: TimelineStep, row: string[], center: (i: number) => number, nodes: readonly string[], st: Style): string {
  const kind = step.kind;
  const name = (id: number): string => nodes[id] ?? `node${id}`;
  switch (kind) {
    case 'deliver':
    case 'lose':
    case 'duplicate': {
      const [x, y] = [center(step.from!), center(step.to!)];
      const colour = kind === 'deliver' ? st.cyan : kind === 'lose' ? st.red : st.yellow;
      const dash = kind === 'deliver' ? '─' : '┄';
      // A step that was not replayed has no message text: a bare arrow and its label.
      const msg = step.message ?? '';
      const lo = Math.min(x, y);
      const hi = Math.max(x, y);
      const cells: string[] = [];
      for (let k = lo + 1; k < hi; k++) cells.push(dash);
      let onArrow = false;
      const chars = [...msg];
      if (x !== y && step.message !== undefined && chars.length + 4 <= cells.length) {
        const start = Math.floor((cells.length - chars.length) / 2);
        for (let k = 0; k < chars.length; k++) cells[start + k] = chars[k]!;
        cells[start - 1] = ' ';
        cells[start + chars.length] = ' ';
        onArrow = true;
      }
      if (kind === 'lose') cells[Math.floor(cells.length / 2) + (onArrow ? Math.ceil(chars.length / 2) + 1 : 0)] = '⌁';
      if (kind === 'duplicate') cells[onArrow ? cells.length - 1 : Math.floor(cells.length / 2)] = '⧉';
      cells.forEach((c, k) => (row[lo + 1 + k] = colour(c)));
      if (x === y) row[x] = colour('↺');
      else {
        row[y] = colour(y > x ? '▶' : '◀');
        row[x] = colour(kind === 'deliver' ? '├' : '┆');
      }
      const who = `${name(step.from!)} → ${name(step.to!)}`;
      const what =
        step.message === undefined ? step.label : kind === 'deliver' ? (onArrow ? who : `${who}: ${msg}`) : kind === 'lose' ? `⌁ lost ${who}: ${msg}` : `⧉ duplicated ${who}: ${msg}`;
      const when = step.sentAt === undefined ? '' : st.dim(`  (${sentAtNote(step.sentAt)})`);
      return (kind === 'deliver' ? what : colour(what)) + when;
    }
    case 'timeout':
    case 'choose':
    case 'crash':
    case 'restart': {
      const colour = kind === 'crash' ? st.red : kind === 'restart' ? st.green : st.yellow;
      row[center(step.node!)] = colour(MARK[kind]);
      if (kind === 'crash') return st.red(`✗ ${name(step.node!)} crashes`);
      if (kind === 'restart') return st.green(`↻ ${name(step.node!)} restarts`);
      return step.label;
    }
    case 'partition': {
      for (const id of step.isolated ?? []) row[center(id)] = st.red('╳');
      return st.red(step.label);
    }
    case 'heal':
      return st.green(step.label);
    default:
      return step.label;
  }
}

/** The lines under a step: what changed in the node, what it sent, timers, operations. */
function details(step: TimelineStep, nodes: readonly string[], st: Style, opText: TraceView['operationText']): string[] {
  const out: string[] = [];
  const name = step.node !== undefined ? nodes[step.node]! : '';
  if (step.kind === 'crash') {
    const lost = step.changes.filter((c) => c.after === undefined);
    const kept = step.changes.filter((c) => c.after !== undefined);
    if (lost.length > 0) out.push(`${st.red('forgets')} ${lost.map((c) => `${name}.${c.path} = ${show(c.before)}`).join(', ')}`);
    for (const c of kept) out.push(change(`${name}.${c.path}`, c, st));
  } else {
    for (const c of step.changes) out.push(change(`${name}${c.path ? '.' + c.path : ''}`, c, st));
  }
  if (step.dropped.length > 0) out.push(st.red(`drops in flight: ${step.dropped.map((f) => `${nodes[f.from]} → ${nodes[f.to]}: ${f.text}`).join(', ')}`));
  for (const n of step.notified ?? []) {
    const who = nodes[n.node]!;
    out.push(st.yellow(`${who} learns ${nodes[n.peer]} is ${n.event}`));
    for (const c of n.changes) out.push(change(`${who}${c.path ? '.' + c.path : ''}`, c, st));
    for (const t of n.timersSet) out.push(st.dim(`${who} sets timer ${t}`));
    for (const t of n.timersCancelled) out.push(st.dim(`${who} cancels timer ${t}`));
  }
  out.push(...sendLines(step.sends, nodes, st));
  for (const t of step.timersSet) out.push(st.dim(`${name} sets timer ${t}`));
  for (const t of step.timersCancelled) out.push(st.dim(`${name} cancels timer ${t}`));
  for (const op of step.invoked) out.push(st.magenta(`${opClient(op.node, op.client, nodes)} invokes ${opText ? opText(op.input, undefined, false) : show(op.input)}`));
  for (const op of step.returned) out.push(st.magenta(`${opClient(op.node, op.client, nodes)} returns ${opText ? opText(op.input, op.output, true) : show(op.output)}`));
  return out;
}

function opClient(node: number, client: number, nodes: readonly string[]): string {
  return nodes[node] ?? `client ${client}`;
}

/** `coordinator sends Prepare → participant1, participant2`, one line per sender and message. */
function sendLines(sends: readonly Flight[], nodes: readonly string[], st: Style): string[] {
  const groups = new Map<string, { from: number; message: string; to: number[] }>();
  for (const f of sends) {
    const k = `${f.from}\u0000${f.text}`;
    const g = groups.get(k);
    if (g) g.to.push(f.to);
    else groups.set(k, { from: f.from, message: f.text, to: [f.to] });
  }
  for (const g of groups.values()) {
    g.to.sort((x, y) => x - y);
  }
  return [...groups.values()].sort((x, y) => x.from - y.from).map(
    (g) => `${nodes[g.from]} ${st.blue('sends')} ${g.message} → ${g.to.map((t) => nodes[t]).join(', ')}`,
  );
}

function change(path: string, c: Change, st: Style): string {
  return `${path}: ${st.red(show(c.before))} → ${st.green(show(c.after))}`;
}

function failsHere(view: TraceView, st: Style): string {
  return st.bold(st.red(`✗ ${view.trace.property} fails here`));
}

/** The closing lines: the violated property and the values that break it. */
function verdict(view: TraceView, st: Style): string[] {
  const { trace } = view;
  const state = violatingState(view);
  const out: string[] = [];
  const at = view.violationAt;
  const where = at === undefined ? 'in the last state' : at === 0 ? 'in the initial state' : `after step ${at}`;
  out.push(st.bold(st.red(`✗ ${trace.property} is violated ${where}`)) + (view.culprits.length > 0 ? ' by:' : '.'));
  for (const c of view.culprits) {
    const v = trace.nodes ? nodeState(state, c) : field(state, c);
    // Clients blamed for a linearizability violation are explained below, not dumped.
    if (view.history && view.clients?.includes(c)) out.push(`    ${st.bold(c)}`);
    else out.push(`    ${st.bold(c)}: ${show(v)}`);
  }
  if (view.history?.explanation) out.push('', ...view.history.explanation.split('\n'));
  if (at !== undefined && at < trace.steps.length) {
    out.push(st.yellow(`  (the trace goes on for ${trace.steps.length - at} more step${trace.steps.length - at === 1 ? '' : 's'}; \`interleave minimize\` cuts it)`));
  }
  return out;
}

function field(s: Json, k: string): Json | undefined {
  return typeof s === 'object' && s !== null && !Array.isArray(s) ? s[k] : undefined;
}
