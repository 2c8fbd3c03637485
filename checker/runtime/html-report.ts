// A real run as a self-contained HTML page: the figures, the latency of every operation over time
// (one dot per operation, pending ones at the top) with the nemesis's faults as shaded bands, the
// fault log, and when the history is not linearizable, the checker's timeline of the operations
// around the failure. No scripts, no fetches.

import { faultIntervals, type FaultEvent, type FaultKind } from './faults-log.ts';
import type { RunOperation } from './run-history.ts';
import type { RunSummary } from './summary.ts';

const COLORS: Record<FaultKind, string> = {
  kill: '#f4a6a6',
  pause: '#f7d58b',
  partition: '#a9c8f0',
  loss: '#c9b3e6',
  duplicate: '#b6e0c2',
  crash: '#e08080',
};

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function latencyPlot(operations: readonly RunOperation[], faults: readonly FaultEvent[], endMs: number): string {
  const W = 900;
  const H = 320;
  const left = 50;
  const bottom = 30;
  const top = 20;
  const done = operations.filter((o) => o.ret !== undefined);
  const maxLatency = Math.max(1, ...done.map((o) => (o.ret! - o.call) / 1000));
  const tEnd = Math.max(endMs, 1);
  const x = (ms: number): number => left + (ms / tEnd) * (W - left - 30);
  const y = (lat: number): number => H - bottom - (lat / maxLatency) * (H - bottom - top - 10);
  const parts: string[] = [];
  const bands = faultIntervals(faults, tEnd);
  bands.forEach((b, i) => {
    const x0 = x(b.from);
    const width = Math.max(1, x(b.to) - x0);
    parts.push(`<rect x="${x0.toFixed(1)}" y="${top}" width="${width.toFixed(1)}" height="${H - bottom - top}" fill="${COLORS[b.kind]}" opacity="0.55"><title>${escape(`${b.kind} ${b.detail}: ${(b.from / 1000).toFixed(2)}–${(b.to / 1000).toFixed(2)} s`)}</title></rect>`);
    parts.push(`<text x="${(x0 + 2).toFixed(1)}" y="${top + 12 + (i % 3) * 12}" font-size="10">${escape(b.kind)}</text>`);
  });
  parts.push(`<line x1="${left}" y1="${H - bottom}" x2="${W - 10}" y2="${H - bottom}" stroke="#333"/><line x1="${left}" y1="${top}" x2="${left}" y2="${H - bottom}" stroke="#333"/>`);
  for (let i = 0; i <= 5; i++) {
    const t = (tEnd * i) / 5;
    parts.push(`<text x="${x(t).toFixed(1)}" y="${H - 10}" font-size="11" text-anchor="middle">${(t / 1000).toFixed(1)} s</text>`);
    const l = (maxLatency * i) / 5;
    parts.push(`<text x="${left - 4}" y="${y(l).toFixed(1)}" font-size="11" text-anchor="end">${l.toFixed(0)}</text>`);
  }
  parts.push(`<text x="12" y="${top + 4}" font-size="11">ms</text>`);
  for (const o of operations) {
    const cx = x(o.call / 1000).toFixed(1);
    if (o.ret === undefined) {
      parts.push(`<circle cx="${cx}" cy="${top + 4}" r="2.5" fill="#e67e22"><title>pending ${escape(JSON.stringify(o.input))}</title></circle>`);
    } else {
      const lat = (o.ret - o.call) / 1000;
      const isRead = (o.input as { f?: unknown } | null)?.f === 'read' || (o.input as { f?: unknown } | null)?.f === 'get';
      parts.push(`<circle cx="${cx}" cy="${y(lat).toFixed(1)}" r="2" fill="${isRead ? '#2e86c1' : '#1e8449'}"/>`);
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">${parts.join('')}</svg>`;
}

export function runReportHtml(summary: RunSummary, operations: readonly RunOperation[], faults: readonly FaultEvent[], endMs: number, explanationHtml: string | undefined, explanationText: string | undefined): string {
  const rows = Object.entries(summary.faults).map(([k, n]) => `${escape(k)} ×${n}`).join(', ') || 'none';
  const log = faults.map((f) => `${(f.t / 1000).toFixed(3)} s  ${f.phase.padEnd(5)} ${f.kind} ${f.detail}`).join('\n');
  const verdictColor = summary.result === 'linearizable' ? '#1e8449' : summary.result === 'not-linearizable' ? '#c0392b' : '#7f8c8d';
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escape(`${summary.spec} ${summary.config}: ${summary.result}`)}</title><style>
body{font:14px system-ui,sans-serif;margin:24px;color:#222}table{border-collapse:collapse}td{padding:2px 12px 2px 0}
pre{background:#f6f6f6;padding:12px;overflow:auto;max-height:300px}iframe{width:100%;height:640px;border:1px solid #ccc}
.legend span{display:inline-block;margin-right:14px}.sw{display:inline-block;width:12px;height:12px;vertical-align:middle;margin-right:4px}
</style></head><body>
<h1>${escape(summary.spec)} · ${escape(summary.config)} · seed ${summary.seed}</h1>
<p style="font-size:18px;font-weight:600;color:${verdictColor}">${escape(summary.result)}</p>
<table>
<tr><td>operations</td><td>${summary.ops} (${summary.ok} ok, ${summary.fail} fail, ${summary.info} info)</td></tr>
<tr><td>throughput</td><td>${summary.opsPerSecond} ops/s</td></tr>
<tr><td>latency</td><td>p50 ${summary.latencyMs.p50} ms · p95 ${summary.latencyMs.p95} ms · p99 ${summary.latencyMs.p99} ms</td></tr>
<tr><td>faults</td><td>${rows}</td></tr>
<tr><td>history</td><td>${escape(summary.history)}</td></tr>
</table>
<h2>Latency over time</h2>
<p class="legend"><span><i class="sw" style="background:#2e86c1"></i>read</span><span><i class="sw" style="background:#1e8449"></i>write</span><span><i class="sw" style="background:#e67e22"></i>pending (info)</span>${(Object.keys(COLORS) as FaultKind[]).map((k) => `<span><i class="sw" style="background:${COLORS[k]}"></i>${k}</span>`).join('')}</p>
${latencyPlot(operations, faults, endMs)}
<h2>Faults</h2><pre>${escape(log || 'none')}</pre>
${explanationHtml === undefined ? '' : `<h2>Why the history is not linearizable</h2><pre>${escape(explanationText ?? '')}</pre><iframe srcdoc="${escape(explanationHtml)}"></iframe>`}
</body></html>
`;
}
