// Explaining a check's result to a person: per model the verdict, per anomaly its witness (the
// cycle's transactions and, per edge, the evidence in words). As text, and as a self-contained
// HTML page (no scripts, no fetches) with a small SVG drawing of each witness cycle.

import type { Anomaly } from './anomaly.ts';
import type { TxnCheckResult } from './check.ts';
import { arrowOf } from './check.ts';
import { showTxn, txnName, type Txn } from './txn.ts';

export function renderTxnSummary(result: TxnCheckResult, file: string): string {
  const size = `${result.transactions} transactions, ${result.committed} committed, ${result.ms.toFixed(1)} ms`;
  const parts = result.models.map((v) =>
    v.result === 'invalid' ? `${v.model}: INVALID (${v.anomalies.join(', ')})` : v.result === 'unknown' ? `${v.model}: unknown (${v.reason})` : `${v.model}: valid`,
  );
  return `${file}: ${parts.join('; ')} (${size})`;
}

function describeTxn(t: Txn): string {
  return `${txnName(t)} (process ${String(t.process)}, ${t.type}): ${showTxn(t)}`;
}

/** The anomalies found, each with its explanation and, for cycles, one line per edge. */
export function renderTxnExplanation(result: TxnCheckResult): string {
  const { txns } = result.history;
  const lines: string[] = [];
  for (const type of result.anomalyTypes) {
    const shown = result.anomalies.filter((a) => a.type === type);
    const count = result.counts[type] ?? 0;
    lines.push(`${type}: ${count} found${count > shown.length ? `, ${shown.length} shown` : ''}`);
    for (const a of shown) {
      lines.push(`  ${a.explanation}${a.minimal === false ? ' (the search ran out of budget: a shorter one may exist)' : ''}`);
      for (const s of a.steps ?? []) lines.push(`    ${txnName(txns[s.from]!)} ${arrowOf(s.rel)} ${txnName(txns[s.to]!)}: ${s.evidence}`);
      for (const t of a.steps === undefined ? a.txns : a.steps.map((s) => s.from)) lines.push(`      ${describeTxn(txns[t]!)}`);
    }
  }
  return lines.join('\n');
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const COLOURS: Readonly<Record<string, string>> = { ww: '#c0392b', wr: '#2471a3', rw: '#d68910', process: '#7d3c98', realtime: '#5d6d7e' };

/** A drawing of a witness cycle: its transactions on a circle, each edge an arrow named by its relation. */
function cycleSvg(a: Anomaly, txns: readonly Txn[]): string {
  const steps = a.steps ?? [];
  const n = steps.length;
  const r = n <= 2 ? 70 : 60 + 18 * n;
  const size = 2 * r + 120;
  const c = size / 2;
  const at = (i: number): [number, number] => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
    return [c + r * Math.cos(angle), c + r * Math.sin(angle)];
  };
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">`,
    '<defs>',
    ...Object.entries(COLOURS).map(
      ([rel, colour]) => `<marker id="arrow-${rel}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0L10,5L0,10z" fill="${colour}"/></marker>`,
    ),
    '</defs>',
  ];
  steps.forEach((s, i) => {
    const [x1, y1] = at(i);
    const [x2, y2] = at((i + 1) % n);
    // Bend each edge outwards so that the two edges of a 2-cycle do not overlap.
    const mx = (x1 + x2) / 2;
    const my = (y1 + y2) / 2;
    const dx = x2 - x1;
    const dy = y2 - y1;
    const len = Math.hypot(dx, dy) || 1;
    const bend = n === 2 ? 40 : 20;
    const qx = mx + (dy / len) * bend;
    const qy = my - (dx / len) * bend;
    // Stop short of the node circles (radius 24).
    const shorten = (px: number, py: number, tx: number, ty: number): [number, number] => {
      const d = Math.hypot(tx - px, ty - py) || 1;
      return [px + ((tx - px) * 26) / d, py + ((ty - py) * 26) / d];
    };
    const [sx, sy] = shorten(x1, y1, qx, qy);
    const [ex, ey] = shorten(x2, y2, qx, qy);
    const colour = COLOURS[s.rel]!;
    parts.push(
      `<path d="M${sx.toFixed(1)},${sy.toFixed(1)} Q${qx.toFixed(1)},${qy.toFixed(1)} ${ex.toFixed(1)},${ey.toFixed(1)}" fill="none" stroke="${colour}" stroke-width="2" marker-end="url(#arrow-${s.rel})"><title>${esc(s.evidence)}</title></path>`,
      `<text x="${qx.toFixed(1)}" y="${qy.toFixed(1)}" fill="${colour}" font-size="13" text-anchor="middle" dy="4">${s.rel === 'realtime' ? 'rt' : s.rel}</text>`,
    );
  });
  steps.forEach((s, i) => {
    const [x, y] = at(i);
    parts.push(
      `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="24" fill="#fdfefe" stroke="#34495e" stroke-width="1.5"><title>${esc(describeTxn(txns[s.from]!))}</title></circle>`,
      `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" font-size="13" text-anchor="middle" dy="4">${esc(txnName(txns[s.from]!))}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}

export function renderTxnHtml(result: TxnCheckResult, title: string): string {
  const { txns } = result.history;
  const verdicts = result.models
    .map(
      (v) =>
        `<tr><td>${esc(v.model)}</td><td class="${v.result}">${v.result}</td><td>${esc(v.result === 'invalid' ? v.anomalies.join(', ') : (v.reason ?? ''))}</td></tr>`,
    )
    .join('');
  const sections = result.anomalyTypes.map((type) => {
    const shown = result.anomalies.filter((a) => a.type === type);
    const count = result.counts[type] ?? 0;
    const items = shown.map((a) => {
      const involved = a.steps === undefined ? a.txns : a.steps.map((s) => s.from);
      const table = `<table class="txns"><tr><th>txn</th><th>process</th><th>completion</th><th>micro-operations</th></tr>${involved
        .map((t) => `<tr><td>${esc(txnName(txns[t]!))}</td><td>${esc(String(txns[t]!.process))}</td><td>${txns[t]!.type}</td><td><code>${esc(showTxn(txns[t]!))}</code></td></tr>`)
        .join('')}</table>`;
      const steps =
        a.steps === undefined
          ? ''
          : `<ol>${a.steps.map((s) => `<li><b>${esc(`${txnName(txns[s.from]!)} ${arrowOf(s.rel)} ${txnName(txns[s.to]!)}`)}</b>: ${esc(s.evidence)}</li>`).join('')}</ol>`;
      const drawing = a.steps === undefined ? '' : `<div class="graph">${cycleSvg(a, txns)}</div>`;
      const note = a.minimal === false ? '<p class="note">The search ran out of budget: a shorter cycle of this type may exist.</p>' : '';
      return `<div class="anomaly"><p>${esc(a.explanation)}</p>${drawing}${steps}${note}${table}</div>`;
    });
    return `<section><h2>${esc(type)} <small>(${count} found${count > shown.length ? `, ${shown.length} shown` : ''})</small></h2>${items.join('')}</section>`;
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>
body{font-family:system-ui,sans-serif;margin:2em;max-width:70em;color:#17202a}
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccd1d1;padding:.2em .6em;text-align:left;vertical-align:top}
.valid{color:#1e8449}.invalid{color:#c0392b;font-weight:bold}.unknown{color:#b9770e}
.anomaly{border-left:3px solid #d5d8dc;padding-left:1em;margin:1em 0}.graph{margin:.5em 0}.note{color:#b9770e}
code{font-size:.9em}small{font-weight:normal;color:#5d6d7e}
</style></head><body>
<h1>${esc(title)}</h1>
<p>${result.transactions} transactions (${result.committed} committed), ${result.workload}, checked in ${result.ms.toFixed(1)} ms.</p>
<table><tr><th>model</th><th>verdict</th><th>ruled out by / why unknown</th></tr>${verdicts}</table>
${sections.length === 0 ? '<p>No anomalies found.</p>' : sections.join('\n')}
</body></html>
`;
}
