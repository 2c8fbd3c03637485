// One worker of a parallel breadth-first search (see parallel.ts). It rebuilds the model from the
// spec file and configuration (models are code, not transferable), keeps its part of the current
// level and the states it found for the next one, and the parent pointers of the states it
// inserted into the shared visited set. The coordinator drives it level by level; within a level,
// a worker that runs out of states is fed by one that still has some (work stealing).

import { parentPort, workerData } from 'node:worker_threads';
import { fingerprintOut, fingerprintState } from '../fingerprint/hash.ts';
import { SharedFingerprintSet } from '../fingerprint/shared-fingerprint-set.ts';
import type { AnyModel } from '../model.ts';
import { DEADLOCK } from '../properties.ts';
import { isSpec } from '../spec.ts';
import { ParentLinks } from './parent-links.ts';
import { identifier } from './state-store.ts';
import { brokenInvariant, candidatesOf, canStep, expandable, holdsIn, successorOf } from './steps.ts';
import { HUNGRY, READY, STOP, STOP_BOUND, STOP_VIOLATION, type ToCoordinator, type ToWorker, type WorkerSetup } from './parallel-protocol.ts';

const setup = workerData as WorkerSetup;
const port = parentPort!;
const out = fingerprintOut;
/** Insertions counted locally before they are added to the shared count. */
const PUBLISH = 64;
/** How often (in states) a busy worker looks for a hungry one. */
const STEAL_CHECK = 32;
/** A worker gives half its rest only if the rest is at least this many states. */
const STEAL_MIN = 16;

async function loadModel(load: () => Promise<Record<string, unknown>>): Promise<AnyModel> {
  const mod = await load();
  const spec = Object.values(mod).find((x) => isSpec(x) && x.name === setup.spec);
  if (!isSpec(spec)) throw new Error(`${setup.file}: exports no spec named ${setup.spec}`);
  const cfg = spec.configs[setup.config];
  if (!cfg) throw new Error(`${setup.file}: spec ${setup.spec} has no configuration ${setup.config}`);
  return cfg.model();
}

const send = (m: ToCoordinator): void => port.postMessage(m);

/** Runs the worker on the spec module that `load` imports; every message comes from the coordinator. */
export function runWorker(load: () => Promise<Record<string, unknown>>): void {
  work(load).catch((e: unknown) => {
    send({ type: 'error', message: e instanceof Error ? e.message : String(e), input: e instanceof Error && e.name === 'InputError' });
  });
}

async function work(load: () => Promise<Record<string, unknown>>): Promise<void> {
  const model = await loadModel(load);
  const identify = identifier(model, setup.symmetry) ?? ((s: unknown) => s);
  const control = new Int32Array(setup.control);
  let table = new SharedFingerprintSet(setup.table, setup.counter);
  const W = setup.workers;
  const me = setup.index;
  const links = new ParentLinks();
  let local = 0;
  // The current level (expanded from `pos` on) and the states found for the next one.
  let level: unknown[] = [];
  let levelIds: number[] = [];
  let pos = 0;
  let next: unknown[] = [];
  let nextIds: number[] = [];
  const unreached = model.properties.filter((p) => p.kind === 'sometimes');
  let waiting: ((m: ToWorker) => void) | undefined;
  const inbox: ToWorker[] = [];
  port.on('message', (m: ToWorker) => {
    if (waiting) {
      const w = waiting;
      waiting = undefined;
      w(m);
    } else inbox.push(m);
  });
  const receive = (): Promise<ToWorker> =>
    inbox.length > 0 ? Promise.resolve(inbox.shift()!) : new Promise((r) => (waiting = r));

  const record = (parent: number, k: number): number => {
    links.set(local, parent, k);
    // Ids are interleaved: worker w numbers its states w, w + S, w + 2S, ... (S = workers + 1,
    // the coordinator being the last) so that an id names the thread that holds its parent.
    return local++ * (W + 1) + me;
  };

  const reach = (s: unknown): void => {
    for (let i = unreached.length - 1; i >= 0; i--) if (holdsIn(unreached[i]!, s)) unreached.splice(i, 1);
  };

  /** If a worker is hungry and this one has enough left, hands it the second half of the rest. */
  const share = (): void => {
    const rest = level.length - pos;
    if (rest < STEAL_MIN) return;
    // Claim one hungry worker's token; the coordinator forwards the states to that worker.
    for (let h = Atomics.load(control, HUNGRY); h > 0; h = Atomics.load(control, HUNGRY)) {
      if (Atomics.compareExchange(control, HUNGRY, h, h - 1) !== h) continue;
      const from = level.length - (rest >> 1);
      send({ type: 'given', states: level.splice(from), ids: levelIds.splice(from) });
      return;
    }
  };

  /** Expands the current level from `pos`; reports idle, paused, stopped or a violation. */
  const expand = (): void => {
    let generated = 0;
    let inserted = 0;
    let known = table.size;
    const finish = (m: ToCoordinator): void => {
      table.publish(inserted);
      send(m);
    };
    for (; pos < level.length; pos++) {
      if (Atomics.load(control, STOP) !== 0) return finish({ type: 'stopped', generated });
      // Past the load limit: pause before this state. The shared count is read once per batch
      // of PUBLISH inserts (every worker writes its cache line), so the table overshoots the limit
      // by at most workers × (2 × PUBLISH + branching).
      if (known + inserted >= table.limit) return finish({ type: 'paused', generated });
      if (pos % STEAL_CHECK === 0 && Atomics.load(control, HUNGRY) > 0) share();
      const s = level[pos];
      level[pos] = undefined; // done with it: let it be collected before the level ends
      if (!expandable(model, s)) continue;
      const parent = levelIds[pos]!;
      const actions = candidatesOf(model, s);
      let enabled = false;
      for (let k = 0; k < actions.length; k++) {
        const t = successorOf(model, s, actions[k]);
        if (t === undefined) continue;
        enabled = true;
        generated++;
        fingerprintState(identify(t));
        if (!table.add(out[0]!, out[1]!)) continue;
        if (++inserted === PUBLISH) {
          table.publish(inserted);
          inserted = 0;
          known = table.size;
        }
        if (setup.maxStates !== undefined && known + inserted >= setup.maxStates) Atomics.compareExchange(control, STOP, 0, STOP_BOUND);
        const gid = record(parent, k);
        const broken = brokenInvariant(model, t);
        if (broken !== undefined) {
          Atomics.store(control, STOP, STOP_VIOLATION);
          return finish({ type: 'violation', property: broken, id: gid, generated, reached: reachedNames() });
        }
        if (unreached.length > 0) reach(t);
        next.push(t);
        nextIds.push(gid);
      }
      if (!enabled && model.checkDeadlock) {
        Atomics.store(control, STOP, STOP_VIOLATION);
        return finish({ type: 'violation', property: DEADLOCK, id: parent, generated, reached: reachedNames() });
      }
    }
    finish({ type: 'idle', generated, next: next.length, reached: reachedNames() });
  };

  Atomics.add(control, READY, 1);
  for (;;) {
    const m = await receive();
    switch (m.type) {
      case 'take':
        for (let i = 0; i < m.states.length; i++) {
          level.push(m.states[i]);
          levelIds.push(m.ids[i]!);
        }
        if (m.next) {
          for (let i = 0; i < m.next.states.length; i++) {
            next.push(m.next.states[i]);
            nextIds.push(m.next.ids[i]!);
          }
        }
        break;
      case 'advance':
        level = next;
        levelIds = nextIds;
        pos = 0;
        next = [];
        nextIds = [];
        break;
      case 'expand':
        table = new SharedFingerprintSet(m.table, setup.counter);
        expand();
        break;
      case 'probe': {
        // Depth bound reached: is any state of the level still expandable?
        const more = level.some((s) => canStep(model, s));
        send({ type: 'probed', more });
        break;
      }
      case 'links':
        send({ type: 'links', ...links.slice(local) });
        break;
    }
  }

  function reachedNames(): string[] {
    return model.properties.filter((p) => p.kind === 'sometimes' && !unreached.includes(p)).map((p) => p.name);
  }
}
