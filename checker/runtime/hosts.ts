// Where the nodes of a run across machines listen: a JSON file mapping the controller and each
// server node, by name, to host:port, e.g.
//
//     {"controller": "host-a:7000", "replica1": "host-b:7001", "replica2": "host-c:7001", "replica3": "host-d:7001"}

import { existsSync, readFileSync } from 'node:fs';
import { InputError } from '../errors.ts';

export interface Address {
  readonly host: string;
  readonly port: number;
}

export type Hosts = ReadonlyMap<string, Address>;

export function readHosts(file: string): Hosts {
  if (!existsSync(file)) throw new InputError(`${file}: no such file`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new InputError(`${file}: not JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new InputError(`${file}: expected an object mapping node names to "host:port"`);
  const hosts = new Map<string, Address>();
  for (const [name, value] of Object.entries(parsed)) {
    const m = typeof value === 'string' ? /^(.+):(\d+)$/.exec(value) : null;
    const port = m ? Number(m[2]) : NaN;
    if (!m || !(port > 0 && port < 65536)) throw new InputError(`${file}: ${name}: expected "host:port", got ${JSON.stringify(value)}`);
    hosts.set(name, { host: m[1]!, port });
  }
  if (!hosts.has('controller')) throw new InputError(`${file}: no "controller" address`);
  return hosts;
}
