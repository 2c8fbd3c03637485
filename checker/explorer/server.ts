// The explorer's HTTP server (Node's `http`): the page, and a small JSON API over one open
// configuration. Bound to 127.0.0.1 unless told otherwise; port 0 takes any free port.
//
//   GET    /                      the page (self-contained: its script and styles are inline)
//   GET    /api/spec              the spec, configuration, nodes, properties
//   GET    /api/state?init=&path= the state at the end of a path (see describe.ts)
//   POST   /api/search            {init, path, goal, maxStates}: search from there; answers when it ends
//   GET    /api/search            the running search's progress
//   DELETE /api/search            cancels it (a new search cancels the old one too)
//   POST   /api/trace             {init, path}: the path as a trace file that replay and show accept
//   POST   /api/open              {trace}: the path that takes a trace's steps

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InputError } from '../errors.ts';
import { describeExpectation } from '../spec.ts';
import { describeState } from './describe.ts';
import { explorerPage } from './page-html.ts';
import { prepareSearches, Search, type SearchGoal } from './search.ts';
import { parseSteps, Session, type ExplorerPath, type OpenConfig } from './session.ts';

export interface ExplorerOptions {
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Default 0: any free port. */
  readonly port?: number;
}

export interface RunningExplorer {
  readonly url: string;
  readonly server: Server;
  close(): Promise<void>;
}

/** Bodies larger than this are refused (a trace of a few thousand steps fits easily). */
const MAX_BODY = 8 * 1024 * 1024;
const DEFAULT_MAX_STATES = 200_000;
/** Every search stops after this long, whatever its state bound. */
const SEARCH_TIMEOUT_MS = 60_000;

export async function startExplorer(open: OpenConfig, options: ExplorerOptions = {}): Promise<RunningExplorer> {
  const session = new Session(open);
  let search: Search | undefined;
  prepareSearches(open);

  const routes = async (req: IncomingMessage, url: URL): Promise<unknown> => {
    const route = `${req.method} ${url.pathname}`;
    switch (route) {
      case 'GET /api/spec':
        return {
          spec: open.spec,
          config: open.config,
          file: open.file,
          expected: describeExpectation(open.expected),
          nodes: session.nodes ?? null,
          initialStates: session.initialStates,
          properties: session.model.properties.map((p) => ({ name: p.name, kind: p.kind })),
        };
      case 'GET /api/state':
        return describeState(session, session.walk(pathParam(url)));
      case 'POST /api/search': {
        const body = await readJson(req);
        const path = pathBody(body);
        session.walk(path); // a path that does not apply is refused here, with the step at fault
        const goal = typeof body.goal === 'string' ? body.goal : 'violation';
        if (goal !== 'violation' && !goal.startsWith('sometimes:')) throw new InputError(`goal must be "violation" or "sometimes:<name>", not ${JSON.stringify(goal)}`);
        const maxStates = body.maxStates === undefined ? DEFAULT_MAX_STATES : Number(body.maxStates);
        if (!Number.isInteger(maxStates) || maxStates < 1) throw new InputError('maxStates must be a positive integer');
        search?.cancel();
        const mine = new Search(open, { from: path, goal: goal as SearchGoal, maxStates, timeoutMs: SEARCH_TIMEOUT_MS });
        search = mine;
        const result = await mine.run();
        return { ...result, init: path.init, ...(result.steps ? { path: [...path.steps, ...result.steps] } : {}) };
      }
      case 'GET /api/search':
        return search ? search.progress() : { status: 'none' };
      case 'DELETE /api/search':
        search?.cancel();
        return { status: 'cancelled' };
      case 'POST /api/trace':
        return session.traceOf(session.walk(pathBody(await readJson(req))));
      case 'POST /api/open': {
        const body = await readJson(req);
        const t = body.trace as { init?: unknown; steps?: unknown; spec?: unknown; config?: unknown } | undefined;
        if (typeof t !== 'object' || t === null || !Array.isArray(t.steps)) throw new InputError('not an interleave trace: it has no steps');
        if (t.spec !== open.spec || t.config !== open.config) throw new InputError(`the trace is of ${String(t.spec)}/${String(t.config)}, not ${open.spec}/${open.config}`);
        const init = Number.isInteger(t.init) ? (t.init as number) : 0;
        return session.pathOf({ init, steps: t.steps as { action: never; label: string }[] });
      }
      default:
        throw new NotFound(route);
    }
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'GET' && (url.pathname === '/' || url.pathname === '/index.html')) {
      send(res, 200, 'text/html; charset=utf-8', explorerPage(`${open.spec} / ${open.config}`));
      return;
    }
    routes(req, url).then(
      (v) => send(res, 200, 'application/json', JSON.stringify(v)),
      (e: unknown) => {
        if (e instanceof NotFound) send(res, 404, 'application/json', JSON.stringify({ error: `no such route: ${e.message}` }));
        else if (e instanceof InputError) send(res, 400, 'application/json', JSON.stringify({ error: e.message }));
        else send(res, 500, 'application/json', JSON.stringify({ error: e instanceof Error ? e.message : String(e) }));
      },
    );
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shown}:${port}/`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        search?.cancel();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

class NotFound extends Error {}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

function pathParam(url: URL): ExplorerPath {
  const init = url.searchParams.get('init') ?? '';
  const k = init === '' ? 0 : Number(init);
  if (!Number.isInteger(k) || k < 0) throw new InputError('init must be a non-negative integer');
  return { init: k, steps: parseSteps(url.searchParams.get('path')) };
}

function pathBody(body: Record<string, unknown>): ExplorerPath {
  const steps = body.path;
  const init = body.init ?? 0;
  if (!Array.isArray(steps) || !steps.every((k) => Number.isInteger(k) && (k as number) >= 0)) throw new InputError('path must be a list of step indices');
  if (!Number.isInteger(init) || (init as number) < 0) throw new InputError('init must be a non-negative integer');
  return { init: init as number, steps: steps as number[] };
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new InputError('the request body is too large');
    chunks.push(chunk as Buffer);
  }
  let v: unknown;
  try {
    v = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
  } catch {
    throw new InputError('the request body is not JSON');
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new InputError('the request body must be a JSON object');
  return v as Record<string, unknown>;
}
