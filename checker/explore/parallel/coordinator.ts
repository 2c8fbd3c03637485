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
  const run = new Exploration<S, A>(model, options);
  const E = Math.max(1, Math.floor(options.workers));
  const me = E - 1; // this thread's explorer; worker threads are 0 .. E - 2
  const symmetry = options.symmetry === true && model.symmetry !== undefined;
  let table = SharedFingerprintSet.create(options.initialCapacity ?? INITIAL_CAPACITY);
  const control = new Int32Array(new SharedArrayBuffer(CONTROL_WORDS * 4));
  const stopped = (): boolean => Atomics.load(control, STOP) !== 0;

  // The explorers in the search: this thread's from the start, a worker once it has the model.
  const joined: number[] = [me];
  /** The states each explorer holds for the next level (for the level being run: in it). */
  const nextSizes = new Array<number>(E).fill(0);
  // The level being run: who expands, who waits for states, who paused for the table to grow.
  const running = new Set<number>();
  const hungry: number[] = [];
  const paused: number[] = [];
  let violation: { property: string; id: number } | undefined;

  const partSetup: Omit<PartSetup, 'index'> = {
    explorers: E,
    symmetry,
    ...(options.maxStates !== undefined ? { maxStates: options.maxStates } : {}),
    ...(options.shareMin !== undefined ? { shareMin: options.shareMin } : {}),
  };
  const links = new SharedLinks(E, me, (index, buffer) => shareChunk(me, index, buffer));
  const part = new LevelPart(model, { ...partSetup, index: me }, control, table, links, (ids) => pass(ids));

  // One inbox for every worker's messages but `ready`, which is taken at once.
  const inbox: { from: number; m: ToCoordinator }[] = [];
  let wake: (() => void) | undefined;
  const deliver = (from: number, m: ToCoordinator): void => {
    if (m.type === 'ready') return join(from);
    inbox.push({ from, m });
    const w = wake;
    wake = undefined;
    w?.();
  };
  const receive = async (): Promise<{ from: number; m: ToCoordinator }> => {
    while (inbox.length === 0) await new Promise<void>((r) => (wake = r));
    return inbox.shift()!;
  };

  // Workers come from the pool (worker-pool.ts): started and warm if an earlier run of this spec
  // file had them, otherwise started now. Each takes part over a port of this run's own.
  const workers: Worker[] = [];
  const ports: MessagePort[] = [];
  const leave: (() => void)[] = [];
  let closed = false;
  let failed = false;
  const spawning = takeWorkers(source.file, E - 1).then((taken) => {
    workers.push(...taken);
    if (closed) return;
    taken.forEach((w, i) => {
      const setup: RunSetup = {
        spec: source.spec,
        config: source.config,
        ...partSetup,
        index: i,
        control: control.buffer as SharedArrayBuffer,
        table: table.buffer,
        counter: table.counterBuffer,
      };
      const { port1, port2 } = new MessageChannel();
      port1.on('message', (m: ToCoordinator) => deliver(i, m));
      ports.push(port1);
      const onError = (e: Error): void => deliver(i, { type: 'error', message: e.message, input: false });
      // A worker that dies without an error (killed, say) would leave the search waiting for it.
      const onExit = (code: number): void => deliver(i, { type: 'error', message: `worker ${i} exited (code ${code})`, input: false });
      w.on('error', onError);
      w.on('exit', onExit);
      leave.push(() => {
        w.off('error', onError);
        w.off('exit', onExit);
      });
      const run: RunRequest = { type: 'run', setup, port: port2 };
      w.postMessage(run, [port2]);
    });
  }, (e: unknown) => deliver(0, { type: 'error', message: `starting workers: ${e instanceof Error ? e.message : String(e)}`, input: false }));
  const post = (i: number, m: ToWorker): void => ports[i]!.postMessage(m);
  const fail = (m: Extract<ToCoordinator, { type: 'error' }>): never => {
    failed = true;
    throw m.input ? new InputError(m.message) : new HandlerError(m.message);
  };

  const timer = setInterval(() => {
    const now = Date.now();
    if (!stopped() && run.timedOut(now)) Atomics.store(control, STOP, STOP_BOUND);
    if (options.maxStates !== undefined && table.size >= options.maxStates && !stopped()) {
      run.boundsHit.add('maxStates');
      Atomics.store(control, STOP, STOP_BOUND);
    }
    run.progress(now, table.size, run.maxDepth, 0);
  }, 250);

  const finish = (found?: { property: string; path: Path<S, A> }): Outcome<S, A> => run.outcome(table.size, found);

  try {
    const identify = identifier(model, symmetry) ?? ((s: S) => s);
    // Initial states are numbered by their index in `model.init()` here, and by `initialId` in the links.
    const first = run.initial((s, i) => {
      fingerprintState(identify(s));
      if (!table.add(fingerprintOut[0]!, fingerprintOut[1]!)) return -1;
      table.publish(1);
      return i;
    });
    if (first.violation) {
      const { property, id: init } = first.violation;
      return finish({ property, path: { init, actions: [], states: [model.init()[init]!] } });
    }
    part.take(first.states, first.ids.map(initialId));
    nextSizes[me] = first.states.length;
    while (options.waitForWorkers === true && joined.length < E) {
      await new Promise<void>((r) => setTimeout(r, 5));
      for (const { m } of inbox) if (m.type === 'error') fail(m);
    }

    const maxDepthBound = options.maxDepth ?? Infinity;
    for (let depth = 0; ; depth++) {
      run.maxDepth = depth;
      if (depth >= maxDepthBound) {
        if (await canStepFurther()) run.boundsHit.add('maxDepth');
        break;
      }
      await expandLevel();
      if (violation !== undefined) {
        run.maxDepth = violation.property === DEADLOCK ? depth : depth + 1;
        const { init, steps } = links.chain(violation.id);
        return finish({ property: violation.property, path: replayChain(model, init, steps) });
      }
      if (stopped()) {
        if (options.maxStates !== undefined && table.size >= options.maxStates) run.boundsHit.add('maxStates');
        break;
      }
      if (joined.every((i) => nextSizes[i] === 0)) break;
      for (const i of joined) i === me ? part.advance() : post(i, { type: 'advance' });
    }
    return finish();
  } finally {
    clearInterval(timer);
    closed = true;
    // Whatever a worker is still doing for this run, it stops at its next state.
    Atomics.store(control, STOP, STOP_BOUND);
    await spawning;
    // Closing a run's port ends the worker's part in it; the worker waits for its next run.
    for (const p of ports) p.close();
    for (const l of leave) l();
    // A worker that failed may be in any state: it is not handed to another run.
    if (failed) for (const w of workers) void w.terminate();
    else giveBackWorkers(source.file, workers);
  }

  /** Worker `i` has the model: it joins the search, hungry if a level is being run. */
  function join(i: number): void {
    if (closed) return;
    // Before any state it could be handed: the pointers to rebuild it from.
    for (const c of links.held()) post(i, { type: 'chunk', ...c });
    joined.push(i);
    nextSizes[i] = 0;
    if (running.size > 0 && !stopped()) hunger(i);
  }

  function hunger(i: number): void {
    hungry.push(i);
    Atomics.add(control, HUNGRY, 1);
  }

  /** Sets explorer `i` expanding its part of the level. */
  function start(i: number): void {
    running.add(i);
    if (i === me) part.useTable(table);
    else post(i, { type: 'expand', table: table.buffer });
  }

  /** States one explorer gave for a hungry one (which claimed that one's token). */
  function pass(ids: readonly number[]): void {
    if (stopped()) return;
    const to = hungry.shift()!;
    if (to === me) part.adopt(ids);
    else post(to, { type: 'take', ids });
    start(to);
  }

  /**
   * A new chunk of explorer `from`'s parent pointers goes to every other explorer. It reaches each
   * before any id it holds can: a worker's ids come through this thread after its chunk (one port,
   * in order), and this thread's own are posted as they are made.
   */
  function shareChunk(from: number, index: number, buffer: SharedArrayBuffer): void {
    if (from !== me) links.add(from, index, buffer);
    for (const i of joined) if (i !== me && i !== from) post(i, { type: 'chunk', explorer: from, index, buffer });
  }

  function finished(i: number, m: Finished): void {
    run.generated += m.generated;
    running.delete(i);
    switch (m.type) {
      case 'idle':
        nextSizes[i] = m.next;
        run.reachByName(m.reached);
        if (running.size > 0 && !stopped()) hunger(i);
        break;
      case 'paused':
        paused.push(i);
        break;
      case 'violation':
        violation ??= { property: m.property, id: m.id };
        run.reachByName(m.reached);
        break;
      case 'stopped':
        break;
    }
    if (running.size === 0 && paused.length > 0 && !stopped()) {
      table = table.grown(table.capacity * 2);
      for (const p of paused.splice(0)) start(p);
    }
  }

  function handle(from: number, m: ToCoordinator): void {
    switch (m.type) {
      case 'error':
        return fail(m);
      case 'given':
        return pass(m.ids);
      case 'chunk':
        return shareChunk(from, m.index, m.buffer);
      case 'idle':
      case 'paused':
      case 'stopped':
      case 'violation':
        return finished(from, m);
      default:
        return;
    }
  }

  /**
   * Runs one level on every explorer that has states; the others wait hungry. This thread's part
   * runs in chunks, between which the workers' messages are handled.
   */
  async function expandLevel(): Promise<void> {
    running.clear();
    hungry.length = 0;
    paused.length = 0;
    for (const i of joined) if (nextSizes[i]! > 0) start(i);
    for (const i of joined) if (nextSizes[i] === 0 && running.size > 0) hunger(i);
    while (running.size > 0) {
      if (running.has(me)) {
        const m = part.expand(CHUNK);
        if (m !== undefined) finished(me, m);
        await new Promise<void>((r) => setImmediate(r));
        while (inbox.length > 0) {
          const { from, m } = inbox.shift()!;
          handle(from, m);
        }
      } else {
        const { from, m } = await receive();
        handle(from, m);
      }
    }
    // No explorer runs: no one can claim a hungry token any more.
    Atomics.store(control, HUNGRY, 0);
  }

  /** At the depth bound: can any explorer's level still take a step? */
  async function canStepFurther(): Promise<boolean> {
    const others = joined.filter((i) => i !== me);
    for (const i of others) post(i, { type: 'probe' });
    let more = part.canStepFurther();
    for (let n = 0; n < others.length; ) {
      const { from, m } = await receive();
      if (m.type !== 'probed') {
        handle(from, m);
        continue;
      }
      if (m.more) more = true;
      n++;
    }
    return more;
  }
}
