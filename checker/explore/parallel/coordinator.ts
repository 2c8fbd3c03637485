// Parallel breadth-first search on worker threads (`interleave check --workers N`).
//
// Design. N explorers: N - 1 worker threads and the coordinator's own thread. The visited set is
// one lock-free table of fingerprints in shared memory (shared-fingerprint-set.ts) that every
// explorer inserts into: on one machine that beats sharding the set by fingerprint and shipping
// every successor to the explorer that owns its shard, because work then crosses threads only
// when the load needs rebalancing, not once per generated successor. Each explorer
// (level-part.ts) keeps the states it found for the next level (plus those handed to it) and
// writes the parent pointers of the states it inserted into shared memory (shared-links.ts) that
// every explorer reads: a state crosses threads as its id, and is rebuilt there from its path.
//
// The search is level-synchronous: every state at depth d is expanded before any at depth d + 1,
// so a counterexample is still a shortest one (its length is minimal; which of several shortest
// counterexamples is found may differ from run to run and from one worker). Within a level the
// load is balanced by stealing: an explorer that finishes its part says so (a shared count of
// hungry explorers), and a busy one that sees it hands over the second half of its rest, through
// the coordinator. Work crosses threads only then, so a level ends within a few states' time of its
// last state, without a rebalancing pass between levels. The table grows at safe points: an
// explorer that sees it past its load limit pauses before its next state, and once none runs the
// coordinator rehashes into a table twice as big and resumes them.
//
// Start-up: a worker thread takes a few tenths of a second to start, load the spec and warm its
// code up, so workers are kept between runs (worker-pool.ts), and `prepareRuns` (checker/check.ts)
// starts them while the CLI loads the specs. The coordinator's thread explores from the first state, and each worker joins as a
// hungry explorer once it has built the model: the coordinator's part gives it half of its rest,
// mid-level. So the coordinator never waits for a worker, and a small model may be finished before
// any is ready (its workers then serve the next run).
//
// Exactness: a fingerprint is inserted by exactly one explorer (compare-and-swap), so the distinct
// state count equals the one-worker count, run after run.

import { MessageChannel, type MessagePort, type Worker } from 'node:worker_threads';
import { HandlerError, InputError } from '../../errors.ts';
import { fingerprintOut, fingerprintState } from '../../fingerprint/hash.ts';
import { SharedFingerprintSet } from '../../fingerprint/shared-fingerprint-set.ts';
import type { Model } from '../../model.ts';
import { DEADLOCK } from '../../properties.ts';
import { Exploration } from '../exploration.ts';
import type { ExploreOptions } from '../options.ts';
import type { Outcome, Path } from '../outcome.ts';
import { LevelPart, type PartSetup } from './level-part.ts';
import { SharedLinks, initialId } from './shared-links.ts';
import { CONTROL_WORDS, HUNGRY, STOP, STOP_BOUND, type Finished, type RunRequest, type RunSetup, type ToCoordinator, type ToWorker } from './protocol.ts';
import { identifier, replayChain } from '../state-store.ts';
import { giveBackWorkers, takeWorkers } from './worker-pool.ts';

/** Where a worker rebuilds the model from: a spec file, the spec's name and a configuration. */
export interface ModelSource {
  readonly file: string;
  readonly spec: string;
  readonly config: string;
}

export interface ParallelOptions extends Omit<ExploreOptions, 'strategy'> {
  /** Explorers, the coordinator's thread among them. */
  readonly workers: number;
  /** Initial capacity of the shared table, in slots. */
  readonly initialCapacity?: number;
  /**
   * An explorer gives half its rest to a hungry one only if the rest is at least this many states
   * (default 16). With `waitForWorkers`, the workers join before the first level rather than
   * once ready (tests: with `shareMin: 1`, states cross threads in a small model too).
   */
  readonly shareMin?: number;
  readonly waitForWorkers?: boolean;
}

/** States the coordinator's own part expands between looks at the workers' messages. */
const CHUNK = 256;

/**
 * The shared table starts with this many slots (512 KiB) and doubles at its load limit. Not more:
 * fingerprints land on random pages, so a big table has every page of it touched (a page fault
 * each) by a model a fraction of its size; a doubling costs a pause of the explorers and a
 * rehash, a few per big model.
 */
const INITIAL_CAPACITY = 1 << 16;

/**
 * Explores `model` breadth-first with `options.workers` explorers: this thread and worker threads,
 * each of which rebuilds the model from `source` (which must build the same model).
 */
export async function exploreParallel<S, A>(source: ModelSource, model: Model<S, A>, options: ParallelOptions): Promise<Outcome<S, A>> {
  if (options.edges !== undefined) throw new InputError('an edge sink needs a single-thread exhaustive search (bfs or dfs), not --workers');
  return new Coordinator(source, model, options).search();
}

/** A message from worker `from`. */
interface Received {
  readonly from: number;
  readonly m: ToCoordinator;
}

/** One parallel search: the coordinator's own explorer, the workers it directs, the level being run. */
class Coordinator<S, A> {
  private readonly run: Exploration<S, A>;
  /** Explorers, this thread's among them. */
  private readonly E: number;
  /** This thread's explorer; worker threads are 0 .. E - 2. */
  private readonly me: number;
  private table: SharedFingerprintSet;
  private readonly control = new Int32Array(new SharedArrayBuffer(CONTROL_WORDS * 4));
  private readonly partSetup: Omit<PartSetup, 'index'>;
  private readonly links: SharedLinks;
  private readonly part: LevelPart<S, A>;

  /** The explorers in the search: this thread's from the start, a worker once it has the model. */
  private readonly joined: number[];
  /** The states each explorer holds for the next level (for the level being run: in it). */
  private readonly nextSizes: number[];
  // The level being run: who expands, who waits for states, who paused for the table to grow.
  private readonly running = new Set<number>();
  private readonly hungry: number[] = [];
  private readonly paused: number[] = [];
  private violation: { property: string; id: number } | undefined;

  /** One inbox for every worker's messages but `ready`, which is taken at once. */
  private readonly inbox: Received[] = [];
  private wake: (() => void) | undefined;
  private readonly workers: Worker[] = [];
  private readonly ports: MessagePort[] = [];
  private readonly leave: (() => void)[] = [];
  private closed = false;
  private failed = false;

  constructor(
    private readonly source: ModelSource,
    private readonly model: Model<S, A>,
    private readonly options: ParallelOptions,
  ) {
    this.run = new Exploration<S, A>(model, options);
    this.E = Math.max(1, Math.floor(options.workers));
    this.me = this.E - 1;
    this.table = SharedFingerprintSet.create(options.initialCapacity ?? INITIAL_CAPACITY);
    this.joined = [this.me];
    this.nextSizes = new Array<number>(this.E).fill(0);
    this.partSetup = {
      explorers: this.E,
      symmetry: options.symmetry === true && model.symmetry !== undefined,
      ...(options.maxStates !== undefined ? { maxStates: options.maxStates } : {}),
      ...(options.shareMin !== undefined ? { shareMin: options.shareMin } : {}),
    };
    this.links = new SharedLinks(this.E, this.me, (index, buffer) => this.shareChunk(this.me, index, buffer));
    this.part = new LevelPart(model, { ...this.partSetup, index: this.me }, this.control, this.table, this.links, (ids) => this.pass(ids));
  }

  async search(): Promise<Outcome<S, A>> {
    const { run, options } = this;
    const spawning = this.spawn();
    const timer = setInterval(() => this.tick(), 250);
    try {
      const first = this.initial();
      if (first !== undefined) return first;
      while (options.waitForWorkers === true && this.joined.length < this.E) {
        await new Promise<void>((r) => setTimeout(r, 5));
        for (const { m } of this.inbox) if (m.type === 'error') this.fail(m);
      }
      const maxDepthBound = options.maxDepth ?? Infinity;
      for (let depth = 0; ; depth++) {
        run.maxDepth = depth;
        if (depth >= maxDepthBound) {
          if (await this.canStepFurther()) run.boundsHit.add('maxDepth');
          break;
        }
        await this.expandLevel();
        if (this.violation !== undefined) {
          const { property, id } = this.violation;
          run.maxDepth = property === DEADLOCK ? depth : depth + 1;
          const { init, steps } = this.links.chain(id);
          return run.outcome(this.table.size, { property, path: replayChain(this.model, init, steps) });
        }
        if (this.stopped()) {
          if (options.maxStates !== undefined && this.table.size >= options.maxStates) run.boundsHit.add('maxStates');
          break;
        }
        if (this.joined.every((i) => this.nextSizes[i] === 0)) break;
        for (const i of this.joined) i === this.me ? this.part.advance() : this.post(i, { type: 'advance' });
      }
      return run.outcome(this.table.size);
    } finally {
      clearInterval(timer);
      await this.close(spawning);
    }
  }

  /** Adds the initial states to this thread's part; the outcome if one breaks an invariant. */
  private initial(): Outcome<S, A> | undefined {
    const { model, run, table } = this;
    const identify = identifier(model, this.partSetup.symmetry) ?? ((s: S) => s);
    // Initial states are numbered by their index in `model.init()` here, and by `initialId` in the links.
    const first = run.initial((s, i) => {
      fingerprintState(identify(s));
      if (!table.add(fingerprintOut[0]!, fingerprintOut[1]!)) return -1;
      table.publish(1);
      return i;
    });
    if (first.violation) {
      const { property, id: init } = first.violation;
      return run.outcome(table.size, { property, path: { init, actions: [], states: [model.init()[init]!] } });
    }
    this.part.take(first.states, first.ids.map(initialId));
    this.nextSizes[this.me] = first.states.length;
    return undefined;
  }

  /**
   * Workers come from the pool (worker-pool.ts): started and warm if an earlier run of this spec
   * file had them, otherwise started now. Each takes part over a port of this run's own.
   */
  private spawn(): Promise<void> {
    const { source, control } = this;
    return takeWorkers(source.file, this.E - 1).then(
      (taken) => {
        this.workers.push(...taken);
        if (this.closed) return;
        // The table as it is now: it may have grown since the run began.
        const table = this.table;
        taken.forEach((w, i) => {
          const setup: RunSetup = {
            spec: source.spec,
            config: source.config,
            ...this.partSetup,
            index: i,
            control: control.buffer as SharedArrayBuffer,
            table: table.buffer,
            counter: table.counterBuffer,
          };
          const { port1, port2 } = new MessageChannel();
          port1.on('message', (m: ToCoordinator) => this.deliver(i, m));
          this.ports.push(port1);
          const onError = (e: Error): void => this.deliver(i, { type: 'error', message: e.message, input: false });
          // A worker that dies without an error (killed, say) would leave the search waiting for it.
          const onExit = (code: number): void => this.deliver(i, { type: 'error', message: `worker ${i} exited (code ${code})`, input: false });
          w.on('error', onError);
          w.on('exit', onExit);
          this.leave.push(() => {
            w.off('error', onError);
            w.off('exit', onExit);
          });
          const request: RunRequest = { type: 'run', setup, port: port2 };
          w.postMessage(request, [port2]);
        });
      },
      (e: unknown) => this.deliver(0, { type: 'error', message: `starting workers: ${e instanceof Error ? e.message : String(e)}`, input: false }),
    );
  }

  /** Ends the run: every worker stops and goes back to the pool (unless one failed). */
  private async close(spawning: Promise<void>): Promise<void> {
    this.closed = true;
    // Whatever a worker is still doing for this run, it stops at its next state.
    Atomics.store(this.control, STOP, STOP_BOUND);
    await spawning;
    // Closing a run's port ends the worker's part in it; the worker waits for its next run.
    for (const p of this.ports) p.close();
    for (const l of this.leave) l();
    // A worker that failed may be in any state: it is not handed to another run.
    if (this.failed) for (const w of this.workers) void w.terminate();
    else giveBackWorkers(this.source.file, this.workers);
  }

  /** The clock: bounds and progress. */
  private tick(): void {
    const { run, control, options, table } = this;
    const now = Date.now();
    if (!this.stopped() && run.timedOut(now)) Atomics.store(control, STOP, STOP_BOUND);
    if (options.maxStates !== undefined && table.size >= options.maxStates && !this.stopped()) {
      run.boundsHit.add('maxStates');
      Atomics.store(control, STOP, STOP_BOUND);
    }
    run.progress(now, table.size, run.maxDepth, 0);
  }

  private stopped(): boolean {
    return Atomics.load(this.control, STOP) !== 0;
  }

  private deliver(from: number, m: ToCoordinator): void {
    if (m.type === 'ready') return this.join(from);
    this.inbox.push({ from, m });
    const w = this.wake;
    this.wake = undefined;
    w?.();
  }

  private async receive(): Promise<Received> {
    while (this.inbox.length === 0) await new Promise<void>((r) => (this.wake = r));
    return this.inbox.shift()!;
  }

  private post(i: number, m: ToWorker): void {
    this.ports[i]!.postMessage(m);
  }

  private fail(m: Extract<ToCoordinator, { type: 'error' }>): never {
    this.failed = true;
    throw m.input ? new InputError(m.message) : new HandlerError(m.message);
  }

  /** Worker `i` has the model: it joins the search, hungry if a level is being run. */
  private join(i: number): void {
    if (this.closed) return;
    // Before any state it could be handed: the pointers to rebuild it from.
    for (const c of this.links.held()) this.post(i, { type: 'chunk', ...c });
    this.joined.push(i);
    this.nextSizes[i] = 0;
    if (this.running.size > 0 && !this.stopped()) this.hunger(i);
  }

  private hunger(i: number): void {
    this.hungry.push(i);
    Atomics.add(this.control, HUNGRY, 1);
  }

  /** Sets explorer `i` expanding its part of the level. */
  private start(i: number): void {
    this.running.add(i);
    if (i === this.me) this.part.useTable(this.table);
    else this.post(i, { type: 'expand', table: this.table.buffer });
  }

  /** States one explorer gave for a hungry one (which claimed that one's token). */
  private pass(ids: readonly number[]): void {
    if (this.stopped()) return;
    const to = this.hungry.shift()!;
    if (to === this.me) this.part.adopt(ids);
    else this.post(to, { type: 'take', ids });
    this.start(to);
  }

  /**
   * A new chunk of explorer `from`'s parent pointers goes to every other explorer. It reaches each
   * before any id it holds can: a worker's ids come through this thread after its chunk (one port,
   * in order), and this thread's own are posted as they are made.
   */
  private shareChunk(from: number, index: number, buffer: SharedArrayBuffer): void {
    if (from !== this.me) this.links.add(from, index, buffer);
    for (const i of this.joined) if (i !== this.me && i !== from) this.post(i, { type: 'chunk', explorer: from, index, buffer });
  }

  private finished(i: number, m: Finished): void {
    const { run, running, paused } = this;
    run.generated += m.generated;
    running.delete(i);
    switch (m.type) {
      case 'idle':
        this.nextSizes[i] = m.next;
        run.reachByName(m.reached);
        if (running.size > 0 && !this.stopped()) this.hunger(i);
        break;
      case 'paused':
        paused.push(i);
        break;
      case 'violation':
        this.violation ??= { property: m.property, id: m.id };
        run.reachByName(m.reached);
        break;
      case 'stopped':
        break;
    }
    if (running.size === 0 && paused.length > 0 && !this.stopped()) {
      this.table = this.table.grown(this.table.capacity * 2);
      for (const p of paused.splice(0)) this.start(p);
    }
  }

  private handle({ from, m }: Received): void {
    switch (m.type) {
      case 'error':
        return this.fail(m);
      case 'given':
        return this.pass(m.ids);
      case 'chunk':
        return this.shareChunk(from, m.index, m.buffer);
      case 'idle':
      case 'paused':
      case 'stopped':
      case 'violation':
        return this.finished(from, m);
      default:
        return;
    }
  }

  /**
   * Runs one level on every explorer that has states; the others wait hungry. This thread's part
   * runs in chunks, between which the workers' messages are handled.
   */
  private async expandLevel(): Promise<void> {
    const { joined, nextSizes, running, me } = this;
    running.clear();
    this.hungry.length = 0;
    this.paused.length = 0;
    for (const i of joined) if (nextSizes[i]! > 0) this.start(i);
    for (const i of joined) if (nextSizes[i] === 0 && running.size > 0) this.hunger(i);
    while (running.size > 0) {
      if (running.has(me)) {
        const m = this.part.expand(CHUNK);
        if (m !== undefined) this.finished(me, m);
        await new Promise<void>((r) => setImmediate(r));
        while (this.inbox.length > 0) this.handle(this.inbox.shift()!);
      } else {
        this.handle(await this.receive());
      }
    }
    // No explorer runs: no one can claim a hungry token any more.
    Atomics.store(this.control, HUNGRY, 0);
  }

  /** At the depth bound: can any explorer's level still take a step? */
  private async canStepFurther(): Promise<boolean> {
    const others = this.joined.filter((i) => i !== this.me);
    for (const i of others) this.post(i, { type: 'probe' });
    let more = this.part.canStepFurther();
    for (let n = 0; n < others.length; ) {
      const r = await this.receive();
      if (r.m.type !== 'probed') {
        this.handle(r);
        continue;
      }
      if (r.m.more) more = true;
      n++;
    }
    return more;
  }
}
