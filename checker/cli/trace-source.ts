// Re-running a trace file against its spec, for `replay` and `show`.

import { InputError } from '../errors.ts';
import type { AnyModel } from '../model.ts';
import { replay, type ReplayResult } from '../trace/replay.ts';
import { readTrace, type Trace } from '../trace/trace.ts';
import { loadSpecNamed } from './load.ts';

export interface Replayed {
  readonly trace: Trace;
  readonly model: AnyModel;
  readonly result: ReplayResult;
}

export async function replayFile(path: string): Promise<Replayed> {
  const trace = readTrace(path);
  const spec = await loadSpecNamed(trace.file, trace.spec);
  const cfg = spec.configs[trace.config];
  if (!cfg) throw new InputError(`${path}: spec ${trace.spec} in ${trace.file} has no configuration ${trace.config}`);
  let model: AnyModel;
  try {
    model = cfg.model();
  } catch (e) {
    throw new InputError(`${trace.file}: building ${trace.spec}/${trace.config} threw: ${e instanceof Error ? e.message : String(e)}`);
  }
  try {
    return { trace, model, result: replay(model, trace) };
  } catch (e) {
    if (e instanceof InputError) throw new InputError(`${path}: ${e.message}`);
    throw e;
  }
}
