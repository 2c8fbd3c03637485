// The actor system a real run starts: a spec file's configuration, built with the configuration's
// runtime model (enough clients and operations for a run) or its checking model. The controller
// and every node process build it alike from the same arguments, so they agree on node ids.

import type { ActorSystemOptions } from '../actor/system-options.ts';
import type { ActorModel } from '../actor/system.ts';
import { InputError } from '../errors.ts';
import type { AnyModel } from '../model.ts';
import type { RuntimeOptions, Spec, SpecConfig } from '../spec.ts';
import { loadSpecFile } from '../cli/load.ts';

/** What names the model of a run: where its spec is, which configuration, and the run's shape. */
export interface RunTarget {
  readonly file: string;
  /** The spec's name (a file may export several); the first spec when absent. */
  readonly spec?: string;
  readonly config: string;
  /** Client nodes the model must have (the concurrency and the spares that replace retired clients). */
  readonly clients: number;
  /** Operations each client's script holds. */
  readonly operations: number;
  readonly seed: number;
}

export interface RunModel {
  readonly spec: Spec;
  readonly config: SpecConfig;
  readonly runtime: RuntimeOptions | undefined;
  readonly model: ActorModel<unknown, unknown>;
  readonly declaration: ActorSystemOptions<unknown, unknown>;
}

export async function loadRunModel(target: RunTarget): Promise<RunModel> {
  const loaded = await loadSpecFile(target.file);
  // Without a spec name: the spec of the file that has the configuration.
  const found = target.spec === undefined ? (loaded.find((l) => target.config in l.spec.configs) ?? loaded[0]) : loaded.find((l) => l.spec.name === target.spec);
  if (found === undefined) throw new InputError(`${target.file}: exports no spec named ${target.spec ?? ''}`);
  const { spec } = found;
  const config = spec.configs[target.config];
  if (config === undefined) {
    throw new InputError(`${target.file}: spec ${spec.name} has no configuration ${target.config} (it has ${Object.keys(spec.configs).join(', ')})`);
  }
  const runtime = config.runtime;
  const model: AnyModel = runtime?.model ? runtime.model({ clients: target.clients, operations: target.operations, seed: target.seed }) : config.model();
  if (!isActorModel(model)) throw new InputError(`${target.file}: configuration ${target.config} is not an actor system: only actor systems run for real`);
  return { spec, config, runtime, model, declaration: model.declaration };
}

function isActorModel(model: AnyModel): model is AnyModel & ActorModel<unknown, unknown> {
  return typeof model === 'object' && model !== null && 'declaration' in model && typeof (model as { declaration?: unknown }).declaration === 'object';
}
