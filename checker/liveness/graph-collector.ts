// The edge sink a liveness check hands to the search: it keeps the graph (checker/liveness/graph.ts),
// each edge's fairness class, and, per state, what each liveness property needs to know of it
// (its trigger and its goal), so that states need not be kept.

import { HandlerError, InputError } from '../errors.ts';
import type { EdgeSink } from '../explore/edge-sink.ts';
import type { Model } from '../model.ts';
import { FairnessClasses } from './fairness.ts';
import { EdgeList } from './graph.ts';
import type { LivenessProperty } from './properties.ts';

export const TRIGGER = 1;
export const GOAL = 2;

export class GraphCollector<S, A> implements EdgeSink<unknown, unknown> {
  readonly edges = new EdgeList();
  readonly classes = new FairnessClasses();
  /** Per state and property: TRIGGER | GOAL bits, at `id * properties.length + j`. */
  marks = new Uint8Array(1024);

  constructor(
    private readonly model: Model<S, A>,
    readonly properties: readonly LivenessProperty<S>[],
  ) {}

  state(id: number, s: unknown): void {
    this.edges.addState(id);
    const k = this.properties.length;
    if ((id + 1) * k > this.marks.length) {
      const bigger = new Uint8Array(Math.max((id + 1) * k, Math.ceil(this.marks.length * 1.5)));
      bigger.set(this.marks);
      this.marks = bigger;
    }
    for (let j = 0; j < k; j++) {
      const p = this.properties[j]!;
      let m = 0;
      if (p.trigger !== undefined && test(p, p.trigger, s as S)) m |= TRIGGER;
      if (test(p, p.goal, s as S)) m |= GOAL;
      this.marks[id * k + j] = m;
    }
  }

  edge(from: number, to: number, action: unknown, via: number): void {
    let cls: number;
    try {
      cls = this.classes.intern(this.model.fairness?.(action as A));
    } catch (e) {
      if (e instanceof InputError) throw e;
      throw new HandlerError(`fairness threw: ${e instanceof Error ? e.message : String(e)}`);
    }
    this.edges.add(from, to, via, cls);
  }

  unexpanded(id: number): void {
    this.edges.markUnexpanded(id);
  }
}

function test<S>(p: LivenessProperty<S>, f: (s: S) => boolean, s: S): boolean {
  try {
    return f(s);
  } catch (e) {
    throw new HandlerError(`property ${p.name} threw: ${e instanceof Error ? e.message : String(e)}`);
  }
}
