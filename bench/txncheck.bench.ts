// Isolation checking of generated list-append histories, check time only (generation excluded).
//
// A simulated strictly serializable store runs concurrent clients (10 processes, transactions of
// 1–4 micro-ops over 10 active keys, each key retired after 32 appends, as Elle's generator
// does); each transaction takes effect atomically at its completion. "anomalies" histories make
// about one transaction in 500 read a stale version of a key (its last append left out), which
// produces G-single / G2-item cycles and their real-time variants. One JSON line per history and
// model set, median of REPEATS runs after a warm-up: transactions per second of CPU time and wall
// time. Elle is reported at about 100–160k transactions/s on list-append histories.
//
//     npx tsx bench/txncheck.bench.ts [REPEATS]

import { loadavg } from 'node:os';
import { checkTransactions } from '../checker/consistency/transactions/check.ts';
import { rng } from '../test/support/rng.ts';
import type { ConsistencyModel } from '../checker/consistency/transactions/models.ts';
import type { MicroOp, Txn, TxnHistory, Value } from '../checker/consistency/transactions/txn.ts';

const repeats = Number(process.argv[2] ?? 5);

function generate(transactions: number, staleRate: number, seed: number): TxnHistory {
  const random = rng(seed);
  const processes = 10;
  const activeKeys = 10;
  const writesPerKey = 32;
  let nextKey = 0;
  const keys: number[] = Array.from({ length: activeKeys }, () => nextKey++);
  const lists = new Map<number, Value[]>();
  const writes = new Map<number, number>();
  const pending: ({ ops: MicroOp[]; invoke: number } | undefined)[] = new Array(processes).fill(undefined);
  const txns: Txn[] = [];
  let clock = 0;
  let invoked = 0;
  while (txns.length < transactions) {
    const p = Math.floor(random() * processes);
    const open = pending[p];
    if (open === undefined) {
      if (invoked >= transactions) continue;
      const n = 1 + Math.floor(random() * 4);
      const ops: MicroOp[] = [];
      for (let i = 0; i < n; i++) {
        const slot = Math.floor(random() * activeKeys);
        const key = keys[slot]!;
        if (random() < 0.5) {
          const w = (writes.get(key) ?? 0) + 1;
          writes.set(key, w);
          ops.push({ f: 'append', key, value: w });
          if (w >= writesPerKey) keys[slot] = nextKey++;
        } else ops.push({ f: 'r', key, value: null });
      }
      pending[p] = { ops, invoke: clock++ };
      invoked++;
      continue;
    }
    // Completion: the transaction takes effect now, atomically.
    const stale = random() < staleRate;
    const done: MicroOp[] = open.ops.map((op) => {
      if (op.f === 'append') {
        const list = lists.get(op.key as number) ?? [];
        list.push(op.value);
        lists.set(op.key as number, list);
        return op;
      }
      const list = lists.get(op.key as number) ?? [];
      return { f: 'r', key: op.key, value: stale && list.length > 0 ? list.slice(0, -1) : list.slice() };
    });
    txns.push({ id: txns.length, process: p, type: 'ok', ops: done, invoke: open.invoke, complete: clock++ });
    pending[p] = undefined;
  }
  return { workload: 'list-append', txns };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const round = (x: number): number => Math.round(x * 10) / 10;

const modelSets: ConsistencyModel[][] = [['serializable'], ['strict-serializable']];
for (const size of [10_000, 100_000]) {
  for (const [kind, rate] of [
    ['valid', 0],
    ['anomalies', 0.002],
  ] as const) {
    const history = generate(size, rate, size + (rate > 0 ? 1 : 0));
    for (const models of modelSets) {
      let result = checkTransactions(history, { models }); // warm-up
      const wall: number[] = [];
      const cpu: number[] = [];
      for (let r = 0; r < repeats; r++) {
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        result = checkTransactions(history, { models });
        wall.push(performance.now() - t0);
        const c = process.cpuUsage(c0);
        cpu.push((c.user + c.system) / 1000);
      }
      const ms = median(wall);
      const cpuMs = median(cpu);
      console.log(
        JSON.stringify({
          bench: 'txncheck',
          history: `list-append-${size / 1000}k-${kind}`,
          transactions: size,
          models: models.join(','),
          result: result.result,
          anomalies: result.counts,
          ms: round(ms),
          cpuMs: round(cpuMs),
          txnPerSec: Math.round((size / ms) * 1000),
          txnPerCpuSec: Math.round((size / cpuMs) * 1000),
          load: round(loadavg()[0]!),
        }),
      );
    }
  }
}
