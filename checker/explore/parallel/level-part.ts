// One explorer's part of a parallel breadth-first search (see coordinator.ts): its share of the
// current level (expanded from `pos` on), the states it found for the next level, and the parent
// pointers of the states it inserted into the shared visited set. A worker thread runs one; so does
// the coordinator's own thread, which is warm from the first levels by the time a worker is ready.
// States handed from one explorer to another travel as ids and are rebuilt here (shared-links.ts).

import { fingerprintOut, fingerprintState } from '../../fingerprint/hash.ts';
import type { SharedFingerprintSet } from '../../fingerprint/shared-fingerprint-set.ts';
import type { Model } from '../../model.ts';
import { DEADLOCK } from '../../properties.ts';
import { DeterminismCheck } from '../determinism.ts';
import { Exploration } from '../exploration.ts';
import { Frontier, frontierCodec } from '../frontier.ts';
import type { FrontierCodec } from '../frontier.ts';
import { initialIndex, type SharedLinks } from './shared-links.ts';
import { identifier, replayStep } from '../state-store.ts';
import { candidatesOf, canStep, expandable, successorOf } from '../steps.ts';
import { HUNGRY, STOP, STOP_BOUND, STOP_VIOLATION, type Finished } from './protocol.ts';

/** Insertions counted locally before they are added to the shared count. */
const PUBLISH = 64;
/** How often (in states) a busy explorer looks for a hungry one. */
export const STEAL_CHECK = 32;
/** An explorer gives half its rest only if the rest is at least this many states. */
export const STEAL_MIN = 16;

export interface PartSetup {
  /** This explorer's index among `explorers`; a state's id says which explorer holds its parent. */
  readonly index: number;
  readonly explorers: number;
  readonly symmetry: boolean;
  /** Stop (STOP_BOUND) once the table holds this many states. */
  readonly maxStates?: number;
  /** Give half the rest to a hungry explorer only if the rest is at least this many (STEAL_MIN). */
  readonly shareMin?: number;
}

export class LevelPart<S, A> {
  /** How this explorer holds its levels' states (frontier.ts). */
  private readonly codec: FrontierCodec | undefined;
  private level: Frontier<S>;
  private pos = 0;
  private next: Frontier<S>;
  private local = 0;
  /** This explorer's view of the properties: checks new states, keeps what it reached. */
  private readonly checks: Exploration<S, A>;
  private readonly identify: (s: S) => unknown;
  private readonly shareMin: number;
  /** Re-executes a sample of this explorer's expansions (determinism.ts). */
  private readonly determinism: DeterminismCheck<S, A>;
  // Counted across the chunks of one expansion; reported (and reset) when it finishes.
  private generated = 0;
  private inserted = 0;

  /** `give` hands states, by id, to a hungry explorer (through the coordinator). */
  constructor(
    private readonly model: Model<S, A>,
    private readonly setup: PartSetup,
    private readonly control: Int32Array,
    private table: SharedFingerprintSet,
    private readonly links: SharedLinks,
    private readonly give: (ids: number[]) => void,
  ) {
    this.checks = new Exploration(model, {});
    this.identify = identifier(model, setup.symmetry) ?? ((s: S) => s);
    this.shareMin = Math.max(2, setup.shareMin ?? STEAL_MIN);
    this.determinism = new DeterminismCheck(model, this.identify, (id) => links.chain(id));
    this.codec = frontierCodec(model.init());
    this.level = new Frontier(this.codec);
    this.next = new Frontier(this.codec);
  }

  /** States to add to the current level. */
  take(states: readonly S[], ids: readonly number[]): void {
    for (let i = 0; i < states.length; i++) this.level.push(states[i]!, ids[i]!);
  }

  /**
   * States another explorer handed over, by id: each is rebuilt by re-running its path from an
   * initial state. The ids come in that explorer's level order, so neighbours mostly share their
   * ancestors, and each ancestor is rebuilt once per batch.
   */
  adopt(ids: readonly number[]): void {
    const { model, links } = this;
    const inits = model.init();
    const rebuilt = new Map<number, S>();
    const stateOf = (id: number): S => (id < 0 ? inits[initialIndex(id)]! : rebuilt.get(id)!);
    const path: number[] = [];
    for (const id of ids) {
      for (let cur = id; cur >= 0 && !rebuilt.has(cur); cur = links.parent(cur)) path.push(cur);
      while (path.length > 0) {
        const cur = path.pop()!;
        rebuilt.set(cur, replayStep(model, stateOf(links.parent(cur)), links.via(cur)).state);
      }
      this.level.push(stateOf(id), id);
    }
  }

  /** The level is done everywhere: the states found for the next one become the current level. */
  advance(): void {
    this.level.release();
    this.level = this.next;
    this.pos = 0;
    this.next = new Frontier(this.codec);
  }

  useTable(table: SharedFingerprintSet): void {
    this.table = table;
  }

  /** Depth bound reached: is any state of the level still expandable? */
  canStepFurther(): boolean {
    for (let i = this.pos; i < this.level.length; i++) if (canStep(this.model, this.level.state(i))) return true;
    return false;
  }

  /**
   * Expands the level from `pos`, at most `budget` states: undefined when the budget ran out
   * with states left, otherwise how it finished (idle, paused at the table's load limit, stopped,
   * or a violation).
   */
  expand(budget = Infinity): Finished | undefined {
    const { model, control, setup } = this;
    const out = fingerprintOut;
    const W = setup.explorers;
    let known = this.table.size;
    const end = Math.min(this.level.length, this.pos + budget);
    for (; this.pos < this.level.length; this.pos++) {
      if (this.pos >= end) {
        this.publish();
        return undefined;
      }
      if (Atomics.load(control, STOP) !== 0) return this.finish({ type: 'stopped', generated: 0 });
      // Past the load limit: pause before this state. The shared count is read once per batch
      // of PUBLISH inserts (every explorer writes its cache line), so the table overshoots the
      // limit by at most explorers × (2 × PUBLISH + branching).
      if (known + this.inserted >= this.table.limit) return this.finish({ type: 'paused', generated: 0 });
      if (this.pos % STEAL_CHECK === 0 && Atomics.load(control, HUNGRY) > 0) this.share();
      const s = this.level.take(this.pos); // done with it: let it be collected before the level ends
      if (!expandable(model, s)) continue;
      const parent = this.level.id(this.pos);
      const actions = candidatesOf(model, s);
      const recheck = this.determinism.due() ? this.determinism : undefined;
      let enabled = false;
      for (let k = 0; k < actions.length; k++) {
        const t = successorOf(model, s, actions[k]!);
        if (t === undefined) {
          recheck?.disabled(k);
          continue;
        }
        enabled = true;
        this.generated++;
        fingerprintState(this.identify(t));
        recheck?.enabled(k);
        if (!this.table.add(out[0]!, out[1]!)) continue;
        if (++this.inserted === PUBLISH) {
          this.publish();
          known = this.table.size;
        }
        if (setup.maxStates !== undefined && known + this.inserted >= setup.maxStates) Atomics.compareExchange(control, STOP, 0, STOP_BOUND);
        // Ids are interleaved: explorer e numbers its states e, e + W, e + 2W, ... so that an id
        // names the explorer that holds its parent pointer.
        this.links.set(this.local, parent, k);
        const id = this.local++ * W + setup.index;
        const broken = this.checks.check(t);
        if (broken !== undefined) {
          Atomics.store(control, STOP, STOP_VIOLATION);
          return this.finish({ type: 'violation', property: broken, id, generated: 0, reached: this.reachedNames() });
        }
        this.next.push(t, id);
      }
      recheck?.verify(s, parent, actions.length);
      if (!enabled && model.checkDeadlock) {
        Atomics.store(control, STOP, STOP_VIOLATION);
        return this.finish({ type: 'violation', property: DEADLOCK, id: parent, generated: 0, reached: this.reachedNames() });
      }
    }
    return this.finish({ type: 'idle', generated: 0, next: this.next.length, reached: this.reachedNames() });
  }

  /** If an explorer is hungry and this one has enough left, gives it the second half of the rest. */
  private share(): void {
    const rest = this.level.length - this.pos;
    if (rest < this.shareMin) return;
    // Claim one hungry explorer's token; the coordinator passes the states on to that explorer.
    for (let h = Atomics.load(this.control, HUNGRY); h > 0; h = Atomics.load(this.control, HUNGRY)) {
      if (Atomics.compareExchange(this.control, HUNGRY, h, h - 1) !== h) continue;
      const from = this.level.length - (rest >> 1);
      const ids = this.level.idsFrom(from);
      this.level.truncate(from);
      this.give(ids);
      return;
    }
  }

  private publish(): void {
    this.table.publish(this.inserted);
    this.inserted = 0;
  }

  private finish(m: Finished): Finished {
    this.publish();
    const generated = this.generated;
    this.generated = 0;
    return { ...m, generated };
  }

  private reachedNames(): string[] {
    const { unreached } = this.checks;
    return this.model.properties.filter((p) => p.kind === 'sometimes' && !unreached.includes(p)).map((p) => p.name);
  }
}
