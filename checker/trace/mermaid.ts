// The Mermaid view of a trace: a `sequenceDiagram` that GitHub and GitLab render inside markdown
// (a pull request, an issue, a CI step summary). Messages are `->>` arrows, a lost message ends in
// `x`, local steps and faults are notes over their node, a partition is a shaded block until it
// heals, and a final note names the violated property and the values that break it.
//
// Node names become aliases of safe ids (`n0`, `n1`…), so no name can be taken for a keyword, and
// every text is escaped with Mermaid's entity codes (`#59;` for `;` and so on).

import { show, type Change, type Json } from './plain.ts';
import { cycleNote, localNote, messageNote } from './step-text.ts';
import { timelineOf, type TimelineStep } from './timeline.ts';
import { nodeState, violatingState, type TraceView } from './view.ts';

export interface MermaidOptions {
  /** Add a note with what changed in the acting node after each step (default true). */
  readonly changes?: boolean;
  /** At most this many changes per note (default 3). */
  readonly maxChanges?: number;
}

/** Escapes text for a Mermaid message or note: entity codes for what Mermaid parses. */
export function mermaidText(s: string): string {
  const text = s
    .replace(/[#;<>"%]/g, (c) => ENTITY[c]!)
    .replace(/\s+/g, ' ')
    .trim();
  return text || ' ';
}

const ENTITY: Record<string, string> = { '#': '#35;', ';': '#59;', '<': '#60;', '>': '#62;', '"': '#quot;', '%': '#37;' };

export function renderMermaid(view: TraceView, options: MermaidOptions = {}): string {
  const withChanges = options.changes ?? true;
  const maxChanges = options.maxChanges ?? 3;
  const { trace } = view;
  const out: string[] = ['sequenceDiagram'];
  const line = (s: string): void => {
    out.push(`  ${s}`);
  };
  const state = violatingState(view);
  const verdictText = (): string => {
    const values = view.culprits.map((c) => mermaidText(`${c}: ${brief(trace.nodes ? nodeState(state, c) : fieldOf(state, c))}`));
    return [mermaidText(`✗ ${trace.property} violated`), ...values].join('<br/>');
  };

  if (!trace.nodes) {
    // A raw model: one participant, the state; every action is a note.
    line('participant s as state');
    trace.steps.forEach((step, i) => {
      const changes = changeLines(view.records[i + 1]?.changes ?? [], maxChanges);
      line(`Note over s: ${mermaidText(`${i + 1}. ${step.label}`)}${withChanges && changes.length > 0 ? '<br/>' + changes.map(mermaidText).join('<br/>') : ''}`);
    });
    if (trace.cycleStart !== undefined) line(`Note over s: ${mermaidText(cycleNote(trace.cycleStart))}`);
    line(`Note over s: ${verdictText()}`);
    return out.join('\n');
  }

  const tl = timelineOf(view);
  const all = tl.nodes.length > 1 ? `${id(0)},${id(tl.nodes.length - 1)}` : id(0);
  tl.nodes.forEach((name, i) => line(`participant ${id(i)} as ${mermaidText(name)}`));
  let partitioned = false;
  for (const step of tl.steps) {
    // A partition is a shaded block from the cut to the heal.
    if (step.kind === 'partition') {
      if (partitioned) line('end');
      line('rect rgba(255, 80, 80, 0.12)');
      partitioned = true;
    }
    line(statement(step, tl.nodes, all));
    if (step.kind === 'heal') {
      if (partitioned) line('end');
      partitioned = false;
    }
    if (withChanges) changeNote(step, maxChanges, line);
    for (const n of step.notified ?? []) {
      const told = [`learns ${tl.nodes[n.peer]} is ${n.event}`, ...(withChanges ? changeLines(n.changes, maxChanges) : [])];
      line(`Note right of ${id(n.node)}: ${told.map(mermaidText).join('<br/>')}`);
    }
    if (view.violationAt === step.index && step.index < tl.steps.length) line(`Note over ${all}: ${mermaidText(`✗ ${trace.property} fails here`)}`);
  }
  if (partitioned) line('end');
  if (trace.cycleStart !== undefined) line(`Note over ${all}: ${mermaidText(cycleNote(trace.cycleStart))}`);
  line(`Note over ${all}: ${verdictText()}`);
  return out.join('\n');
}

const id = (i: number): string => `n${i}`;

/** The arrow or note of one step; `all` spans every participant. */
function statement(step: TimelineStep, nodes: readonly string[], all: string): string {
  const name = step.node !== undefined ? nodes[step.node]! : '';
  const at = `${step.index}. `;
  switch (step.kind) {
    case 'deliver':
      return `${id(step.from!)}->>${id(step.to!)}: ${mermaidText(at + messageNote(step))}`;
    case 'lose':
      return `${id(step.from!)}--x${id(step.to!)}: ${mermaidText(at + (step.message !== undefined ? `⌁ lost ${step.message}` : step.label))}`;
    case 'duplicate':
      return `Note over ${id(step.from!)},${id(step.to!)}: ${mermaidText(at + (step.message !== undefined ? `⧉ network duplicates ${step.message}` : step.label))}`;
    case 'timeout':
    case 'choose':
      return `Note over ${id(step.node!)}: ${mermaidText(at + localNote(step))}`;
    case 'crash':
      return `Note over ${id(step.node!)}: ${mermaidText(`${at}✗ ${name} crashes`)}`;
    case 'restart':
      return `Note over ${id(step.node!)}: ${mermaidText(`${at}↻ ${name} restarts`)}`;
    case 'partition':
      return `Note over ${all}: ${mermaidText(`${at}partition: ${(step.isolated ?? []).map((i) => nodes[i]).join(', ')} cut off`)}`;
    case 'heal':
      return `Note over ${all}: ${mermaidText(`${at}partition healed`)}`;
    default:
      return `Note over ${all}: ${mermaidText(at + step.label)}`;
  }
}

/** A note with what the step changed in its node (what a crash forgot). */
function changeNote(step: TimelineStep, maxChanges: number, line: (s: string) => void): void {
  if (step.node === undefined || step.changes.length === 0) return;
  if (step.kind === 'crash') {
    line(`Note right of ${id(step.node)}: ${mermaidText(`forgets ${step.changes.filter((c) => c.after === undefined).map((c) => c.path).join(', ')}`)}`);
    return;
  }
  const lines = step.changes.slice(0, maxChanges).map((c) => changeLine(c));
  if (step.changes.length > maxChanges) lines.push(`… ${step.changes.length - maxChanges} more`);
  line(`Note right of ${id(step.node)}: ${lines.map(mermaidText).join('<br/>')}`);
}

function changeLine(c: Change): string {
  return `${c.path || 'state'}: ${short(c.before)} → ${short(c.after)}`;
}

function changeLines(changes: readonly Change[], max: number): string[] {
  const lines = changes.slice(0, max).map(changeLine);
  if (changes.length > max) lines.push(`… ${changes.length - max} more`);
  return lines;
}

/** A value in a note: strings without quotes, long values cut. */
function short(v: Json | undefined): string {
  const s = typeof v === 'string' ? v : show(v);
  return s.length > 60 ? s.slice(0, 57) + '…' : s;
}

/** A value in a final note: objects as `k=v` lists, strings without quotes. */
function brief(v: Json | undefined): string {
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
    return Object.entries(v)
      .map(([k, x]) => `${k}=${short(x)}`)
      .join(', ');
  }
  return short(v);
}

function fieldOf(s: Json, k: string): Json | undefined {
  return typeof s === 'object' && s !== null && !Array.isArray(s) ? s[k] : undefined;
}
