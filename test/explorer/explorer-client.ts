// Starting the explorer on a spec configuration (127.0.0.1, any free port) and talking to its API
// as the page does.

import { checkConfig } from '../../checker/check.ts';
import { openConfig } from '../../checker/cli/explore.ts';
import { startExplorer, type RunningExplorer } from '../../checker/explorer/server.ts';
import type { OpenConfig } from '../../checker/explorer/session.ts';
import type { StateView } from '../../checker/explorer/describe.ts';
import type { SearchResult } from '../../checker/explorer/search.ts';
import { loadSpecFile } from '../../checker/cli/load.ts';
import type { Trace } from '../../checker/trace/trace.ts';

export interface Explorer extends RunningExplorer {
  readonly open: OpenConfig;
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body: unknown): Promise<T>;
  /** The response of a request expected to fail: its status and error line. */
  fails(method: string, path: string, body?: unknown): Promise<{ status: number; error: string }>;
  state(steps: readonly number[], init?: number): Promise<StateView>;
  search(steps: readonly number[], goal?: string, maxStates?: number): Promise<SearchResult & { path?: number[]; init: number }>;
}

export async function startOn(file: string, config: string): Promise<Explorer> {
  const open = await openConfig(file, config);
  const running = await startExplorer(open, { host: '127.0.0.1', port: 0 });
  const request = async (method: string, path: string, body?: unknown): Promise<Response> =>
    fetch(new URL(path, running.url), { method, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  const ok = async <T>(res: Response): Promise<T> => {
    const data = (await res.json()) as T & { error?: string };
    if (!res.ok) throw new Error(data.error ?? String(res.status));
    return data;
  };
  return {
    ...running,
    open,
    get: async (path) => ok(await request('GET', path)),
    post: async (path, body) => ok(await request('POST', path, body)),
    fails: async (method, path, body) => {
      const res = await request(method, path, body);
      return { status: res.status, error: ((await res.json()) as { error: string }).error };
    },
    state: async (steps, init = 0) => ok(await request('GET', `/api/state?init=${init}&path=${steps.join(',')}`)),
    search: async (steps, goal = 'violation', maxStates) => ok(await request('POST', '/api/search', { init: 0, path: steps, goal, ...(maxStates ? { maxStates } : {}) })),
  };
}

/** The counterexample `check` finds for a bug variant, as its trace. */
export async function counterexample(file: string, config: string): Promise<Trace> {
  const [{ spec }] = (await loadSpecFile(file)).filter((l) => config in l.spec.configs);
  const report = checkConfig(spec!, config, file);
  if (!report.trace) throw new Error(`${file} ${config}: check found no counterexample`);
  return report.trace;
}
