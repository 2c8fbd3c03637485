// A worker thread of a parallel breadth-first search (see parallel.ts). It rebuilds the model from
// the spec file and configuration (models are code, not transferable) and runs one explorer's part
// of each level (parallel-part.ts) as the coordinator directs.

import { parentPort, workerData } from 'node:worker_threads';
import { SharedFingerprintSet } from '../fingerprint/shared-fingerprint-set.ts';
import type { AnyModel } from '../model.ts';
import { isSpec } from '../spec.ts';
import { LevelPart } from './parallel-part.ts';
import type { ToCoordinator, ToWorker, WorkerSetup } from './parallel-protocol.ts';

const setup = workerData as WorkerSetup;
const port = parentPort!;

async function loadModel(load: () => Promise<Record<string, unknown>>): Promise<AnyModel> {
  const mod = await load();
  const spec = Object.values(mod).find((x) => isSpec(x) && x.name === setup.spec);
  if (!isSpec(spec)) throw new Error(`${setup.file}: exports no spec named ${setup.spec}`);
  const cfg = spec.configs[setup.config];
  if (!cfg) throw new Error(`${setup.file}: spec ${setup.spec} has no configuration ${setup.config}`);
  return cfg.model();
}

const send = (m: ToCoordinator): void => port.postMessage(m);
const failure = (e: unknown): ToCoordinator => ({ type: 'error', message: e instanceof Error ? e.message : String(e), input: e instanceof Error && e.name === 'InputError' });

/** Runs the worker on the spec module that `load` imports; every message comes from the coordinator. */
export function runWorker(load: () => Promise<Record<string, unknown>>): void {
  work(load).catch((e: unknown) => send(failure(e)));
}

async function work(load: () => Promise<Record<string, unknown>>): Promise<void> {
  const model = await loadModel(load);
  const part = new LevelPart(model, setup, new Int32Array(setup.control), new SharedFingerprintSet(setup.table, setup.counter), (states, ids) =>
    send({ type: 'given', states, ids }),
  );
  const handle = (m: ToWorker): void => {
    switch (m.type) {
      case 'take':
        part.take(m.states, m.ids);
        break;
      case 'advance':
        part.advance();
        break;
      case 'expand':
        part.useTable(new SharedFingerprintSet(m.table, setup.counter));
        send(part.expand()!);
        break;
      case 'probe':
        send({ type: 'probed', more: part.canStepFurther() });
        break;
      case 'links':
        send({ type: 'links', ...part.linkArrays() });
        break;
    }
  };
  port.on('message', (m: ToWorker) => {
    try {
      handle(m);
    } catch (e) {
      send(failure(e));
    }
  });
  send({ type: 'ready' });
}
