// A worker thread of parallel breadth-first searches (see coordinator.ts). It loads the spec file once
// (models are code, not transferable) and then takes part in one run after another (worker-pool.ts
// keeps it between runs): for each it builds the run's model from the spec's name and
// configuration and runs one explorer's part of each level (level-part.ts) as the coordinator
// directs, over the port the run came with. States come and go as ids (shared-links.ts).

import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { SharedFingerprintSet } from '../../fingerprint/shared-fingerprint-set.ts';
import { configModel } from '../../spec.ts';
import { LevelPart } from './level-part.ts';
import { SharedLinks } from './shared-links.ts';
import { workerError } from './worker-error.ts';
import type { PoolWorkerData, RunRequest, RunSetup, ToCoordinator, ToWorker } from './protocol.ts';

const { file } = workerData as PoolWorkerData;

/** Runs the worker on the spec module that `load` imports; every run comes from a coordinator. */
export function runWorker(load: () => Promise<Record<string, unknown>>): void {
  const loaded = load();
  loaded.catch(() => undefined); // reported to each run that asks
  parentPort!.on('message', (m: RunRequest) => {
    if (m.type !== 'run') return;
    loaded.then(
      (mod) => join(mod, m.setup, m.port),
      (e: unknown) => m.port.postMessage(workerError(e)),
    );
  });
}

function join(mod: Record<string, unknown>, setup: RunSetup, port: MessagePort): void {
  const send = (m: ToCoordinator): void => port.postMessage(m);
  let part: LevelPart<unknown, unknown>;
  const links = new SharedLinks(setup.explorers, setup.index, (index, buffer) => send({ type: 'chunk', index, buffer }));
  try {
    part = new LevelPart(configModel(mod, file, setup.spec, setup.config), setup, new Int32Array(setup.control), new SharedFingerprintSet(setup.table, setup.counter), links, (ids) => send({ type: 'given', ids }));
  } catch (e) {
    send(workerError(e));
    return;
  }
  const handle = (m: ToWorker): void => {
    switch (m.type) {
      case 'take':
        part.adopt(m.ids);
        break;
      case 'chunk':
        links.add(m.explorer, m.index, m.buffer);
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
    }
  };
  port.on('message', (m: ToWorker) => {
    try {
      handle(m);
    } catch (e) {
      send(workerError(e));
    }
  });
  send({ type: 'ready' });
}
