// Memory figures of a bench run: the process's peak resident set, and that peak per distinct state
// (the figure to set beside the visited set's 16 bytes and the parent links' 8). The peak is the
// process's own since it started, so a run measured in a fresh process (explore.bench.ts) has its
// own; in a process that ran a bigger configuration before, it is that one's.

/** Peak RSS of this process so far, in bytes. */
export function peakRssBytes(): number {
  return process.resourceUsage().maxRSS * 1024;
}

/** Peak RSS so far divided by `states` (0 when there are none). */
export function bytesPerState(states: number): number {
  return states > 0 ? Math.round(peakRssBytes() / states) : 0;
}
