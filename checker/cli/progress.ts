// Progress on stderr while checking, when stderr is a terminal.

import type { Progress } from '../explore/outcome.ts';

export function progressLine(label: string): ((p: Progress) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  return (p) => {
    const rate = p.ms > 0 ? Math.round((p.distinctStates / p.ms) * 1000) : 0;
    process.stderr.write(
      `\r\x1b[K${label}: ${p.distinctStates.toLocaleString('en-US')} states, ${rate.toLocaleString('en-US')}/s, depth ${p.depth}, queue ${p.queue.toLocaleString('en-US')}`,
    );
  };
}

export function clearProgress(): void {
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
}
