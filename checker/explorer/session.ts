// One configuration of a spec, opened for exploring by hand: a path (the initial state's index and
// the index of each step among the candidate actions of the state it was taken in, as the URL
// carries it) is replayed into states and step records, and a state is described as the explorer
// page shows it. Everything here is computed from the model; the server only carries it.

import { InputError } from '../errors.ts';
import { describeAction, type AnyModel } from '../model.ts';
import { diff, toJson } from '../trace/plain.ts';
import type { Replayed } from '../trace/replay.ts';
import { isRecording, plainRecord, type StepRecord } from '../trace/step-record.ts';
import { TRACE_FORMAT, TRACE_VERSION, type Trace } from '../trace/trace.ts';
import type { Expectation } from '../spec.ts';

/** Where the explorer stands: an initial state and the candidate-action index of every step. */
export interface ExplorerPath {
  readonly init: number;
  readonly steps: readonly number[];
}

export interface OpenConfig {
  readonly spec: string;
  readonly config: string;
  /** The spec file, relative to the directory the explorer ran in (as traces name it). */
  readonly file: string;
  readonly expected: Expectation;
  readonly model: AnyModel;
}

/** A path replayed: the states along it, each step's record and its action. */
export interface Walked extends Replayed {
  readonly path: ExplorerPath;
  readonly actions: readonly unknown[];
}

export class Session {
  readonly model: AnyModel;
  /** Node names of an actor system; undefined for a raw model. */
  readonly nodes: readonly string[] | undefined;
  private readonly inits: readonly unknown[];

  constructor(readonly open: OpenConfig) {
    this.model = open.model;
    this.nodes = (open.model as { nodeNames?: readonly string[] }).nodeNames;
    this.inits = open.model.init();
    if (this.inits.length === 0) throw new InputError(`${open.file}: ${open.spec}/${open.config} has no initial state`);
  }

  get initialStates(): number {
    return this.inits.length;
  }

  /** Replays `path`; a step that is not a candidate, or not enabled, is bad input naming it. */
  walk(path: ExplorerPath): Walked {
    const first = this.inits[path.init];
    if (first === undefined) throw new InputError(`the model has no initial state #${path.init}`);
    const states: unknown[] = [first];
    const records: StepRecord[] = [this.recordInit(first)];
    const actions: unknown[] = [];
    let s: unknown = first;
    path.steps.forEach((k, i) => {
      const a = this.model.actions(s)[k];
      if (a === undefined) throw new InputError(`step ${i + 1}: the state has no candidate step #${k}`);
      const r = this.step(s, a);
      if (!r) throw new InputError(`step ${i + 1}: ${describeAction(this.model, a)} is not enabled`);
      states.push(r.state);
      records.push(r.record);
      actions.push(a);
      s = r.state;
    });
    return { path, states, records, actions };
  }

  /** The successor of `s` under `a` with the record of the step, or undefined when not enabled. */
  step(s: unknown, a: unknown): { state: unknown; record: StepRecord } | undefined {
    const m = this.model;
    if (isRecording(m)) return m.record(s, a);
    const t = m.next(s, a);
    if (t === undefined) return undefined;
    return { state: t, record: plainRecord({ kind: 'step' }, describeAction(m, a), diff(this.present(s), this.present(t))) };
  }

  recordInit(s: unknown): StepRecord {
    const m = this.model;
    return isRecording(m) ? m.recordInit(s) : plainRecord({ kind: 'init' }, 'initial state');
  }

  present(s: unknown): ReturnType<typeof toJson> {
    return toJson(this.model.present ? this.model.present(s) : s);
  }

  /** The path that takes `trace`'s steps: each action found among the candidates by its JSON. */
  pathOf(trace: Pick<Trace, 'init' | 'steps'>): ExplorerPath {
    const first = this.inits[trace.init];
    if (first === undefined) throw new InputError(`the trace starts from initial state #${trace.init}, which the model does not have`);
    let s: unknown = first;
    const steps: number[] = [];
    trace.steps.forEach((step, i) => {
      const want = JSON.stringify(step.action);
      const candidates = this.model.actions(s);
      const k = candidates.findIndex((a: unknown) => JSON.stringify(toJson(a)) === want);
      const t = k < 0 ? undefined : this.model.next(s, candidates[k]);
      if (t === undefined) throw new InputError(`step ${i + 1} of the trace (${step.label}) is not enabled here: the trace does not fit this configuration`);
      steps.push(k);
      s = t;
    });
    return { init: trace.init, steps };
  }

  /** The invariant that fails first on the walked path, and the state where; undefined if none does. */
  firstViolated(w: Walked): { readonly property: string; readonly at: number } | undefined {
    let found: { property: string; at: number } | undefined;
    for (const p of this.model.properties) {
      if (p.kind !== 'always') continue;
      const at = w.states.findIndex((s) => !holdsSafely(p.holds, s));
      if (at >= 0 && (found === undefined || at < found.at)) found = { property: p.name, at };
    }
    return found;
  }

  /**
   * A trace document for the walked path, as `check` writes one. It names the invariant that fails
   * first on the path, or else the first invariant (replay then reports that it holds).
   */
  traceOf(w: Walked): Trace {
    const m = this.model;
    const last = w.states[w.states.length - 1];
    const name = this.firstViolated(w)?.property ?? m.properties.find((p) => p.kind === 'always')?.name ?? 'none';
    return {
      format: TRACE_FORMAT,
      version: TRACE_VERSION,
      spec: this.open.spec,
      config: this.open.config,
      file: this.open.file,
      property: name,
      expected: this.open.expected,
      strategy: 'explorer',
      ...(this.nodes ? { nodes: this.nodes } : {}),
      init: w.path.init,
      steps: w.actions.map((a) => ({ action: toJson(a), label: describeAction(m, a) })),
      finalState: this.present(last),
    };
  }
}

/** Whether `holds` holds in `s`; a predicate that throws does not. */
export function holdsSafely(holds: (s: unknown) => boolean, s: unknown): boolean {
  try {
    return holds(s);
  } catch {
    return false;
  }
}

/** `"0,3,1"` as step indices; anything else is bad input. */
export function parseSteps(text: string | null | undefined): number[] {
  if (text === null || text === undefined || text.trim() === '') return [];
  return text.split(',').map((x) => {
    const k = Number(x);
    if (!Number.isInteger(k) || k < 0) throw new InputError(`path: ${JSON.stringify(x)} is not a step index`);
    return k;
  });
}
