// Parallel breadth-first search on worker threads (`interleave check --workers N`).
//
// Design. The visited set is one lock-free table of fingerprints in shared memory
// (shared-fingerprint-set.ts) that every worker inserts into: on one machine that beats sharding
// the set by fingerprint and shipping every successor to the worker that owns its shard, because a
// state then crosses threads only when it is new AND the load needs rebalancing, not once per
// generated successor (structured cloning costs about as much as expanding a state). Each worker
// keeps the frontier states it found (plus those handed to it) and the parent pointers of the
// states it inserted; a state's id says which worker holds its parent pointer.
//
// The search is level-synchronous: every state at depth d is expanded before any at depth d + 1,
// so a counterexample is still a shortest one (its length is minimal; which of several shortest
// counterexamples is found may differ from run to run and from one worker). Between levels the
// coordinator evens out the frontiers, in batches. The table grows between safe points: a worker
// that sees it past its load limit pauses before its next state, and once every worker is paused or
// done the coordinator rehashes into a table twice as big and resumes them.
//
// Start-up: a worker thread takes about half a second to load tsx and the spec. Meanwhile the
// coordinator explores the first levels itself (it has the model already), and hands its frontier
// to the workers once they are all ready; a small model is finished before they are.
//
// Exactness: a fingerprint is inserted by exactly one worker (compare-and-swap), so the distinct
// state count equals the one-worker count, run after run.

import { Worker } from 'node:worker_threads';
import { HandlerError, InputError } from '../errors.ts';
import { fingerprintOut, fingerprintState } from '../fingerprint/hash.ts';
import { SharedFingerprintSet } from '../fingerprint/shared-fingerprint-set.ts';
import type { Model } from '../model.ts';
import type { ExploreOptions } from './options.ts';
import { withoutViolation, type Bound, type Outcome, type Path } from './outcome.ts';
import type { ToCoordinator, ToWorker, WorkerSetup } from './parallel-protocol.ts';
import { ParentLinks } from './parent-links.ts';
import { identifier, replayChain } from './state-store.ts';
import { brokenInvariant, candidatesOf, expandable, holdsIn, successorOf } from './steps.ts';
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

/** Frontiers that differ by less than this are not rebalanced. */
const REBALANCE_MIN = 64;

/**
 * Explores `model` breadth-first with `options.workers` worker threads, each of which rebuilds the
 * model from `source` (which must build the same model).
 */
export async function exploreParallel<S, A>(source: ModelSource, model: Model<S, A>, options: ParallelOptions): Promise<Outcome<S, A>> {
  const started = Date.now();
  const W = Math.max(1, Math.floor(options.workers));
  const symmetry = options.symmetry === true && model.symmetry !== undefined;
  let table = SharedFingerprintSet.create(options.initialCapacity ?? 1 << 16);
  const control = new Int32Array(new SharedArrayBuffer(4));
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

  const url = new URL('./worker-bootstrap.mjs', import.meta.url);
  const workers: Worker[] = [];
  for (let i = 0; i < W; i++) {
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
    const w = new Worker(url, { workerData: setup });
    w.on('message', (m: ToCoordinator) => deliver(i, m));
    w.on('error', (e) => deliver(i, { type: 'error', message: e.message, input: false }));
    workers.push(w);
  }
  const post = (i: number, m: ToWorker): void => workers[i]!.postMessage(m);
  const fail = (m: Extract<ToCoordinator, { type: 'error' }>): never => {
    throw m.input ? new InputError(m.message) : new HandlerError(m.message);
  };

  let mainLinks = (): { parents: Int32Array; via: Int32Array } => ({ parents: new Int32Array(0), via: new Int32Array(0) });
  const timer = setInterval(() => {
    const now = Date.now();
    if (options.timeoutMs !== undefined && now - started >= options.timeoutMs && Atomics.load(control, 0) === 0) {
      boundsHit.add('timeout');
      Atomics.store(control, 0, 2);
    }
    if (options.maxStates !== undefined && table.size >= options.maxStates && Atomics.load(control, 0) === 0) {
      boundsHit.add('maxStates');
      Atomics.store(control, 0, 2);
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
    // explores the first levels itself; it hands the frontier over once they are all ready and the
    // frontier is big enough to share. A small model is done before they are.
    const S = W + 1;
    const me = W;
    const links = new ParentLinks(1 << 10);
    let local = 0;
    const record = (parent: number, k: number): number => {
      links.set(local, parent, k);
      return local++ * S + me;
    };
    mainLinks = () => links.slice(local);
    let ready = 0;
    const drain = (): void => {
      for (let i = inbox.length - 1; i >= 0; i--) {
        const m = inbox[i]!.m;
        if (m.type === 'error') fail(m);
        if (m.type === 'ready') {
          ready++;
          inbox.splice(i, 1);
        }
      }
    };

    const identify = identifier(model, symmetry) ?? ((s: S) => s);
    const inits = model.init();
    let level: S[] = [];
    let levelIds: number[] = [];
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
    for (; level.length > 0; depth++) {
      await new Promise<void>((r) => setImmediate(r));
      drain();
      while (options.waitForWorkers === true && ready < W) {
        await new Promise<void>((r) => setTimeout(r, 5));
        drain();
      }
      if (Atomics.load(control, 0) !== 0) return finish();
      if (ready === W && level.length >= (options.handoffMin ?? HANDOFF_MIN)) break;
      maxDepth = depth;
      if (depth >= maxDepthBound) {
        if (level.some((s) => expandable(model, s) && candidatesOf(model, s).some((a) => successorOf(model, s, a) !== undefined))) boundsHit.add('maxDepth');
        return finish();
      }
      const next: S[] = [];
      const nextIds: number[] = [];
      for (let i = 0; i < level.length; i++) {
        const s = level[i]!;
        if (!expandable(model, s)) continue;
        const parent = levelIds[i]!;
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
    // Hand the frontier over, in equal parts.
    const sizes = new Array<number>(W).fill(0);
    for (let w = 0; w < W; w++) {
      const states: S[] = [];
      const ids: number[] = [];
      for (let i = w; i < level.length; i += W) {
        states.push(level[i]!);
        ids.push(levelIds[i]!);
      }
      sizes[w] = states.length;
      post(w, { type: 'take', states, ids });
    }
    let frontier = level.length;
    level = [];
    levelIds = [];

    let violation: { property: string; id: number } | undefined;
    for (; frontier > 0; depth++) {
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
      const pending = new Set<number>();
      const paused = new Map<number, number>();
      for (let i = 0; i < W; i++) {
        post(i, { type: 'expand', table: table.buffer });
        pending.add(i);
      }
      while (pending.size > 0) {
        const { from, m } = await receive();
        switch (m.type) {
          case 'error':
            fail(m);
            break;
          case 'done':
            sizes[from] = m.frontier;
            for (const name of m.reached) unreached.delete(name);
            break;
          case 'paused':
            paused.set(from, m.resumeAt);
            break;
          case 'violation':
            if (violation === undefined) violation = { property: m.property, id: m.id };
            for (const name of m.reached) unreached.delete(name);
            break;
          default:
            break;
        }
        if (m.type === 'done' || m.type === 'paused' || m.type === 'violation' || m.type === 'stopped') {
          generated += m.generated;
          pending.delete(from);
        }
        if (pending.size === 0 && paused.size > 0 && Atomics.load(control, 0) === 0) {
          table = table.grown(table.capacity * 2);
          for (const [i, resumeAt] of paused) {
            post(i, { type: 'expand', table: table.buffer, resumeAt });
            pending.add(i);
          }
          paused.clear();
        }
      }
      if (violation !== undefined) {
        maxDepth = violation.property === 'Deadlock' ? depth : depth + 1;
        break;
      }
      if (Atomics.load(control, 0) !== 0) {
        if (options.maxStates !== undefined && table.size >= options.maxStates) boundsHit.add('maxStates');
        break;
      }
      frontier = sizes.reduce((a, b) => a + b, 0);
      if (frontier > 0) await rebalance(sizes);
    }

    if (violation === undefined) return finish();
    return finish({ property: violation.property, path: await pathTo(violation.id) });
  } finally {
    clearInterval(timer);
    for (const w of workers) void w.terminate();
  }

  /** Evens out the frontiers: each worker above the mean gives its surplus to those below. */
  async function rebalance(sizes: number[]): Promise<void> {
    const mean = Math.floor(sizes.reduce((a, b) => a + b, 0) / W);
    const receivers = sizes.map((n, i) => ({ i, need: mean - n })).filter((r) => r.need >= REBALANCE_MIN);
    let moves = 0;
    for (let d = 0; d < W; d++) {
      let surplus = sizes[d]! - mean;
      for (const r of receivers) {
        if (surplus < REBALANCE_MIN) break;
        const n = Math.min(surplus, r.need);
        if (n < REBALANCE_MIN) continue;
        post(d, { type: 'give', to: r.i, count: n });
        moves++;
        surplus -= n;
        r.need -= n;
        sizes[d]! -= n;
        sizes[r.i]! += n;
      }
    }
    for (let k = 0; k < moves; k++) {
      const { m } = await receive();
      if (m.type === 'error') fail(m);
      if (m.type === 'given') post(m.to, { type: 'take', states: m.states, ids: m.ids });
    }
  }

  /** Collects every worker's parent pointers and re-runs the path to state `id`. */
  async function pathTo(id: number): Promise<Path<S, A>> {
    const parents: Int32Array[] = [];
    const via: Int32Array[] = [];
    workers.forEach((_, i) => post(i, { type: 'links' }));
    for (let n = 0; n < W; ) {
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
