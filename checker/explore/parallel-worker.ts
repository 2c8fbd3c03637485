// One worker of a parallel breadth-first search (see parallel.ts). It rebuilds the model from the
// spec file and configuration (models are code, not transferable), keeps its own part of the
// frontier and the parent pointers of the states it found, and inserts fingerprints into the
// shared visited set. The coordinator drives it level by level.

import { parentPort, workerData } from 'node:worker_threads';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fingerprintOut, fingerprintState } from '../fingerprint/hash.ts';
import { SharedFingerprintSet } from '../fingerprint/shared-fingerprint-set.ts';
import type { AnyModel } from '../model.ts';
import { DEADLOCK } from '../properties.ts';
import { isSpec } from '../spec.ts';
import { ParentLinks } from './parent-links.ts';
import { identifier } from './state-store.ts';
import { brokenInvariant, candidatesOf, expandable, holdsIn, successorOf } from './steps.ts';
import type { ToCoordinator, ToWorker, WorkerSetup } from './parallel-protocol.ts';

const setup = workerData as WorkerSetup;
const port = parentPort!;
const out = fingerprintOut;
/** Insertions counted locally before they are added to the shared count. */
const PUBLISH = 64;

async function loadModel(): Promise<AnyModel> {
  const mod = (await import(pathToFileURL(resolve(setup.file)).href)) as Record<string, unknown>;
  const spec = Object.values(mod).find((x) => isSpec(x) && x.name === setup.spec);
  if (!isSpec(spec)) throw new Error(`${setup.file}: exports no spec named ${setup.spec}`);
  const cfg = spec.configs[setup.config];
  if (!cfg) throw new Error(`${setup.file}: spec ${setup.spec} has no configuration ${setup.config}`);
  return cfg.model();
}

const send = (m: ToCoordinator): void => port.postMessage(m);

async function main(): Promise<void> {
  const model = await loadModel();
  const identify = identifier(model, setup.symmetry) ?? ((s: unknown) => s);
  const control = new Int32Array(setup.control);
  let table = new SharedFingerprintSet(setup.table, setup.counter);
  const W = setup.workers;
  const me = setup.index;
  const links = new ParentLinks();
  let local = 0;
  let frontier: unknown[] = [];
  let frontierIds: number[] = [];
  let next: unknown[] = [];
  let nextIds: number[] = [];
  let unreached = model.properties.filter((p) => p.kind === 'sometimes');
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

  send({ type: 'ready' });
  for (;;) {
    const m = await receive();
    switch (m.type) {
      case 'take': {
        for (let i = 0; i < m.states.length; i++) {
          frontier.push(m.states[i]);
          frontierIds.push(m.ids[i]!);
        }
        break;
      }
      case 'give': {
        // Between levels: hand the last `count` states of the frontier to another worker.
        const n = m.count;
        const states = frontier.splice(frontier.length - n, n);
        const ids = frontierIds.splice(frontierIds.length - n, n);
        send({ type: 'given', to: m.to, states, ids });
        break;
      }
      case 'probe': {
        // Depth bound reached: is any frontier state still expandable?
        let more = false;
        for (const s of frontier) {
          if (!expandable(model, s)) continue;
          if (candidatesOf(model, s).some((a) => successorOf(model, s, a) !== undefined)) {
            more = true;
            break;
          }
        }
        send({ type: 'probed', more });
        break;
      }
      case 'links':
        send({ type: 'links', ...links.slice(local) });
        break;
      case 'stop':
        port.close();
        return;
      case 'expand': {
        table = new SharedFingerprintSet(m.table, setup.counter);
        let generated = 0;
        let stopped = false;
        let violated = false;
        let i = m.resumeAt ?? 0;
        if (m.resumeAt === undefined) {
          next = [];
          nextIds = [];
        }
        let inserted = 0;
        for (; i < frontier.length; i++) {
          if (Atomics.load(control, 0) !== 0) {
            stopped = true;
            break;
          }
          // Past the load limit: pause before this state. Inserts are published in batches of
          // PUBLISH, so the table overshoots the limit by at most workers × (PUBLISH + branching).
          if (table.size + inserted >= table.limit) break;
          const s = frontier[i];
          if (!expandable(model, s)) continue;
          const parent = frontierIds[i]!;
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
            }
            if (setup.maxStates !== undefined && table.size + inserted >= setup.maxStates) Atomics.compareExchange(control, 0, 0, 2);
            const gid = record(parent, k);
            const broken = brokenInvariant(model, t);
            if (broken !== undefined) {
              Atomics.store(control, 0, 1);
              violated = true;
              send({ type: 'violation', property: broken, id: gid, generated, reached: reachedNames() });
              stopped = true;
              break;
            }
            if (unreached.length > 0) reach(t);
            next.push(t);
            nextIds.push(gid);
          }
          if (stopped) break;
          if (!enabled && model.checkDeadlock) {
            Atomics.store(control, 0, 1);
            violated = true;
            send({ type: 'violation', property: DEADLOCK, id: parent, generated, reached: reachedNames() });
            stopped = true;
            break;
          }
        }
        table.publish(inserted);
        if (stopped) {
          // Another worker found a violation, or a bound was hit: report and wait.
          if (!violated) send({ type: 'stopped', generated });
          break;
        }
        if (i < frontier.length) {
          // The table is past its load limit: pause here until the coordinator has grown it.
          send({ type: 'paused', generated, resumeAt: i });
          break;
        }
        frontier = next;
        frontierIds = nextIds;
        next = [];
        nextIds = [];
        send({ type: 'done', generated, frontier: frontier.length, reached: reachedNames() });
        break;
      }
    }
  }

  function reachedNames(): string[] {
    return model.properties.filter((p) => p.kind === 'sometimes' && !unreached.includes(p)).map((p) => p.name);
  }
}

main().catch((e: unknown) => {
  send({ type: 'error', message: e instanceof Error ? e.message : String(e), input: e instanceof Error && e.name === 'InputError' });
});
