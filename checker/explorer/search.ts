// "Search from here" as the server runs it: the search (search-from.ts) in a worker thread on the
// spec file, which builds the configuration's model again there (models are code, not
// transferable), so that the server keeps answering the page's progress polls and its cancel
// meanwhile. Cancelling terminates the worker. A search stops by itself at its state or time bound.

import { existsSync } from 'node:fs';
import { InputError } from '../errors.ts';
import { startSpecWorker, workerLoop, workerScript } from '../explore/parallel/worker-script.ts';
import { goalInvariants, searchFrom, type SearchEnd, type SearchRequest } from './search-from.ts';
import type { FromSearchWorker, SearchWorkerData } from './search-worker.ts';
import type { OpenConfig } from './session.ts';

/** `violation`: any invariant fails; `sometimes:<name>`: that property's predicate holds. */
export type SearchGoal = 'violation' | `sometimes:${string}`;

export type SearchStatus = 'running' | 'found' | 'not found' | 'bound reached' | 'cancelled';

export interface SearchProgress {
  readonly status: SearchStatus;
  /** Distinct states visited so far. */
  readonly states: number;
  /** The depth (steps from the start) being expanded. */
  readonly depth: number;
  readonly ms: number;
}

export interface SearchResult extends SearchProgress {
  /** `found`: the steps from the start (candidate-action indices) to the goal. */
  readonly steps?: readonly number[];
  /** `found`: what holds there (the violated invariant, or the goal reached). */
  readonly property?: string;
}

const LOOP = workerLoop(import.meta.url, './search-worker');

let alive = 0;

/** Search workers not yet exited (tests: a cancelled search leaves none). */
export function searchWorkersAlive(): number {
  return alive;
}

/** Bundles the worker of `open`'s searches ahead of the first one. */
export function prepareSearches(open: OpenConfig): void {
  if (existsSync(open.file)) void workerScript(open.file, LOOP);
}

export class Search {
  private states = 0;
  private depth = 0;
  private readonly started = performance.now();
  private outcome: SearchResult | undefined;
  private cancelled = false;
  private stop: (() => void) | undefined;

  constructor(
    private readonly open: OpenConfig,
    private readonly request: SearchRequest,
  ) {
    // A goal the spec does not have is refused before anything starts.
    goalInvariants(open.model, request.goal);
  }

  cancel(): void {
    this.cancelled = true;
    this.stop?.();
  }

  progress(): SearchResult {
    return this.outcome ?? { status: 'running', states: this.states, depth: this.depth, ms: this.ms() };
  }

  /** Runs to the end (goal found, space exhausted, a bound reached, or cancelled). */
  async run(): Promise<SearchResult> {
    // A model handed to the server in code, without a spec file, cannot be built in a worker: its
    // search runs in the server's thread, which answers nothing else until the search ends (at
    // the latest, at its state or time bound).
    const end = existsSync(this.open.file) ? await this.inWorker() : searchFrom(this.open.model, this.request);
    this.outcome = end === 'cancelled' ? { status: 'cancelled', states: this.states, depth: this.depth, ms: this.ms() } : { ...end, ms: this.ms() };
    return this.outcome;
  }

  private ms(): number {
    return Math.round(performance.now() - this.started);
  }

  private async inWorker(): Promise<SearchEnd | 'cancelled'> {
    const url = await workerScript(this.open.file, LOOP);
    if (this.cancelled) return 'cancelled';
    const { file, spec, config } = this.open;
    const data: SearchWorkerData = { file, loop: LOOP, spec, config, request: this.request };
    const worker = startSpecWorker(url, data);
    alive++;
    return new Promise((resolve, reject) => {
      this.stop = () => void worker.terminate();
      worker.on('message', (m: FromSearchWorker) => {
        if (m.type === 'progress') {
          this.states = m.states;
          this.depth = m.depth;
        } else if (m.type === 'end') resolve(m.end);
        else reject(m.input ? new InputError(m.message) : new Error(m.message));
      });
      worker.on('error', reject);
      // Its last word comes before it exits: a worker that exits without one was terminated. So
      // a search answers that it is cancelled once its worker has stopped.
      worker.on('exit', () => {
        alive--;
        resolve('cancelled');
      });
    });
  }
}
