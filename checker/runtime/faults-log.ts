// What the nemesis did, and when: each fault starts and ends at a time (milliseconds since the run
// started); the report draws them as bands over the latency plot.

export type FaultKind = 'kill' | 'pause' | 'partition' | 'loss' | 'duplicate' | 'crash';

export const NEMESIS_KINDS = ['kill', 'pause', 'partition', 'loss', 'duplicate'] as const satisfies readonly FaultKind[];
export type NemesisKind = (typeof NEMESIS_KINDS)[number];

export interface FaultEvent {
  readonly t: number;
  readonly kind: FaultKind;
  readonly phase: 'start' | 'end';
  /** What it struck, e.g. `server2` or `{server1} | {server2, server3}`. */
  readonly detail: string;
}

/** Fault intervals: each start paired with its end (or the run's end). */
export function faultIntervals(events: readonly FaultEvent[], end: number): { kind: FaultKind; from: number; to: number; detail: string }[] {
  const open = new Map<string, FaultEvent>();
  const out: { kind: FaultKind; from: number; to: number; detail: string }[] = [];
  for (const e of events) {
    const key = `${e.kind} ${e.detail}`;
    if (e.phase === 'start') open.set(key, e);
    else {
      const s = open.get(key);
      if (s) out.push({ kind: e.kind, from: s.t, to: e.t, detail: e.detail });
      open.delete(key);
    }
  }
  for (const s of open.values()) out.push({ kind: s.kind, from: s.t, to: end, detail: s.detail });
  return out.sort((a, b) => a.from - b.from);
}
