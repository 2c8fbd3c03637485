// Parallel breadth-first search on worker threads (`interleave check --workers N`).
//
// Design. The visited set is one lock-free table of fingerprints in shared memory
// (shared-fingerprint-set.ts) that every worker inserts into: on one machine that beats sharding
// the set by fingerprint and shipping every successor to the worker that owns its shard, because a
// state then crosses threads only when it is new AND the load needs rebalancing, not once per
// generated successor (structured cloning costs about as much as expanding a state). Each worker
// keeps the states it found for the next level (plus those handed to it) and the parent pointers
// of the states it inserted; a state's id says which thread holds its parent pointer.
//
// The search is level-synchronous: every state at depth d is expanded before any at depth d + 1,
// so a counterexample is still a shortest one (its length is minimal; which of several shortest
// counterexamples is found may differ from run to run and from one worker). Within a level the
// load is balanced by stealing: a worker that finishes its part says so (a shared count of hungry
// workers), and a busy one that sees it hands over the second half of its rest, through the
// coordinator. States cross threads only then, so a level ends within a few states' time of
// its last state, without a rebalancing pass between levels. The table grows at safe points: a
// worker that sees it past its load limit pauses before its next state, and once no worker runs
// the coordinator rehashes into a table twice as big and resumes them.
//
// Start-up: a worker thread takes about half a second to load tsx and the spec. Meanwhile the
// coordinator explores the first levels itself (it has the model already), polling between states
// whether every worker is ready; then it hands over the rest of its level and what it found of
// the next, mid-level. A small model is finished before they are ready.
//
// Exactness: a fingerprint is inserted by exactly one worker (compare-and-swap), so the distinct
// state count equals the one-worker count, run after run.

import { Worker } from 'node:worker_threads';
import { HandlerError, InputError } from '../errors.ts';
import { fingerprintOut, fingerprintState } from '../fingerprint/hash.ts';
import { SharedFingerprintSet } from '../fingerprint/shared-fingerprint-set.ts';
import type { Model } from '../model.ts';
import type { ExploreOptions } from './options.ts';
import { workerScript } from './worker-script.ts';
import { withoutViolation, type Bound, type Outcome, type Path } from './outcome.ts';
import { CONTROL_WORDS, HUNGRY, READY, STOP, STOP_BOUND, type ToCoordinator, type ToWorker, type WorkerSetup } from './parallel-protocol.ts';
import { ParentLinks } from './parent-links.ts';
import { identifier, replayChain } from './state-store.ts';
import { brokenInvariant, candidatesOf, canStep, expandable, holdsIn, successorOf } from './steps.ts';
import { DEADLOCK } from '../properties.ts';

/** Where a worker rebuilds the model from: a spec file, the spec's name and a configuration. */
export interface ModelSource {
  readonly file: string;
  readonly spec: string;
  readonly config: string;
}

export interface ParallelOptions extends Omit<ExploreOptions, 'strategy'> {
  readonly workers: number;
  /** Initial capacity of the shared table, in slots. */
  readonly initialCapacity?: number;
  /**
   * Hand the frontier to the workers as soon as it holds this many states and they are ready
   * (default 64); with `waitForWorkers`, wait for them rather than explore meanwhile (tests).
   */
  readonly handoffMin?: number;
  readonly waitForWorkers?: boolean;
}

/** The coordinator hands its frontier to the workers once it holds at least this many states. */
const HANDOFF_MIN = 64;

/** Workers are started only for a run still going after this long (starting them costs ~0.2 s). */
const SPAWN_AFTER_MS = 150;

/** How often (in states) the coordinator looks whether every worker is ready. */
const HANDOFF_POLL = 64;

/**
 * The shared table starts with this many slots (32 MiB of address space). Pages are only backed
 * once touched, so a small model costs little; a model that fits never stops its workers to grow.
 */
const INITIAL_CAPACITY = 1 << 22;

/**
 * Explores `model` breadth-first with `options.workers` worker threads, each of which rebuilds the
 * model from `source` (which must build the same model).
 */
export async function exploreParallel<S, A>(source: ModelSource, model: Model<S, A>, options: ParallelOptions): Promise<Outcome<S, A>> {
  const started = Date.now();
  const W = Math.max(1, Math.floor(options.workers));
  const symmetry = options.symmetry === true && model.symmetry !== undefined;
  let table = SharedFingerprintSet.create(options.initialCapacity ?? INITIAL_CAPACITY);
  const control = new Int32Array(new SharedArrayBuffer(CONTROL_WORDS * 4));
  const nextSizes = new Array<number>(W).fill(0);
  const boundsHit = new Set<Bound>();
  const unreached = new Set(model.properties.filter((p) => p.kind === 'sometimes').map((p) => p.name));
  let generated = 0;
  let maxDepth = 0;

  // One inbox for every worker's messages.
  const inbox: { from: number; m: ToCoordinator }[] = [];
  let wake: (() => void) | undefined;
  const deliver = (from: number, m: ToCoordinator): void => {
    inbox.push({ from, m });
    const w = wake;
    wake = undefined;
    w?.();
  };
  const receive = async (): Promise<{ from: number; m: ToCoordinator }> => {
    while (inbox.length === 0) await new Promise<void>((r) => (wake = r));
    return inbox.shift()!;
  };

  // Workers start once their script is bundled and the run has lasted SPAWN_AFTER_MS; the
  // coordinator explores meanwhile. A run that ends first (most configurations of a spec
  // directory) starts none, and costs no more than on one thread.
  const workers: Worker[] = [];
  let closed = false;
  let handedOver = false;
  const spawning = workerScript(source.file).then(async (url) => {
    const wait = SPAWN_AFTER_MS - (Date.now() - started);
    if (wait > 0 && options.waitForWorkers !== true) await new Promise((r) => setTimeout(r, wait));
    for (let i = 0; i < W && !closed; i++) {
      const setup: WorkerSetup = {
        ...source,
        index: i,
        workers: W,
        symmetry,
        ...(options.maxStates !== undefined ? { maxStates: options.maxStates } : {}),
        control: control.buffer as SharedArrayBuffer,
        table: table.buffer,
        counter: table.counterBuffer,
      };
      // No inherited node flags: a `--import tsx` of the parent would load tsx again in every
      // worker, for a bundle that does not need it (the fallback registers it itself).
      const w = new Worker(url, { workerData: setup, execArgv: [] });
      w.on('message', (m: ToCoordinator) => deliver(i, m));
      w.on('error', (e) => deliver(i, { type: 'error', message: e.message, input: false }));
      // A worker that dies without an error (killed, say) would leave the search waiting for it.
      w.on('exit', (code) => {
        if (!closed) deliver(i, { type: 'error', message: `worker ${i} exited (code ${code})`, input: false });
      });
      workers.push(w);
    }
  });
  const post = (i: number, m: ToWorker): void => workers[i]!.postMessage(m);
  const fail = (m: Extract<ToCoordinator, { type: 'error' }>): never => {
    throw m.input ? new InputError(m.message) : new HandlerError(m.message);
  };

  let mainLinks = (): { parents: Int32Array; via: Int32Array } => ({ parents: new Int32Array(0), via: new Int32Array(0) });
  const timer = setInterval(() => {
    const now = Date.now();
    if (options.timeoutMs !== undefined && now - started >= options.timeoutMs && Atomics.load(control, STOP) === 0) {
      boundsHit.add('timeout');
      Atomics.store(control, STOP, STOP_BOUND);
    }
    if (options.maxStates !== undefined && table.size >= options.maxStates && Atomics.load(control, STOP) === 0) {
      boundsHit.add('maxStates');
      Atomics.store(control, STOP, STOP_BOUND);
    }
    options.onProgress?.({ distinctStates: table.size, generatedStates: generated, depth: maxDepth, queue: 0, ms: now - started });
  }, 250);

  const finish = (violation?: { property: string; path: Path<S, A> }): Outcome<S, A> => {
    const base = {
      unreached: [...unreached],
      boundsHit: [...boundsHit],
      distinctStates: table.size,
      generatedStates: generated,
      maxDepth,
      ms: Date.now() - started,
    };
    if (violation) return { ...base, status: 'violated', property: violation.property, path: violation.path };
    return withoutViolation(base);
  };

  try {
    // While the workers start (each loads tsx and the spec: about half a second), the coordinator
    // explores the first levels itself. Between states it polls how many are ready; once all are
    // and there is enough to share, it hands over the rest of its level and the part of the next
    // level it has found, mid-level. A small model is done before they are ready.
    const S = W + 1;
    const me = W;
    const links = new ParentLinks(1 << 10);
    let local = 0;
    const record = (parent: number, k: number): number => {
      links.set(local, parent, k);
      return local++ * S + me;
    };
    mainLinks = () => links.slice(local);
    const drain = (): void => {
      for (const { m } of inbox) if (m.type === 'error') fail(m);
    };
    const handoffMin = options.handoffMin ?? HANDOFF_MIN;
    const canHandOff = (states: number): boolean => Atomics.load(control, READY) === W && states >= handoffMin;

    const identify = identifier(model, symmetry) ?? ((s: S) => s);
    const inits = model.init();
    let level: S[] = [];
    let levelIds: number[] = [];
    let next: S[] = [];
    let nextIds: number[] = [];
    for (let i = 0; i < inits.length; i++) {
      const s = inits[i]!;
      generated++;
      fingerprintState(identify(s));
      if (!table.add(fingerprintOut[0]!, fingerprintOut[1]!)) continue;
      table.publish(1);
      const broken = brokenInvariant(model, s);
      if (broken !== undefined) return finish({ property: broken, path: { init: i, actions: [], states: [s] } });
      for (const p of model.properties) if (p.kind === 'sometimes' && holdsIn(p, s)) unreached.delete(p.name);
      level.push(s);
      levelIds.push(-2 - i);
    }
    let depth = 0;
    const maxDepthBound = options.maxDepth ?? Infinity;
    let pos = 0;
    alone: for (; level.length > 0; depth++) {
      await new Promise<void>((r) => setImmediate(r));
      drain();
      while (options.waitForWorkers === true && Atomics.load(control, READY) < W) {
        await new Promise<void>((r) => setTimeout(r, 5));
        drain();
      }
      if (Atomics.load(control, STOP) !== 0) return finish();
      maxDepth = depth;
      if (depth >= maxDepthBound) {
        if (level.some((s) => canStep(model, s))) boundsHit.add('maxDepth');
        return finish();
      }
      next = [];
      nextIds = [];
      for (pos = 0; pos < level.length; pos++) {
        if (pos % HANDOFF_POLL === 0) {
          if (canHandOff(level.length - pos + next.length)) break alone;
          // Let the event loop run: the workers' script is bundled (esbuild answers through it),
          // and they start, while this thread explores.
          if (pos % (4 * HANDOFF_POLL) === 0) await new Promise<void>((r) => setImmediate(r));
        }
        const s = level[pos]!;
        if (!expandable(model, s)) continue;
        const parent = levelIds[pos]!;
        const actions = candidatesOf(model, s);
        let enabled = false;
        for (let k = 0; k < actions.length; k++) {
          const t = successorOf(model, s, actions[k]!);
          if (t === undefined) continue;
          enabled = true;
          generated++;
          fingerprintState(identify(t));
          if (!table.add(fingerprintOut[0]!, fingerprintOut[1]!)) continue;
          table.publish(1);
          if (table.full) table = table.grown(table.capacity * 2);
          const id = record(parent, k);
          const broken = brokenInvariant(model, t);
          if (broken !== undefined) {
            maxDepth = depth + 1;
            return finish({ property: broken, path: await pathTo(id) });
          }
          for (const p of model.properties) if (p.kind === 'sometimes' && unreached.has(p.name) && holdsIn(p, t)) unreached.delete(p.name);
          next.push(t);
          nextIds.push(id);
        }
        if (!enabled && model.checkDeadlock) return finish({ property: DEADLOCK, path: await pathTo(parent) });
        if (options.maxStates !== undefined && table.size >= options.maxStates) {
          boundsHit.add('maxStates');
          return finish();
        }
      }
      level = next;
      levelIds = nextIds;
    }
    if (level.length === 0) return finish();
    // Hand over the rest of this level and what was found of the next, in equal parts.
    handedOver = true;
    for (let w = 0; w < W; w++) {
      const part = (xs: readonly S[], ids: readonly number[], from: number) => {
        const states: S[] = [];
        const partIds: number[] = [];
        for (let i = from + w; i < xs.length; i += W) {
          states.push(xs[i]!);
          partIds.push(ids[i]!);
        }
        return { states, ids: partIds };
      };
      post(w, { type: 'take', ...part(level, levelIds, pos), next: part(next, nextIds, 0) });
    }
    level = [];
    levelIds = [];
    next = [];
    nextIds = [];

    // Level by level: every worker expands its part; one that runs out is fed by the others.
    let violation: { property: string; id: number } | undefined;
    for (;; depth++) {
      maxDepth = depth;
      if (depth >= maxDepthBound) {
        workers.forEach((_, i) => post(i, { type: 'probe' }));
        let more = false;
        for (let n = 0; n < W; n++) {
          const { m } = await receive();
          if (m.type === 'error') fail(m);
          if (m.type === 'probed' && m.more) more = true;
        }
        if (more) boundsHit.add('maxDepth');
        break;
      }
      const found = await expandLevel();
      if (found !== undefined) {
        violation = found;
        maxDepth = found.property === DEADLOCK ? depth : depth + 1;
        break;
      }
      if (Atomics.load(control, STOP) !== 0) {
        if (options.maxStates !== undefined && table.size >= options.maxStates) boundsHit.add('maxStates');
        break;
      }
      if (nextSizes.reduce((a, b) => a + b, 0) === 0) break;
      workers.forEach((_, i) => post(i, { type: 'advance' }));
    }

    if (violation === undefined) return finish();
    return finish({ property: violation.property, path: await pathTo(violation.id) });
  } finally {
    clearInterval(timer);
    closed = true;
    await spawning;
    for (const w of workers) void w.terminate();
  }

  /**
   * Runs one level on every worker. A worker that finishes its part while others still run is
   * counted hungry; a running one that sees it gives half its rest, which is forwarded here. When
   * none runs and some paused at the table's load limit, the table grows and they resume.
   */
  async function expandLevel(): Promise<{ property: string; id: number } | undefined> {
    let violation: { property: string; id: number } | undefined;
    const running = new Set<number>();
    const paused: number[] = [];
    const hungry: number[] = [];
    const expand = (i: number): void => {
      post(i, { type: 'expand', table: table.buffer });
      running.add(i);
    };
    workers.forEach((_, i) => expand(i));
    while (running.size > 0) {
      const { from, m } = await receive();
      switch (m.type) {
        case 'error':
          return fail(m);
        case 'given':
          if (Atomics.load(control, STOP) === 0) {
            const to = hungry.shift()!;
            post(to, { type: 'take', states: m.states, ids: m.ids });
            expand(to);
          }
          continue;
        case 'idle':
          nextSizes[from] = m.next;
          for (const name of m.reached) unreached.delete(name);
          if (running.size > 1 && Atomics.load(control, STOP) === 0) {
            hungry.push(from);
            Atomics.add(control, HUNGRY, 1);
          }
          break;
        case 'paused':
          paused.push(from);
          break;
        case 'violation':
          violation ??= { property: m.property, id: m.id };
          for (const name of m.reached) unreached.delete(name);
          break;
        default:
          break;
      }
      if (m.type === 'idle' || m.type === 'paused' || m.type === 'violation' || m.type === 'stopped') {
        generated += m.generated;
        running.delete(from);
      }
      if (running.size === 0 && paused.length > 0 && Atomics.load(control, STOP) === 0) {
        table = table.grown(table.capacity * 2);
        for (const i of paused.splice(0)) expand(i);
      }
    }
    // Every worker is idle: no one can claim a hungry token any more.
    Atomics.store(control, HUNGRY, 0);
    return violation;
  }

  /**
   * Collects the parent pointers (the workers' too, once they have been handed states) and
   * re-runs the path to state `id`.
   */
  async function pathTo(id: number): Promise<Path<S, A>> {
    const parents: Int32Array[] = [];
    const via: Int32Array[] = [];
    const holders = handedOver ? W : 0;
    for (let i = 0; i < holders; i++) post(i, { type: 'links' });
    for (let n = 0; n < holders; ) {
      const { from, m } = await receive();
      if (m.type === 'error') fail(m);
      if (m.type !== 'links') continue;
      parents[from] = m.parents;
      via[from] = m.via;
      n++;
    }
    const mine = mainLinks();
    parents[W] = mine.parents;
    via[W] = mine.via;
    const steps: number[] = [];
    let cur = id;
    while (cur >= 0) {
      const w = cur % (W + 1);
      const local = (cur - w) / (W + 1);
      steps.push(via[w]![local]!);
      cur = parents[w]![local]!;
    }
    return replayChain(model, -2 - cur, steps.reverse());
  }
}
