// The text view of a trace: one lane per node, one line per step (messages as arrows between
// lanes, faults marked), and under each step what changed in the node that acted.

import type { ActorAction } from '../actor/actions.ts';
import { diff, show, toJson, type Json } from './plain.ts';
import type { Trace } from './trace.ts';

export interface TextOptions {
  /** The states along the trace (`states[0]` initial), as `present` gives them. */
  readonly states?: readonly unknown[];
  /** Print every node's whole state after each step instead of the changes. */
  readonly full?: boolean;
}

const MARK: Partial<Record<ActorAction['kind'], string>> = {
  timeout: '⏰',
  choose: '●',
  crash: '✗',
  restart: '↻',
};

export function renderText(trace: Trace, options: TextOptions = {}): string {
  const out: string[] = [];
  const steps = trace.steps.length;
  out.push(`${trace.spec} / ${trace.config}: ${trace.property} violated after ${steps} step${steps === 1 ? '' : 's'}`);
  const states = options.states?.map(toJson);
  if (trace.nodes) renderLanes(trace, trace.nodes, states, options.full === true, out);
  else renderList(trace, states, options.full === true, out);
  out.push('', `✗ ${trace.property} is violated in the last state.`);
  return out.join('\n');
}

function renderList(trace: Trace, states: Json[] | undefined, full: boolean, out: string[]): void {
  const width = String(trace.steps.length).length;
  if (states?.[0] !== undefined) out.push('', `${' '.repeat(width)}  initial state: ${show(states[0])}`);
  trace.steps.forEach((step, i) => {
    out.push(`${String(i + 1).padStart(width)}  ${step.label}`);
    const before = states?.[i];
    const after = states?.[i + 1];
    if (after === undefined) return;
    if (full) out.push(`${' '.repeat(width)}    ${show(after)}`);
    else for (const c of diff(before, after)) out.push(`${' '.repeat(width)}    ${c.path || 'state'}: ${show(c.before)} → ${show(c.after)}`);
  });
}

function renderLanes(trace: Trace, nodes: readonly string[], states: Json[] | undefined, full: boolean, out: string[]): void {
  const col = Math.max(12, ...nodes.map((n) => n.length + 2));
  const center = (i: number): number => i * col + Math.floor(col / 2);
  const width = nodes.length * col;
  const num = String(trace.steps.length).length;
  const pad = ' '.repeat(num + 2);
  const blank = (): string[] => {
    const row = Array.from({ length: width }, () => ' ');
    for (let i = 0; i < nodes.length; i++) row[center(i)] = '│';
    return row;
  };
  const header = Array.from({ length: width }, () => ' ');
  nodes.forEach((n, i) => {
    const start = Math.max(0, center(i) - Math.floor(n.length / 2));
    for (let k = 0; k < n.length; k++) header[start + k] = n[k]!;
  });
  out.push('', pad + header.join('').trimEnd());

  trace.steps.forEach((step, i) => {
    const a = step.action as unknown as ActorAction;
    const row = blank();
    let text = step.label;
    let actor: number | undefined;
    switch (a.kind) {
      case 'deliver':
      case 'lose':
      case 'duplicate': {
        const [x, y] = [center(a.from), center(a.to)];
        const line = a.kind === 'deliver' ? '─' : '┄';
        for (let k = Math.min(x, y) + 1; k < Math.max(x, y); k++) row[k] = line;
        if (x === y) row[x] = '↺';
        else row[y] = y > x ? '▶' : '◀';
        if (a.kind === 'lose') row[Math.floor((x + y) / 2)] = '⌁';
        if (a.kind === 'duplicate') row[Math.floor((x + y) / 2)] = '⧉';
        text = a.kind === 'deliver' ? messageOf(step.label) : step.label;
        actor = a.kind === 'deliver' ? a.to : undefined;
        break;
      }
      case 'timeout':
      case 'choose':
      case 'crash':
      case 'restart':
        row[center(a.node)] = MARK[a.kind]!;
        actor = a.node;
        break;
      case 'partition':
        for (const id of a.isolated) row[center(id)] = '╳';
        break;
      case 'heal':
        break;
    }
    out.push(`${String(i + 1).padStart(num)}  ${row.join('')}  ${text}`);
    const before = states?.[i];
    const after = states?.[i + 1];
    if (after === undefined || actor === undefined) return;
    const name = nodes[actor]!;
    const nodeOf = (s: Json | undefined): Json | undefined => {
      const ns = (s as { nodes?: Record<string, Json> } | undefined)?.nodes;
      return ns?.[name];
    };
    const indent = pad + ' '.repeat(Math.max(0, center(actor) - 1));
    if (full) {
      for (let k = 0; k < nodes.length; k++) out.push(`${pad}  ${nodes[k]}: ${show(nodeOf2(after, nodes[k]!))}`);
      return;
    }
    for (const c of diff(nodeOf(before), nodeOf(after))) out.push(`${indent}${name}${c.path ? '.' + c.path : ''}: ${show(c.before)} → ${show(c.after)}`);
  });
}

function nodeOf2(s: Json, name: string): Json | undefined {
  return (s as { nodes?: Record<string, Json> }).nodes?.[name];
}

/** The message part of a delivery label (`a → b: Msg` gives `Msg`). */
function messageOf(label: string): string {
  const i = label.indexOf(': ');
  return i < 0 ? label : label.slice(i + 2);
}
